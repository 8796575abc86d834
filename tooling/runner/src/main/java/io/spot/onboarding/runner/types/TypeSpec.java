package io.spot.onboarding.runner.types;

import java.util.Set;

/**
 * What the runner needs to know of a type to run it: which properties replace the resource when
 * they change. What a template may set is cfn-lint's to check (and, for the Spot types, the
 * template check's, from their schemas).
 *
 * @param createOnly properties whose change replaces the resource
 */
public record TypeSpec(String typeName, Set<String> createOnly) {

    public TypeSpec {
        createOnly = Set.copyOf(createOnly);
    }
}
