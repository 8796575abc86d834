package io.spot.onboarding.accountalias;

import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerContract;
import io.spot.onboarding.harness.MotoServer;
import io.spot.onboarding.testing.SpotTypeHarness;

/** The AccountAlias type under test: its real HandlerWrapper against a fresh emulator. */
final class AliasHarness {
    /** AccountId is an input, so every IN_PROGRESS carries it, from the first Create event on. */
    static final HandlerContract CONTRACT = new HandlerContract("AccountId", false);

    static final String AWS_ACCOUNT_ID = CloudFormationRequest.AWS_ACCOUNT_ID;

    private AliasHarness() {}

    /**
     * As deployed: the alias comes from IAM through the AWS SDK, here moto_server's IAM. Moto is
     * started first so the handler's IAM client, built once per JVM, is aimed at it.
     */
    static SpotTypeHarness start() {
        MotoServer.shared();
        return new SpotTypeHarness(ResourceModel.TYPE_NAME, HandlerWrapper::new, CONTRACT);
    }

    /** With a stand-in for IAM, for the answers moto cannot give (access denied, throttling, 5xx). */
    static SpotTypeHarness start(final AccountAliasSource aliases) {
        return new SpotTypeHarness(ResourceModel.TYPE_NAME, () -> new HandlerWrapper(aliases), CONTRACT);
    }

    /** A Spot account as Spot's onboarding leaves it: named after the AWS account ID, linked to it. */
    static SpotAccountRecord onboardedAccount(final SpotTypeHarness harness) {
        final SpotAccountRecord account = harness.spot.state().createAccount(AWS_ACCOUNT_ID);
        harness.spot.state().link(account.accountId(), "arn:aws:iam::" + AWS_ACCOUNT_ID + ":role/SpotRole");
        return harness.spot.state().account(account.accountId()).orElseThrow();
    }

    static String nameOf(final SpotTypeHarness harness, final String accountId) {
        return harness.spot.state().account(accountId).orElseThrow().name();
    }
}
