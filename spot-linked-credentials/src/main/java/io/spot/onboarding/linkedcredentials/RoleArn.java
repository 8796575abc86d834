package io.spot.onboarding.linkedcredentials;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IAM role ARN, and the AWS account it belongs to. The pattern is the schema's RoleArn pattern. */
record RoleArn(String value, String awsAccountId) {
    static final String PATTERN = "^arn:aws[a-z-]*:iam::([0-9]{12}):role/[A-Za-z0-9+=,.@_/-]{1,512}$";
    private static final Pattern ROLE_ARN = Pattern.compile(PATTERN);

    static Optional<RoleArn> parse(final String value) {
        if (value == null) {
            return Optional.empty();
        }
        final Matcher matcher = ROLE_ARN.matcher(value);
        return matcher.matches() ? Optional.of(new RoleArn(value, matcher.group(1))) : Optional.empty();
    }

    /** What a FAILED event says about a value that is not a role ARN. */
    static String invalid(final String value) {
        return "RoleArn must be an IAM role ARN such as arn:aws:iam::123456789012:role/SpotRole (pattern "
                + PATTERN.replace("([0-9]{12})", "[0-9]{12}") + "), but was '" + value + "'.";
    }
}
