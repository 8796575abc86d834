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

    /** Stands for {@link #CUSTOM} among named types. */
    public static final String CUSTOM_WORD = "custom";

    /** What the migration's default (Reuse) retains: Spot's custom resources, and the SpotRole with its policies. */
    public static final Selection WITH_SPOT_ROLE =
            of(List.of(CUSTOM_WORD, "AWS::IAM::Role", "AWS::IAM::ManagedPolicy", "AWS::IAM::Policy"));

    /**
     * The resources of these types; none given means {@link #CUSTOM}, and {@value #CUSTOM_WORD} among
     * them adds it (the migration's default keeps the old SpotRole too: {@code custom AWS::IAM::Role}).
     */
    public static Selection of(final List<String> types) {
        if (types.isEmpty()) {
            return CUSTOM;
        }
        final List<String> named =
                types.stream().filter(t -> !t.equals(CUSTOM_WORD)).toList();
        final Selection listed = new Selection("resource of type " + String.join(" or ", named), named::contains);
        if (named.size() == types.size()) {
            return listed;
        }
        return named.isEmpty()
                ? CUSTOM
                : new Selection(
                        CUSTOM.description() + " or " + listed.description(),
                        type -> CUSTOM.matches().test(type) || listed.matches().test(type));
    }
}
