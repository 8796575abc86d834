package io.spot.onboarding.runner.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.runner.template.GetAttArgument;
import io.spot.onboarding.runner.template.Intrinsics;
import io.spot.onboarding.runner.template.Location;
import io.spot.onboarding.runner.template.ResourceDecl;
import io.spot.onboarding.runner.template.Template;
import io.spot.onboarding.runner.template.TemplateValue;
import io.spot.onboarding.runner.template.TemplateValue.Mapping;
import io.spot.onboarding.runner.template.TemplateValue.Scalar;
import io.spot.onboarding.runner.template.TemplateValue.Sequence;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Computes template values into the JSON a handler receives. {@code AWS::NoValue} comes back as
 * Java null and is dropped from the enclosing object or list, as CloudFormation drops it.
 */
public final class Evaluator {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** What Ref and Fn::GetAtt of a resource see: the stack's state at the time of evaluation. */
    public interface Resources {
        /** Resources cannot be referenced at all (the Conditions section). */
        Resources NONE = new Resources() {
            @Override
            public JsonNode ref(final String logicalId, final Location at) {
                throw new EvaluationException(at, "Conditions cannot refer to resources (" + logicalId + ")");
            }

            @Override
            public JsonNode getAtt(final String logicalId, final String attribute, final Location at) {
                throw new EvaluationException(at, "Conditions cannot refer to resources (" + logicalId + ")");
            }
        };

        JsonNode ref(String logicalId, Location at);

        JsonNode getAtt(String logicalId, String attribute, Location at);
    }

    private final Template template;
    private final ParameterValues parameters;
    private final PseudoParameters pseudo;
    private final Predicate<String> conditions;
    private final Resources resources;

    public Evaluator(
            final Template template,
            final ParameterValues parameters,
            final PseudoParameters pseudo,
            final Predicate<String> conditions,
            final Resources resources) {
        this.template = template;
        this.parameters = parameters;
        this.pseudo = pseudo;
        this.conditions = conditions;
        this.resources = resources;
    }

    /** A resource's Properties, evaluated; an empty object when it declares none. */
    public ObjectNode properties(final ResourceDecl resource) {
        if (resource.properties() == null) {
            return JSON.objectNode();
        }
        return (ObjectNode) evaluate(resource.properties());
    }

    /** The value; null when it is AWS::NoValue. */
    public JsonNode evaluate(final TemplateValue value) {
        if (value instanceof Scalar scalar) {
            return scalar(scalar);
        }
        if (value instanceof Sequence sequence) {
            final ArrayNode list = JSON.arrayNode();
            for (final TemplateValue item : sequence.items()) {
                final JsonNode evaluated = evaluate(item);
                if (evaluated != null) {
                    list.add(evaluated);
                }
            }
            return list;
        }
        final Mapping mapping = (Mapping) value;
        final String function = mapping.intrinsicName()
                .filter(name -> !Intrinsics.CONDITION.equals(name))
                .orElse(null);
        if (function != null) {
            return function(function, mapping.get(function), mapping.keyLocation(function));
        }
        final ObjectNode object = JSON.objectNode();
        mapping.entries().forEach((key, item) -> {
            final JsonNode evaluated = evaluate(item);
            if (evaluated != null) {
                object.set(key, evaluated);
            }
        });
        return object;
    }

    /** The value as text, for functions that need a string (Sub). */
    public String text(final TemplateValue value, final String function) {
        final JsonNode evaluated = evaluate(value);
        if (evaluated == null || evaluated.isContainerNode()) {
            throw new EvaluationException(
                    value.location(),
                    function + " needs a string here, got "
                            + (evaluated == null ? "AWS::NoValue" : evaluated.isArray() ? "a list" : "an object"));
        }
        return evaluated.asText();
    }

    private JsonNode function(final String name, final TemplateValue argument, final Location at) {
        return switch (name) {
            case Intrinsics.REF -> ref(argument, at);
            case Intrinsics.GET_ATT -> getAtt(argument, at);
            case Intrinsics.SUB -> JSON.textNode(sub(argument, at));
            case Intrinsics.IF -> ifThenElse(argument, at);
            case Intrinsics.EQUALS, Intrinsics.NOT, Intrinsics.AND, Intrinsics.OR ->
                JSON.booleanNode(condition(Mapping.intrinsic(name, argument, at)));
            default -> throw new EvaluationException(at, name + " is not supported by the local runner");
        };
    }

    /** A condition expression: Fn::Equals/Not/And/Or, {Condition: Name}, or a literal true/false. */
    public boolean condition(final TemplateValue value) {
        if (value instanceof Mapping mapping && mapping.intrinsicName().isPresent()) {
            final String name = mapping.intrinsicName().get();
            final TemplateValue argument = mapping.get(name);
            final Location at = mapping.keyLocation(name);
            switch (name) {
                case Intrinsics.CONDITION:
                    return conditions.test(scalarText(argument, name));
                case Intrinsics.EQUALS: {
                    final List<TemplateValue> operands = arguments(argument, name, 2, at);
                    final JsonNode left = evaluate(operands.get(0));
                    final JsonNode right = evaluate(operands.get(1));
                    return left != null
                            && right != null
                            && (left.isValueNode() && right.isValueNode()
                                    ? left.asText().equals(right.asText())
                                    : left.equals(right));
                }
                case Intrinsics.NOT:
                    return !condition(arguments(argument, name, 1, at).get(0));
                case Intrinsics.AND:
                    return conditionList(argument, name, at).stream().allMatch(this::condition);
                case Intrinsics.OR:
                    return conditionList(argument, name, at).stream().anyMatch(this::condition);
                default:
                    break;
            }
        }
        final JsonNode literal = evaluate(value);
        if (literal != null
                && (literal.isBoolean() || "true".equals(literal.asText()) || "false".equals(literal.asText()))) {
            return literal.asBoolean() || "true".equals(literal.asText());
        }
        throw new EvaluationException(
                value.location(), "a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or " + "or Condition");
    }

