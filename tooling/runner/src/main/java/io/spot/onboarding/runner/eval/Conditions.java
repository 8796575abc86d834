package io.spot.onboarding.runner.eval;

import io.spot.onboarding.runner.template.Location;
import io.spot.onboarding.runner.template.Template;
import io.spot.onboarding.runner.template.TemplateValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The template's conditions for one set of parameter values. Conditions may name other conditions;
 * a cycle is an error that names it.
 */
public final class Conditions {
    private final Map<String, Boolean> values;

    private Conditions(final Map<String, Boolean> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Conditions evaluate(
            final Template template, final ParameterValues parameters, final PseudoParameters pseudo) {
        final Map<String, Boolean> values = new LinkedHashMap<>();
        final Deque<String> evaluating = new ArrayDeque<>();
        final Evaluator[] evaluator = new Evaluator[1];
        final Predicate<String> lookup = new Predicate<>() {
            @Override
            public boolean test(final String name) {
                final Boolean known = values.get(name);
                if (known != null) {
                    return known;
                }
                final TemplateValue body = template.conditions().get(name);
                if (body == null) {
                    throw new EvaluationException(
                            evaluating.isEmpty()
                                    ? new Location(template.source(), 0, 0)
                                    : template.conditions()
                                            .get(evaluating.peek())
                                            .location(),
                            "condition " + name + " is not declared in Conditions");
                }
                if (evaluating.contains(name)) {
                    throw new EvaluationException(
                            body.location(),
                            "conditions refer to each other in a cycle: " + String.join(" -> ", inOrder(evaluating))
                                    + " -> " + name);
                }
                evaluating.push(name);
                final boolean value = evaluator[0].condition(body);
                evaluating.pop();
                values.put(name, value);
                return value;
            }
        };
        evaluator[0] = new Evaluator(template, parameters, pseudo, lookup, Evaluator.Resources.NONE);
        template.conditions().keySet().forEach(lookup::test);
        return new Conditions(values);
    }

    private static List<String> inOrder(final Deque<String> stack) {
        final List<String> names = new ArrayList<>(stack);
        Collections.reverse(names);
        return names;
    }

    public boolean isTrue(final String name) {
        final Boolean value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("condition " + name + " is not declared in Conditions");
        }
        return value;
    }

    /** Whether a resource or output with this Condition attribute (null: none) exists. */
    public boolean allows(final String condition) {
        return condition == null || isTrue(condition);
    }

    public Map<String, Boolean> all() {
        return values;
    }
}
