package io.spot.onboarding.linkedcredentials;

import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.ROLE;
import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.common.handler.RetryPolicy;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 429, 5xx and network failures, mapped as DESIGN.md §4 says, through the real wrapper. */
class LinkedCredentialsFailureMappingTest {
    @RegisterExtension
    final LinkedCredentialsHarness harness = new LinkedCredentialsHarness();

    private final String accountId = harness.account();

    @Test
    void throttlingOfTheLinkWaitsAtLeastTheResetThenLinks() {
        harness.type.spot.faults().throttleNext("POST", "/setup/credentials/aws", 2, 42);

        final Operation create = harness.type.create(props(accountId, ROLE));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.events())
                .filteredOn(e -> e.message() != null && e.message().contains("429"))
                .hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.status()).isEqualTo("IN_PROGRESS");
                    assertThat(e.modelText("AccountId")).isEqualTo(accountId);
                    assertThat(e.callbackDelaySeconds()).isBetween(42 + 1, 42 + RetryPolicy.SPREAD * 42);
                });
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void throttlingDoesNotShortenTheWaitForPropagation() {
        // Propagation that takes the whole budget: the 8th call, 140 s after the first that reached Spot, links.
        harness.type
                .spot
                .faults()
                .iamPropagationDelay(Duration.ofSeconds(PropagationWait.TOTAL_SECONDS - PropagationWait.FIRST_SECONDS));
        harness.type.spot.faults().throttleNext("POST", "/setup/credentials/aws", 3, 1);

        final Operation create = harness.type.create(props(accountId, ROLE));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(harness.linkCalls()).isEqualTo(3 + PropagationWait.ATTEMPTS);
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void throttlingThatNeverEndsFailsAsThrottlingAfterABoundedWait() {
        harness.type.spot.faults().throttleNext("POST", "/setup/credentials/aws", 1000, 30);

        final Operation create = harness.type.create(props(accountId, ROLE));

        assertThat(create.last().errorCode()).isEqualTo("Throttling");
        assertThat(create.totalDelaySeconds())
                .as("waited out the limit for the whole budget, no longer")
                .isBetween((long) RetryPolicy.MAX_THROTTLE_WAIT_SECONDS, RetryPolicy.MAX_THROTTLE_WAIT_SECONDS + 600L);
        assertThat(harness.linkedRole(accountId)).isNull();
    }

    @Test
    void throttlingDuringReadFailsAtOnceAsThrottling() {
        final JsonNode model =
                harness.type.create(props(accountId, ROLE)).last().model();
        harness.type.spot.faults().throttleNext("GET", "/setup/credentials/aws", 1, 20);

        final HandlerResponse read = harness.type.read(model);

        assertThat(read.errorCode()).isEqualTo("Throttling");
        assertThat(read.message()).contains("20 s");
    }

    @Test
    void serverErrorsAreRetriedByUpdateThenItRelinks() {
        final JsonNode model =
                harness.type.create(props(accountId, ROLE)).last().model();
        harness.type.spot.faults().serverErrorNext("POST", "/setup/credentials/aws", 2, 503);

        final Operation update = harness.type.update(model, props(accountId, LinkedCredentialsHarness.NEW_ROLE));

        assertThat(update.events())
                .extracting(HandlerResponse::status)
                .containsExactly("IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "SUCCESS");
        assertThat(update.events().subList(0, 3))
                .extracting(HandlerResponse::callbackDelaySeconds)
                .as("the wait for IAM, then the two waits out of Spot's 5xx")
                .containsExactly(10, 5, 10);
        assertThat(harness.linkedRole(accountId)).isEqualTo(LinkedCredentialsHarness.NEW_ROLE);
    }

    @Test
    void serverErrorsThatPersistFailAsServiceInternalError() {
        harness.type.spot.faults().serverErrorNext("POST", "/setup/credentials/aws", 100, 500);

        final Operation create = harness.type.create(props(accountId, ROLE));

        assertThat(create.last().errorCode()).isEqualTo("ServiceInternalError");
        assertThat(create.events())
                .as("the wait for IAM, then the retries")
                .hasSize(RetryPolicy.MAX_TRANSIENT_RETRIES + 2);
        assertThat(create.last().message()).contains("HTTP 500").contains("Spot request id");
    }

    @Test
    void aServerErrorDuringReadOrDeleteIsServiceInternalError() {
        final JsonNode model =
                harness.type.create(props(accountId, ROLE)).last().model();
        harness.type.spot.faults().serverErrorNext("GET", "/setup/credentials/aws", 1 + 4, 502);

        assertThat(harness.type.read(model).errorCode()).isEqualTo("ServiceInternalError");
        assertThat(harness.type.delete(model).last().errorCode()).isEqualTo("ServiceInternalError");
    }

    @Test
    void aLinkWhoseAnswerWasLostIsSentAgainAndLinksOnce() {
        harness.type.spot.faults().dropResponseAfterWrite("POST", "/setup/credentials/aws", 1);

        final Operation create = harness.type.create(props(accountId, ROLE));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.events().get(0).message()).contains("Waiting");
        assertThat(harness.linkCalls()).isEqualTo(2);
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void aTimeoutOfTheLinkIsRetriedAndATimeoutOfReadIsNetworkFailure() {
        harness.type.spot.faults().latency("POST", "/setup/credentials/aws", Duration.ofSeconds(4));
        final Operation create = harness.type.create(props(accountId, ROLE));
        assertThat(create.last().errorCode()).as("every attempt times out").isEqualTo("NetworkFailure");
        assertThat(create.events())
                .as("the wait for IAM, then the retries")
                .hasSize(RetryPolicy.MAX_TRANSIENT_RETRIES + 2);

        harness.type.spot.state().link(accountId, ROLE);
        harness.type.spot.faults().latency("GET", "/setup/credentials/aws", Duration.ofSeconds(4));
        final HandlerResponse read = harness.type.read(props(accountId, ROLE));

        assertThat(read.errorCode()).isEqualTo("NetworkFailure");
        assertThat(read.message()).contains("Could not get an answer from Spot").contains(accountId);
    }

    @Test
    void aConnectionResetDuringTheLinkIsRetried() {
        harness.type.spot.faults().resetConnectionNext("POST", "/setup/credentials/aws", 1);

        final Operation create = harness.type.create(props(accountId, ROLE));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void aRejectedTokenIsInvalidCredentialsAndAReadOnlyTokenAccessDenied() {
        final HandlerResponse read = harness.type.driver.invoke(harness.type
                .request("READ")
                .typeConfiguration(harness.type.typeConfiguration("notTheRightToken"))
                .properties(props(accountId, ROLE))
                .json());
        final Operation create = harness.type.driver.run(harness.type
                .request("CREATE")
                .typeConfiguration(harness.type.typeConfiguration(harness.type.readOnlyToken))
                .properties(props(accountId, ROLE))
                .json());

        assertThat(read.errorCode()).isEqualTo("InvalidCredentials");
        assertThat(create.last().errorCode()).isEqualTo("AccessDenied");
        assertThat(harness.linkedRole(accountId)).isNull();
    }

    @Test
    void theTokenWasLookedForInEverythingTheHandlersSaid() {
        harness.type.spot.faults().iamPropagationDelay(Duration.ofSeconds(5));
        harness.type.create(props(accountId, ROLE));

        assertThat(harness.type.scanner.scannedCount()).isGreaterThan(3);
    }
}
