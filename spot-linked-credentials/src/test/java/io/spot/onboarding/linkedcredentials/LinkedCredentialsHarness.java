package io.spot.onboarding.linkedcredentials;

import static io.spot.onboarding.harness.CloudFormationRequest.AWS_ACCOUNT_ID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.common.api.SpotApiClient;
import io.spot.onboarding.common.api.SpotClientTimeouts;
import io.spot.onboarding.common.api.SpotEndpoint;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerContract;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The LinkedCredentials type under test: its real HandlerWrapper against a fresh emulator, and
 * the Spot accounts a stack would hand it.
 */
final class LinkedCredentialsHarness implements AfterEachCallback, AutoCloseable {
    /** AccountId is an input: every IN_PROGRESS, Create's first included, carries it. */
    static final HandlerContract CONTRACT = new HandlerContract("AccountId", false);

    static final String ROLE = "arn:aws:iam::" + AWS_ACCOUNT_ID + ":role/SpotRole";
    static final String NEW_ROLE = "arn:aws:iam::" + AWS_ACCOUNT_ID + ":role/SpotRole-v2";
    static final String ROLE_OF_ANOTHER_AWS_ACCOUNT = "arn:aws:iam::210987654321:role/SpotRole";

    final SpotTypeHarness type = new SpotTypeHarness(ResourceModel.TYPE_NAME, HandlerWrapper::new, CONTRACT);

    /**
     * A Spot account as Spot::Onboarding::Account leaves it: created, with an external ID minted
     * through the API (the emulator refuses set-credentials without one). The request log is then
     * cleared, so it holds only what the handlers do.
     */
    String account() {
        final SpotAccountRecord account = type.spot.state().createAccount("onboarded");
        SpotApiClient.create(SpotEndpoint.of(type.spot.baseUrl()), type.token, SpotClientTimeouts.DEFAULT)
                .createExternalId(account.accountId());
        type.spot.clearRequests();
        return account.accountId();
    }

    /** An account already linked to {@code role}, as a console onboarding or an earlier stack leaves it. */
    String accountLinkedTo(final String role) {
        final String accountId = account();
        type.spot.state().link(accountId, role);
        return accountId;
    }

    String linkedRole(final String accountId) {
        return type.spot.state().account(accountId).orElseThrow().iamRole();
    }

    /** Requests of the set-credentials call (E7) the emulator received. */
    int linkCalls() {
        return type.spot.requestCount("POST", "/setup/credentials/aws");
    }

    static ObjectNode props(final String accountId, final String roleArn) {
        final ObjectNode properties = CloudFormationRequest.MAPPER.createObjectNode();
        properties.put("AccountId", accountId);
        properties.put("RoleArn", roleArn);
        return properties;
    }

    static ObjectNode props(final String accountId, final String roleArn, final String ownership) {
        return props(accountId, roleArn).put("AccountOwnership", ownership);
    }

    /** Registered as a test's extension, the emulator stops when the test ends. */
    @Override
    public void afterEach(final ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        type.close();
    }
}
