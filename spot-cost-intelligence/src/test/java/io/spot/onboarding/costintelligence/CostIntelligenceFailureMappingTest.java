package io.spot.onboarding.costintelligence;

import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.CI_ROUTE;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.VALIDATION_ROUTE;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.enrolledAccount;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.linkedAccount;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.properties;
import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.handler.RetryPolicy;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Spot and network failures on the Cost Intelligence routes, mapped as DESIGN.md §4 says, through the real wrapper. */
class CostIntelligenceFailureMappingTest {
    @RegisterExtension
    final SpotTypeHarness harness = CostIntelligenceHarness.start();

    @Test
    void throttlingDuringEnrollWaitsAtLeastTheResetAndDoesNotValidateAgain() {
        final String accountId = linkedAccount(harness);
        harness.spot.faults().throttleNext("POST", CI_ROUTE, 2, 30);

        final Operation create = harness.create(properties(accountId));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.events())
                .filteredOn(e -> e.message() != null && e.message().contains("429"))
                .hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.status()).isEqualTo("IN_PROGRESS");
                    assertThat(e.callbackDelaySeconds()).isBetween(30 + 1, 30 + RetryPolicy.SPREAD * 30);
                    assertThat(e.modelText("AccountId")).isEqualTo(accountId);
                });
        assertThat(harness.spot.requestCount("POST", VALIDATION_ROUTE)).isEqualTo(1);
        assertThat(harness.spot.requestCount("POST", CI_ROUTE)).isEqualTo(3);
    }

    @Test
    void throttlingThatNeverEndsFailsAsThrottlingAfterABoundedWait() {
        final String accountId = linkedAccount(harness);
        harness.spot.faults().throttleNext("POST", VALIDATION_ROUTE, 1000, 60);

        final Operation create = harness.create(properties(accountId));

        assertThat(create.last().errorCode()).isEqualTo("Throttling");
        assertThat(create.totalDelaySeconds())
                .as("waited out the limit for the whole budget, no longer")
                .isBetween((long) RetryPolicy.MAX_THROTTLE_WAIT_SECONDS, RetryPolicy.MAX_THROTTLE_WAIT_SECONDS + 600L);
        assertThat(harness.spot.state().isCostIntelligenceEnrolled(accountId)).isFalse();
    }

    @Test
    void throttlingDuringReadAndListFailsAtOnceAsThrottling() {
        final String accountId = enrolledAccount(harness);
        harness.spot.faults().throttleNext("GET", CI_ROUTE, 2, 20);

        final HandlerResponse read = harness.read(properties(accountId));
        final HandlerResponse list = harness.list(null);

        assertThat(read.errorCode()).isEqualTo("Throttling");
        assertThat(read.message()).contains("20 s", accountId);
        assertThat(list.errorCode()).isEqualTo("Throttling");
    }

    @Test
    void serverErrorsWhileWaitingForTheListingAreRetriedThenSucceed() {
        final String accountId = linkedAccount(harness);
        harness.spot.faults().serverErrorNext("GET", CI_ROUTE, 2, 503);

        final Operation create = harness.create(properties(accountId));

        assertThat(create.events())
                .extracting(HandlerResponse::status)
                .containsExactly("IN_PROGRESS", "IN_PROGRESS", "SUCCESS");
        assertThat(create.events().subList(0, 2))
                .extracting(HandlerResponse::callbackDelaySeconds)
                .containsExactly(5, 10);
        assertThat(harness.spot.requestCount("POST", CI_ROUTE))
                .as("enrolled once")
                .isEqualTo(1);
    }

    @Test
    void serverErrorsThatPersistFailAsServiceInternalErrorWithoutEnrolling() {
        final String accountId = linkedAccount(harness);
        harness.spot.faults().serverErrorNext("POST", VALIDATION_ROUTE, 100, 500);

        final Operation create = harness.create(properties(accountId));

        assertThat(create.last().errorCode()).isEqualTo("ServiceInternalError");
        assertThat(create.events()).hasSize(RetryPolicy.MAX_TRANSIENT_RETRIES + 1);
        assertThat(create.last().message()).contains("HTTP 500", "Spot request id");
        assertThat(harness.spot.requestCount("POST", CI_ROUTE)).isZero();
    }

    @Test
    void aServerErrorDuringReadIsServiceInternalError() {
        final String accountId = enrolledAccount(harness);
        harness.spot.faults().serverErrorNext("GET", CI_ROUTE, 1, 502);

        assertThat(harness.read(properties(accountId)).errorCode()).isEqualTo("ServiceInternalError");
    }

    @Test
    void aTimeoutIsNetworkFailureForReadAndRetriedByDelete() {
        final String accountId = enrolledAccount(harness);
        harness.spot.faults().latency("GET", CI_ROUTE, Duration.ofSeconds(4));

        final HandlerResponse read = harness.read(properties(accountId));

        assertThat(read.errorCode()).isEqualTo("NetworkFailure");
        assertThat(read.message()).contains("Could not get an answer from Spot", accountId);

        harness.spot.faults().latency("GET", CI_ROUTE, Duration.ZERO);
        harness.spot.faults().resetConnectionNext("GET", CI_ROUTE, 1);
        final Operation delete = harness.delete(properties(accountId));
        assertThat(delete.events()).extracting(HandlerResponse::status).containsExactly("IN_PROGRESS", "SUCCESS");
    }

    @Test
    void anEnrollmentWhoseAnswerWasLostIsRetriedAndKeepsItsFirstEnabledDate() {
        final String accountId = linkedAccount(harness);
        harness.spot.faults().dropResponseAfterWrite("POST", CI_ROUTE, 1);

        final Operation create = harness.create(properties(accountId));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        final Instant enabled =
                harness.spot.state().account(accountId).orElseThrow().ciEnabledDate();
        assertThat(create.last().modelText("EnabledDate")).isEqualTo(enabled.toString());
        assertThat(create.events().get(0).message()).contains("Waiting 5 s before calling Spot again");
        assertThat(harness.spot.requestCount("POST", VALIDATION_ROUTE)).isEqualTo(1);
    }

    @Test
    void aRejectedTokenIsInvalidCredentialsAndAReadOnlyTokenAccessDenied() {
        final String accountId = linkedAccount(harness);

        final HandlerResponse rejected = harness.driver.invoke(harness.request("READ")
                .typeConfiguration(harness.typeConfiguration("notTheRightToken"))
                .properties(properties(accountId))
                .json());
        final Operation readOnly = harness.driver.run(harness.request("CREATE")
                .typeConfiguration(harness.typeConfiguration(harness.readOnlyToken))
                .properties(properties(accountId))
                .json());

        assertThat(rejected.errorCode()).isEqualTo("InvalidCredentials");
        assertThat(rejected.message()).contains("SpotCredentials.ApiToken", "401");
        assertThat(readOnly.last().errorCode()).isEqualTo("AccessDenied");
        assertThat(readOnly.last().message()).contains("403", "organization admin");
        assertThat(harness.scanner.scannedCount())
                .as("every output was scanned for the token")
                .isPositive();
    }
}
