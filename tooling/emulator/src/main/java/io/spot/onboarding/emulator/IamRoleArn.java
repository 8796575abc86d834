package io.spot.onboarding.emulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class IamRoleArn {

    // Role names may carry a path ("role/service-role/Name"), hence '/' in the name class.
    private static final Pattern ROLE_ARN =
            Pattern.compile("^arn:aws(?:-cn|-us-gov)?:iam::(\\d{12}):role/[\\w+=,.@/-]{1,512}$");

    private IamRoleArn() {}

    /** The 12-digit AWS account id of a role ARN, or empty when the string is not a role ARN. */
    static Optional<String> awsAccountIdOf(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Matcher matcher = ROLE_ARN.matcher(arn);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
