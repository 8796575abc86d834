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

    public boolean isList() {
        return "CommaDelimitedList".equals(type) || type.startsWith("List<");
    }

    public boolean isNumber() {
        return "Number".equals(type);
    }
}
