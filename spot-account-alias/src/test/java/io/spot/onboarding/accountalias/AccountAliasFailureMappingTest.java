package io.spot.onboarding.accountalias;

import static io.spot.onboarding.accountalias.AliasHarness.AWS_ACCOUNT_ID;
import static io.spot.onboarding.accountalias.AliasHarness.nameOf;
import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.common.handler.RetryPolicy;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Spot and network failures, mapped as DESIGN.md §4 says, through the real wrapper. */
class AccountAliasFailureMappingTest {
    @RegisterExtension
    final SpotTypeHarness harness = AliasHarness.start();

    private final String accountId = AliasHarness.onboardedAccount(harness).accountId();

    private ObjectNode named(final String name) {
        return props("{\"AccountId\":\"" + accountId + "\",\"Name\":\"" + name + "\"}");
    }

    @Test
    void aThrottledRenameWaitsAtLeastTheResetAndStillRecordsTheOriginalName() {
        harness.spot.faults().throttleNext("PUT", "/setup/account/{id}", 2, 42);

        final Operation create = harness.create(named("after-throttling"));

        assertThat(create.events())
                .extracting(HandlerResponse::status)
                .containsExactly("IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "SUCCESS");
        assertThat(create.events().subList(1, 3)).allSatisfy(e -> {
            assertThat(e.callbackDelaySeconds()).isBetween(42 + 1, 42 + RetryPolicy.SPREAD * 42);
            assertThat(e.modelText("AccountId")).isEqualTo(accountId);
        });
        assertThat(create.last().modelText("PreviousName")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(nameOf(harness, accountId)).isEqualTo("after-throttling");
    }

    @Test
    void aRenameWhoseAnswerWasLostIsRetriedAndTheNameToRestoreIsTheOriginal() {
        harness.spot.faults().dropResponseAfterWrite("PUT", "/setup/account/{id}", 1);

        final Operation create = harness.create(named("applied-once"));

        assertThat(create.events())
                .extracting(HandlerResponse::status)
                .containsExactly("IN_PROGRESS", "IN_PROGRESS", "SUCCESS");
        assertThat(create.last().modelText("PreviousName"))
                .as("not the name the lost rename already applied")
                .isEqualTo(AWS_ACCOUNT_ID);
        harness.delete(create.last().model());
        assertThat(nameOf(harness, accountId)).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void throttlingThatNeverEndsFailsAsThrottlingAfterABoundedWait() {
        harness.spot.faults().throttleNext("GET", "/setup/account/{id}", 1000, 30);

        final Operation create = harness.create(named("never"));

        assertThat(create.last().errorCode()).isEqualTo("Throttling");
        assertThat(create.totalDelaySeconds())
                .as("waited out the limit for the whole budget, no longer")
                .isBetween((long) RetryPolicy.MAX_THROTTLE_WAIT_SECONDS, RetryPolicy.MAX_THROTTLE_WAIT_SECONDS + 600L);
    }

    @Test
    void throttlingDuringReadFailsAtOnceAsThrottling() {
        final JsonNode model = harness.create(named("read-me")).last().model();
        harness.spot.faults().throttleNext("GET", "/setup/account/{id}", 1, 20);

        final HandlerResponse read = harness.read(model);

        assertThat(read.errorCode()).isEqualTo("Throttling");
        assertThat(read.message()).contains("20 s");
    }

    @Test
    void serverErrorsAreRetriedByUpdateThenSucceed() {
        final JsonNode model = harness.create(named("before")).last().model();
        harness.spot.faults().serverErrorNext("PUT", "/setup/account/{id}", 2, 503);

        final Operation update = harness.update(model, named("after"));

        assertThat(update.events())
                .extracting(HandlerResponse::status)
                .containsExactly("IN_PROGRESS", "IN_PROGRESS", "SUCCESS");
        assertThat(update.events().subList(0, 2))
                .extracting(HandlerResponse::callbackDelaySeconds)
                .containsExactly(5, 10);
        assertThat(nameOf(harness, accountId)).isEqualTo("after");
    }

    @Test
    void serverErrorsThatPersistDuringDeleteFailAsServiceInternalErrorKeepingTheName() {
        final JsonNode model = harness.create(named("stuck")).last().model();
        harness.spot.faults().serverErrorNext("PUT", "/setup/account/{id}", 100, 500);

        final Operation delete = harness.delete(model);

        assertThat(delete.last().errorCode()).isEqualTo("ServiceInternalError");
        assertThat(delete.events()).hasSize(RetryPolicy.MAX_TRANSIENT_RETRIES + 1);
        assertThat(delete.last().message()).contains("HTTP 500").contains("Spot request id");
        assertThat(nameOf(harness, accountId)).isEqualTo("stuck");
    }

    @Test
    void aServerErrorDuringReadIsServiceInternalError() {
        harness.spot.faults().serverErrorNext("GET", "/setup/account/{id}", 1, 502);

        assertThat(harness.read(named("x")).errorCode()).isEqualTo("ServiceInternalError");
    }

    @Test
    void aRejectedTokenIsInvalidCredentialsSayingWhereTheTokenCameFrom() {
        final HandlerResponse response = harness.driver.invoke(harness.request("READ")
                .typeConfiguration(harness.typeConfiguration("notTheRightToken"))
                .properties(named("x"))
                .json());

        assertThat(response.errorCode()).isEqualTo("InvalidCredentials");
        assertThat(response.message()).contains("SpotCredentials.ApiToken").contains("401");
    }

    @Test
    void aTokenWithoutWriteRightsIsAccessDeniedAndTheNameIsUnchanged() {
        final Operation create = harness.driver.run(harness.request("CREATE")
                .typeConfiguration(harness.typeConfiguration(harness.readOnlyToken))
                .properties(named("denied"))
                .json());

        assertThat(create.last().errorCode()).isEqualTo("AccessDenied");
        assertThat(create.last().message()).contains("403").contains("organization admin");
        assertThat(nameOf(harness, accountId)).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void anUnreachableSpotIsNetworkFailureNamingTheAccount() {
        final var request = harness.request("READ").properties(named("x")).json();
        harness.spot.close();

        final HandlerResponse read = harness.driver.invoke(request);

        assertThat(read.errorCode()).isEqualTo("NetworkFailure");
        assertThat(read.message()).contains(accountId);
    }
}
