package io.spot.onboarding.runner.aws;

import java.util.regex.Pattern;

/**
 * moto can hold AWS's own managed policies (arn:aws:iam::aws:policy/...), but loading them costs
 * it ~70 ms and megabytes for every account it serves, which an organization of a thousand
 * accounts cannot afford. So the runner leaves them out of moto and records their attachment
 * itself: a role "has" SecurityAudit in the runner's model and in drift detection, not in moto.
 */
final class AwsManagedPolicies {
    private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:iam::aws:policy/.+$");

    private AwsManagedPolicies() {}

    static boolean isAwsManaged(final String policyArn) {
        return ARN.matcher(policyArn).matches();
    }
}
