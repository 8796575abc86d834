package io.spot.onboarding.migration;

import java.util.Map;

/**
 * A resource this tool makes CloudFormation keep: for Spot's StackSet, a custom resource whose
 * Create, Update and Delete go to its ServiceToken (a Lambda in Spot's AWS account 178579023202).
 *
 * @param serviceToken the ServiceToken as written (a {@code Fn::Sub} shows its pattern), or
 *                     {@code (none)} for a registry type
 */
public record RetainTarget(
        String logicalId, String type, String serviceToken, String deletionPolicy, String updateReplacePolicy) {
    static final String RETAIN = "Retain";

    static RetainTarget of(final String logicalId, final Map<String, Object> body) {
        final Object properties = body.get("Properties");
        final Object token = properties instanceof Map<?, ?> map ? map.get("ServiceToken") : null;
        return new RetainTarget(
                logicalId,
                (String) body.get("Type"),
                token == null ? "(none)" : shown(token),
                text(body.get("DeletionPolicy")),
                text(body.get("UpdateReplacePolicy")));
    }

    /** CloudFormation calls no handler for it when the stack deletes or replaces it. */
    public boolean retained() {
        return RETAIN.equals(deletionPolicy) && RETAIN.equals(updateReplacePolicy);
    }

    private static String text(final Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** {@code {"Fn::Sub": "arn:..."}} shown as the ARN pattern it holds. */
    private static String shown(final Object token) {
        if (token instanceof Map<?, ?> map && map.size() == 1) {
            final Object inner = map.values().iterator().next();
            return inner instanceof String text ? text : String.valueOf(inner);
        }
        return String.valueOf(token);
    }
}
