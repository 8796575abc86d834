package io.spot.onboarding.templates;

import static io.spot.onboarding.templates.CfnYaml.list;
import static io.spot.onboarding.templates.CfnYaml.map;

import java.util.List;
import java.util.Map;

/** A Rules assertion (Fn::And, Fn::Or, Fn::Not, Fn::Equals of Refs and literals) for given parameter values. */
final class RuleValue {

    private RuleValue() {}

    static boolean holds(final Object assertion, final Map<String, String> parameters) {
        final Map<String, Object> node = map(assertion);
        final String function = node.keySet().iterator().next();
        final List<Object> arguments = list(node.get(function));
        return switch (function) {
            case "Fn::And" -> arguments.stream().allMatch(a -> holds(a, parameters));
            case "Fn::Or" -> arguments.stream().anyMatch(a -> holds(a, parameters));
            case "Fn::Not" -> !holds(arguments.get(0), parameters);
            case "Fn::Equals" -> value(arguments.get(0), parameters).equals(value(arguments.get(1), parameters));
            default -> throw new AssertionError("not a rule function: " + function);
        };
    }

    private static String value(final Object operand, final Map<String, String> parameters) {
        if (operand instanceof Map<?, ?> reference) {
            final String name = map(reference).get("Ref").toString();
            if (!parameters.containsKey(name)) {
                throw new AssertionError("no value given for " + name);
            }
            return parameters.get(name);
        }
        return operand.toString();
    }
}
