package io.spot.onboarding.account;

import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.CloudFormationStandIn;
import io.spot.onboarding.harness.HandlerContract;
import io.spot.onboarding.testing.SpotTypeHarness;

/** The Account type under test: its real HandlerWrapper against a fresh emulator, and CloudFormation's stand-in. */
final class AccountHarness {
    /** Spot assigns the ID, so a Create throttled before the account exists has none to carry (see docs). */
    static final HandlerContract CONTRACT = new HandlerContract("AccountId", true);

    private AccountHarness() {}

    /** A harness whose CloudFormation knows no stack, as for Cloud Control or a stack it cannot see. */
    static SpotTypeHarness start() {
        CloudFormationStandIn.shared().reset();
        return new SpotTypeHarness(ResourceModel.TYPE_NAME, HandlerWrapper::new, CONTRACT);
    }

    /** The stack of the harness's requests, as CloudFormation would describe it during a stack delete. */
    static void stackDeleting() {
        CloudFormationStandIn.shared()
                .stack(
                        CloudFormationRequest.of(ResourceModel.TYPE_NAME, "DELETE")
                                .json()
                                .path("stackId")
                                .asText(),
                        "DELETE_IN_PROGRESS");
    }

    /** A Spot account that predates the stack, connected to the harness's AWS account through its SpotRole. */
    static SpotAccountRecord connectedAccount(final SpotTypeHarness harness, final String name) {
        final SpotAccountRecord account = harness.spot.state().createAccount(name);
        harness.spot
                .state()
                .link(account.accountId(), "arn:aws:iam::" + CloudFormationRequest.AWS_ACCOUNT_ID + ":role/SpotRole");
        return account;
    }
}
