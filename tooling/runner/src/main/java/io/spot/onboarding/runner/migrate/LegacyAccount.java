package io.spot.onboarding.runner.migrate;

import io.spot.onboarding.runner.env.MemberAccount;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * One member account as Spot's Lambda-backed StackSet left it: a Spot account linked to the old
 * stack's SpotRole, named after the alias, enrolled in Cost Intelligence.
 *
 * @param session a session in the member account, where the old SpotRole lives (in moto)
 */
public record LegacyAccount(
        MemberAccount member, String spotAccountId, String oldRoleArn, AwsSessionCredentials session) {

    public String awsAccountId() {
        return member.accountId();
    }
}
