package io.spot.onboarding.runner.template;

import java.util.List;

/**
 * A parameter as declared. {@code defaultValue} and {@code allowedValues} are text, as
 * CloudFormation handles every parameter value.
 */
public record ParameterDecl(
        String name,
        String type,
        String defaultValue,
        List<String> allowedValues,
        String allowedPattern,
        String constraintDescription,
        boolean noEcho,
        Location location) {

    public ParameterDecl {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }

    /** The runner's templates use String parameters only; the template check refuses the others. */
    public boolean isString() {
        return "String".equals(type);
    }
}
