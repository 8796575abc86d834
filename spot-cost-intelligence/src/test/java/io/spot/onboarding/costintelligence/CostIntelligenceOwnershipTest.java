package io.spot.onboarding.costintelligence;

import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.CI_ROUTE;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.enrolledAccount;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.linkedAccount;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.properties;
import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An account already enrolled, under each AccountOwnership; and Reused, which never writes. */
class CostIntelligenceOwnershipTest {
    @RegisterExtension
    final SpotTypeHarness harness = CostIntelligenceHarness.start();

    private Instant enabledDate(final String accountId) {
        return harness.spot.state().account(accountId).orElseThrow().ciEnabledDate();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Created", "Adopted"})
    @NullSource
    void anAccountEnrolledAlreadyIsTakenAsItIsKeepingItsEnabledDate(final String ownership) {
        final String accountId = enrolledAccount(harness);
        final Instant enabled = enabledDate(accountId);
        harness.clock.advance(Duration.ofDays(3));

        final HandlerResponse done =
                harness.create(properties(accountId, ownership)).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.modelText("EnabledDate")).isEqualTo(enabled.toString());
        assertThat(done.message()).contains("is enrolled in Cost Intelligence", "enabled " + enabled);
        assertThat(enabledDate(accountId)).isEqualTo(enabled);
    }

    @Test
    void whenSpotRefusesToEnrollAnEnrolledAccountAgainTheListDecidesAndCreateSucceeds() {
        final String accountId = enrolledAccount(harness);
        harness.spot.faults().serverErrorNext("POST", CI_ROUTE, 1, 400);

        final HandlerResponse done =
                harness.create(properties(accountId, "Adopted")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.message()).contains("enrolled already", "Spot refused to enroll it again", "HTTP 400");
    }

    @Test
    void whenSpotRefusesToEnrollAnAccountItDoesNotListCreateFailsWithSpotsWords() {
        final String accountId = linkedAccount(harness);
        harness.spot.faults().serverErrorNext("POST", CI_ROUTE, 1, 422);

        final HandlerResponse failed = harness.create(properties(accountId)).last();

        assertThat(failed.errorCode()).isEqualTo("InvalidRequest");
        assertThat(failed.message())
                .contains("Spot refused to enroll " + accountId, "does not list it", "HTTP 422")
                .doesNotContain("Link credentials first");
        assertThat(harness.spot.state().isCostIntelligenceEnrolled(accountId)).isFalse();
    }

    @Test
    void aReusedEnrolledAccountIsObservedWithoutASingleWriteNotEvenValidation() {
        final String accountId = enrolledAccount(harness);

        final HandlerResponse done =
                harness.create(properties(accountId, "Reused")).last();
        final HandlerResponse read = harness.read(done.model());
        final HandlerResponse updated =
                harness.update(done.model(), properties(accountId, "Reused")).last();
        final HandlerResponse deleted = harness.delete(
                        CloudFormationRequest.kept(properties(accountId, "Reused"), done.model()))
                .last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.modelText("StatusSummary")).isEqualTo("connected");
        assertThat(done.message()).contains("Reused", "only observes");
        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(updated.status()).isEqualTo("SUCCESS");
        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(deleted.message()).contains("Reused", "left as it is");
        assertThat(harness.writes()).as("POST, PUT or DELETE calls").isZero();
        assertThat(harness.spot.state().isCostIntelligenceEnrolled(accountId)).isTrue();
    }

    @Test
    void aReusedAccountThatIsNotEnrolledSucceedsReportedAsNotEnrolledAndStaysSo() {
        final String accountId = linkedAccount(harness);

        final HandlerResponse done = harness.create(
                        properties(accountId, "Reused").put("Validate", true))
                .last();

        assertThat(done.status())
                .as("the defaults never fail a stack over an account connected before it")
                .isEqualTo("SUCCESS");
        assertThat(done.model().path("Enrolled").asBoolean(true)).isFalse();
        assertThat(done.message()).contains("Reused", "not enrolled", "Enrolled false", "Spot console", "Adopt");
        final HandlerResponse read = harness.read(done.model());
        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(read.model().path("Enrolled").asBoolean(true)).isFalse();
        assertThat(harness.update(done.model(), properties(accountId, "Reused"))
                        .last()
                        .status())
                .isEqualTo("SUCCESS");
        final HandlerResponse deleted = harness.delete(
                        CloudFormationRequest.kept(properties(accountId, "Reused"), done.model()))
                .last();
        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(deleted.message()).contains("Reused", "not enrolled", "nothing written");
        assertThat(harness.writes())
                .as("enrollment is a write Spot cannot undo")
                .isZero();
        assertThat(harness.spot.state().isCostIntelligenceEnrolled(accountId)).isFalse();
    }

    @Test
    void aReusedAccountThatIsNotEnrolledButGoneIsNotFoundOnRead() {
        final String accountId = linkedAccount(harness);
        final HandlerResponse done =
                harness.create(properties(accountId, "Reused")).last();
        harness.spot.state().delete(accountId);

        assertThat(harness.read(done.model()).errorCode()).isEqualTo("NotFound");
    }
}