    private List<TemplateValue> conditionList(final TemplateValue argument, final String name, final Location at) {
        if (!(argument instanceof Sequence sequence)
                || sequence.items().size() < 2
                || sequence.items().size() > 10) {
            throw new EvaluationException(at, name + " takes a list of 2 to 10 conditions");
        }
        return sequence.items();
    }

    private JsonNode ref(final TemplateValue argument, final Location at) {
        final String target = scalarText(argument, Intrinsics.REF);
        if (PseudoParameters.NO_VALUE.equals(target)) {
            return null;
        }
        final JsonNode pseudoValue = pseudo.value(target);
        if (pseudoValue != null) {
            return pseudoValue;
        }
        if (parameters.has(target)) {
            return parameters.ref(target);
        }
        if (template.resources().containsKey(target)) {
            return resources.ref(target, at);
        }
        throw new EvaluationException(
                at,
                "Ref to " + target + ", which is not a parameter, pseudo parameter or " + "resource of this template");
    }

    private JsonNode getAtt(final TemplateValue argument, final Location at) {
        final TemplateValue pair = argument instanceof Scalar scalar ? GetAttArgument.split(scalar) : argument;
        final List<TemplateValue> parts = arguments(pair, Intrinsics.GET_ATT, 2, at);
        final String logicalId = scalarText(parts.get(0), Intrinsics.GET_ATT);
        final String attribute = text(parts.get(1), Intrinsics.GET_ATT);
        if (!template.resources().containsKey(logicalId)) {
            throw new EvaluationException(
                    at, "Fn::GetAtt of " + logicalId + ", which is not a resource of this template");
        }
        return resources.getAtt(logicalId, attribute, at);
    }

    private String sub(final TemplateValue argument, final Location at) {
        final String text;
        final Map<String, String> variables = new HashMap<>();
        if (argument instanceof Sequence sequence) {
            if (sequence.items().size() != 2 || !(sequence.items().get(1) instanceof Mapping map)) {
                throw new EvaluationException(at, "Fn::Sub takes a string, or [string, {Name: value, ...}]");
            }
            text = scalarText(sequence.items().get(0), Intrinsics.SUB);
            map.entries().forEach((name, value) -> variables.put(name, text(value, Intrinsics.SUB)));
        } else {
            text = scalarText(argument, Intrinsics.SUB);
        }
        final StringBuilder result = new StringBuilder();
        for (final SubString.Part part : SubString.parse(text)) {
            if (part instanceof SubString.Literal literal) {
                result.append(literal.text());
                continue;
            }
            final SubString.Variable variable = (SubString.Variable) part;
            final JsonNode value;
            if (variables.containsKey(variable.name())) {
                value = JSON.textNode(variables.get(variable.name()));
            } else if (variable.isAttribute() && template.resources().containsKey(variable.resource())) {
                value = resources.getAtt(variable.resource(), variable.attribute(), at);
            } else {
                value = ref(Scalar.string(variable.name(), at), at);
            }
            if (value == null || value.isContainerNode()) {
                throw new EvaluationException(at, "Fn::Sub variable ${" + variable.name() + "} is not a string");
            }
            result.append(value.asText());
        }
        return result.toString();
    }

    private JsonNode ifThenElse(final TemplateValue argument, final Location at) {
        final List<TemplateValue> parts = arguments(argument, Intrinsics.IF, 3, at);
        final String condition = scalarText(parts.get(0), Intrinsics.IF);
        return evaluate(conditions.test(condition) ? parts.get(1) : parts.get(2));
    }

    private static JsonNode scalar(final Scalar scalar) {
        return switch (scalar.kind()) {
            case NULL -> JSON.nullNode();
            case BOOLEAN ->
                "true".equalsIgnoreCase(scalar.text()) || "false".equalsIgnoreCase(scalar.text())
                        ? JSON.booleanNode(Boolean.parseBoolean(scalar.text().toLowerCase()))
                        : JSON.textNode(scalar.text());
            case INTEGER -> integer(scalar.text());
            case NUMBER -> number(scalar.text());
            case STRING -> JSON.textNode(scalar.text());
        };
    }

    private static JsonNode integer(final String text) {
        try {
            return JSON.numberNode(Long.parseLong(text.replace("_", "")));
        } catch (NumberFormatException e) {
            return JSON.textNode(text);
        }
    }

    private static JsonNode number(final String text) {
        try {
            return JSON.numberNode(new BigDecimal(text.replace("_", "")));
        } catch (NumberFormatException e) {
            return JSON.textNode(text);
        }
    }

    private static List<TemplateValue> arguments(
            final TemplateValue argument, final String function, final int count, final Location at) {
        if (!(argument instanceof Sequence sequence) || sequence.items().size() != count) {
            throw new EvaluationException(
                    at, function + " takes a list of " + count + " argument" + (count == 1 ? "" : "s"));
        }
        return sequence.items();
    }

    private static String scalarText(final TemplateValue value, final String function) {
        if (!(value instanceof Scalar scalar)) {
            throw new EvaluationException(value.location(), function + " needs a plain name here");
        }
        return scalar.text();
    }
}
