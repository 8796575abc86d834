package io.spot.onboarding.costintelligence;

import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.CI_ROUTE;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.VALIDATION_ROUTE;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.linkedAccount;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.properties;
import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Cost Intelligence's Create repeats, and what it does not, when a step of validate, enroll,
 * wait for the listing fails: a validation is not repeated for a refused enrollment, nothing is
 * enrolled after a failed validation, an enrollment is not repeated while waiting for the listing.
 * How every type maps failures to codes and waits is spot-reliability's {@code FailureMappingTest}.
 */
class CostIntelligenceEnrollRetryTest {
    @RegisterExtension
    final SpotTypeHarness harness = CostIntelligenceHarness.start();

    @Test
    void aThrottledEnrollmentIsSentAgainWithoutValidatingAgain() {
        final String accountId = linkedAccount(harness);
        harness.spot.faults().throttleNext("POST", CI_ROUTE, 2, 30);

        final Operation create = harness.create(properties(accountId));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(harness.spot.requestCount("POST", VALIDATION_ROUTE)).isEqualTo(1);
        assertThat(harness.spot.requestCount("POST", CI_ROUTE)).isEqualTo(3);
    }

    @Test
    void serverErrorsWhileWaitingForTheListingAreRetriedWithoutEnrollingAgain() {
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
    void aValidationThatKeepsFailingEnrollsNothing() {
        final String accountId = linkedAccount(harness);
        harness.spot.faults().serverErrorNext("POST", VALIDATION_ROUTE, 100, 500);

        final Operation create = harness.create(properties(accountId));

        assertThat(create.last().errorCode()).isEqualTo("ServiceInternalError");
        assertThat(harness.spot.requestCount("POST", CI_ROUTE)).isZero();
        assertThat(harness.spot.state().isCostIntelligenceEnrolled(accountId)).isFalse();
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
}
