package io.spot.onboarding.migration;

import java.util.List;
import java.util.function.Predicate;

/**
 * Which resources to retain: Spot's custom resources (step 1 of the migration), or named types
 * ({@code Spot::Onboarding::Account}, so a rollback of the migration can delete the new stacks
 * without deleting the Spot accounts they adopted).
 */
public record Selection(String description, Predicate<Object> matches) {
    public static final Selection CUSTOM = new Selection(
            "custom resource (Custom::* or AWS::CloudFormation::CustomResource)",
            type -> type instanceof String name
                    && (name.startsWith("Custom::") || name.equals("AWS::CloudFormation::CustomResource")));

    /** The resources of these types; none given means {@link #CUSTOM}. */
    public static Selection of(final List<String> types) {
        return types.isEmpty()
                ? CUSTOM
                : new Selection("resource of type " + String.join(" or ", types), types::contains);
    }
}
