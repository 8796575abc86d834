package io.spot.onboarding.migration;

import java.util.Map;

/**
 * A custom resource of the template: CloudFormation sends its Create, Update and Delete to the
 * ServiceToken (for Spot's StackSet, a Lambda in Spot's AWS account 178579023202).
 */
public record CustomResource(String logicalId, String type, String serviceToken, String deletionPolicy,
                             String updateReplacePolicy) {
    static final String RETAIN = "Retain";

    static boolean isCustomType(final Object type) {
        return type instanceof String name && (name.startsWith("Custom::")
            || name.equals("AWS::CloudFormation::CustomResource"));
    }

    static CustomResource of(final String logicalId, final Map<String, Object> body) {
        final Object properties = body.get("Properties");
        final Object token = properties instanceof Map<?, ?> map ? map.get("ServiceToken") : null;
        return new CustomResource(logicalId, (String) body.get("Type"), token == null ? "(none)" : shown(token),
            text(body.get("DeletionPolicy")), text(body.get("UpdateReplacePolicy")));
    }

    /** CloudFormation calls no ServiceToken when the stack deletes or replaces it. */
    public boolean retained() {
        return RETAIN.equals(deletionPolicy) && RETAIN.equals(updateReplacePolicy);
    }

    private static String text(final Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** {@code {"!Sub": "arn:..."}} and {@code {"Fn::Sub": "arn:..."}} shown as the ARN pattern they hold. */
    private static String shown(final Object token) {
        if (token instanceof Map<?, ?> map && map.size() == 1) {
            final Object inner = map.values().iterator().next();
            return inner instanceof String text ? text : String.valueOf(inner);
        }
        return String.valueOf(token);
    }
}
