package io.spot.onboarding.runner.eval;

import io.spot.onboarding.runner.template.GetAttArgument;
import io.spot.onboarding.runner.template.Intrinsics;
import io.spot.onboarding.runner.template.Location;
import io.spot.onboarding.runner.template.TemplateValue;
import io.spot.onboarding.runner.template.TemplateValue.Mapping;
import io.spot.onboarding.runner.template.TemplateValue.Scalar;
import io.spot.onboarding.runner.template.TemplateValue.Sequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The names a value refers to (Ref, Fn::GetAtt, Fn::Sub variables, Fn::If conditions), found
 * without evaluating it: the implicit dependencies of a resource, and what the template check
 * verifies exists.
 */
public final class References {

    public enum Kind {
        REF,
        GET_ATT,
        CONDITION
    }

    /** @param attribute the attribute for GET_ATT; null otherwise */
    public record Reference(Kind kind, String target, String attribute, Location location) {}

    private final Predicate<String> conditions;
    private final List<Reference> found = new ArrayList<>();

    private References(final Predicate<String> conditions) {
        this.conditions = conditions;
    }

    /** Every reference in every branch: what must exist for the template to be valid at all. */
    public static List<Reference> all(final TemplateValue value) {
        return in(value, null);
    }

    /**
     * The references of the branches the conditions take: a resource depends only on what it will
     * really use, so an Fn::If may name a resource whose condition is false in the other branch.
     */
    public static List<Reference> taken(final TemplateValue value, final Predicate<String> conditions) {
        return in(value, conditions);
    }

    private static List<Reference> in(final TemplateValue value, final Predicate<String> conditions) {
        final References references = new References(conditions);
        if (value != null) {
            references.walk(value, Set.of());
        }
        return references.found;
    }

    private void walk(final TemplateValue value, final Set<String> localSubVariables) {
        if (value instanceof Sequence sequence) {
            sequence.items().forEach(item -> walk(item, localSubVariables));
            return;
        }
        if (!(value instanceof Mapping mapping)) {
            return;
        }
        final String function = mapping.intrinsicName().orElse(null);
        if (function == null) {
            mapping.entries().values().forEach(item -> walk(item, localSubVariables));
            return;
        }
        final TemplateValue argument = mapping.get(function);
        final Location at = mapping.keyLocation(function);
        switch (function) {
            case Intrinsics.REF -> {
                if (argument instanceof Scalar scalar) {
                    found.add(new Reference(Kind.REF, scalar.text(), null, at));
                }
            }
            case Intrinsics.GET_ATT -> getAtt(argument, at);
            case Intrinsics.SUB -> sub(argument, at);
            case Intrinsics.CONDITION -> {
                if (argument instanceof Scalar scalar) {
                    found.add(new Reference(Kind.CONDITION, scalar.text(), null, at));
                }
            }
            case Intrinsics.IF -> ifThenElse(argument, at, localSubVariables);
            default -> walk(argument, localSubVariables);
        }
    }

    private void getAtt(final TemplateValue argument, final Location at) {
        final TemplateValue pair;
        try {
            pair = argument instanceof Scalar scalar ? GetAttArgument.split(scalar) : argument;
        } catch (RuntimeException malformed) {
            return;
        }
        if (pair instanceof Sequence sequence
                && sequence.items().size() == 2
                && sequence.items().get(0) instanceof Scalar resource) {
            final String attribute = sequence.items().get(1) instanceof Scalar name ? name.text() : null;
            found.add(new Reference(Kind.GET_ATT, resource.text(), attribute, at));
            walk(sequence.items().get(1), Set.of());
        }
    }

    private void sub(final TemplateValue argument, final Location at) {
        TemplateValue text = argument;
        final Set<String> local = new HashSet<>();
        if (argument instanceof Sequence sequence && sequence.items().size() == 2) {
            text = sequence.items().get(0);
            if (sequence.items().get(1) instanceof Mapping variables) {
                local.addAll(variables.entries().keySet());
                variables.entries().values().forEach(item -> walk(item, Set.of()));
            }
        }
        if (!(text instanceof Scalar scalar)) {
            return;
        }
        for (final SubString.Part part : SubString.parse(scalar.text())) {
            if (part instanceof SubString.Variable variable && !local.contains(variable.name())) {
                found.add(
                        variable.isAttribute()
                                ? new Reference(Kind.GET_ATT, variable.resource(), variable.attribute(), at)
                                : new Reference(Kind.REF, variable.name(), null, at));
            }
        }
    }

    private void ifThenElse(final TemplateValue argument, final Location at, final Set<String> local) {
        if (!(argument instanceof Sequence sequence)
                || sequence.items().size() != 3
                || !(sequence.items().get(0) instanceof Scalar condition)) {
            walk(argument, local);
            return;
        }
        found.add(new Reference(Kind.CONDITION, condition.text(), null, at));
        if (conditions == null) {
            walk(sequence.items().get(1), local);
            walk(sequence.items().get(2), local);
        } else {
            walk(
                    conditions.test(condition.text())
                            ? sequence.items().get(1)
                            : sequence.items().get(2),
                    local);
        }
    }
}
