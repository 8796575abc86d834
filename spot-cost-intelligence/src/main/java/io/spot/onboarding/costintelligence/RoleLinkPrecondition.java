package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.api.SpotApiException;
import java.util.function.Consumer;

/**
 * Spot enrolls only accounts whose IAM role is linked (E10's documented precondition). When Spot
 * refuses, this tells whether that is why, so the message can say what to do: link credentials first.
 */
final class RoleLinkPrecondition {
    /**
     * The code the emulator answers with (its Invented.CI_CREDENTIALS_REQUIRED). Spot's real code is
     * not public, so an account with no linked role (E8) is recognised whatever the code.
     */
    static final String NOT_SET_CODE = "ACCOUNT_CREDENTIALS_NOT_SET";

    private RoleLinkPrecondition() {}

    static boolean explains(
            final SpotApiException refusal, final SpotApi spot, final String accountId, final Consumer<String> log) {
        return refusal.hasErrorCode(NOT_SET_CODE) || noRoleLinked(spot, accountId, log);
    }

    /** Only adds to a message about another failure, so a failure of its own must not replace that message. */
    static boolean noRoleLinked(final SpotApi spot, final String accountId, final Consumer<String> log) {
        try {
            return spot.linkedRole(accountId).isEmpty();
        } catch (SpotApiException unknown) {
            log.accept("Could not read the credentials of " + accountId + " to explain Spot's refusal: "
                    + unknown.getMessage());
            return false;
        }
    }

    static String linkFirst(final String accountId) {
        return "Spot account " + accountId + " has no linked AWS credentials, and Spot enrolls only accounts whose "
                + "IAM role it can assume. Link credentials first: give this resource DependsOn on the stack's "
                + "Spot::Onboarding::LinkedCredentials for the same account (or link the role in the Spot console), then "
                + "retry.";
    }
}
