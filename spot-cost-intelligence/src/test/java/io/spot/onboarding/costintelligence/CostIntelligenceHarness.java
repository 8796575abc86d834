package io.spot.onboarding.costintelligence;

import static io.spot.onboarding.harness.CloudFormationRequest.AWS_ACCOUNT_ID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerContract;
import io.spot.onboarding.testing.SpotTypeHarness;

/** The CostIntelligence type under test: its real HandlerWrapper against a fresh emulator, and the accounts it needs. */
final class CostIntelligenceHarness {
    /** The user names the account, so every IN_PROGRESS, even the first, carries AccountId. */
    static final HandlerContract CONTRACT = new HandlerContract("AccountId", false);

    static final String ROLE = "arn:aws:iam::" + AWS_ACCOUNT_ID + ":role/SpotRole";
    static final String CI_ROUTE = "/cbi/v1/setup/account";
    static final String VALIDATION_ROUTE = "/cbi/v1/setup/account/validation";

    private CostIntelligenceHarness() {}

    static SpotTypeHarness start() {
        return new SpotTypeHarness(ResourceModel.TYPE_NAME, HandlerWrapper::new, CONTRACT);
    }

    /** A Spot account as the stack's Account and LinkedCredentials leave it: created, role linked. */
    static String linkedAccount(final SpotTypeHarness harness) {
        final String accountId = harness.spot.state().createAccount("linked").accountId();
        harness.spot.state().link(accountId, ROLE);
        return accountId;
    }

    /** A linked account someone enrolled before this stack existed. */
    static String enrolledAccount(final SpotTypeHarness harness) {
        final String accountId = linkedAccount(harness);
        harness.spot.state().enrollCostIntelligence(accountId);
        return accountId;
    }

    /** Enrolled accounts of other teams, so the enrolled-accounts list runs over several pages. */
    static void otherEnrolledAccounts(final SpotTypeHarness harness, final int count) {
        for (int i = 0; i < count; i++) {
            harness.spot
                    .state()
                    .enrollCostIntelligence(
                            harness.spot.state().createAccount("other-" + i).accountId());
        }
    }

    static ObjectNode properties(final String accountId, final String ownership) {
        final ObjectNode properties =
                CloudFormationRequest.MAPPER.createObjectNode().put("AccountId", accountId);
        return ownership == null ? properties : properties.put("AccountOwnership", ownership);
    }

    static ObjectNode properties(final String accountId) {
        return properties(accountId, "Created");
    }
}
