package io.spot.onboarding.costintelligence;

import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.linkedAccount;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.properties;
import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spot has no un-enroll call (E13). Delete releases the enrollment without writing and says so; the
 * enrollment ends when the stack's Account resource deletes the Spot account, and only then do Read
 * and Delete report NotFound. See README.md, "Where the handler contract bends to Spot's API".
 */
class CostIntelligenceDeleteTest {
    @RegisterExtension
    final SpotTypeHarness harness = CostIntelligenceHarness.start();

    private JsonNode enrolled(final String accountId, final String ownership) {
        return harness.createKept(properties(accountId, ownership));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Created", "Adopted"})
    void deleteWritesNothingAndSaysTheAccountStaysEnrolledUntilTheAccountResourceDeletesIt(final String ownership) {
        final String accountId = linkedAccount(harness);
        final JsonNode model = enrolled(accountId, ownership);
        final long writes = harness.writes();

        final Operation delete = harness.delete(model);

        assertThat(delete.events()).extracting(HandlerResponse::status).containsExactly("SUCCESS");
        assertThat(delete.last().hasModel()).isFalse();
        assertThat(delete.last().message())
                .contains(
                        "no API to leave Cost Intelligence",
                        accountId + " stays enrolled",
                        "Spot::Onboarding::Account that " + ownership.toLowerCase());
        assertThat(harness.writes()).isEqualTo(writes);
        assertThat(harness.spot.state().isCostIntelligenceEnrolled(accountId)).isTrue();
    }

    @Test
    void untilTheSpotAccountIsDeletedReadStillReportsTheEnrollmentThenEverythingIsNotFound() {
        final String accountId = linkedAccount(harness);
        final JsonNode model = enrolled(accountId, "Created");
        harness.delete(model);

        final HandlerResponse readAfterDelete = harness.read(model);
        // What the stack's Spot::Onboarding::Account (Created) does next: DELETE /setup/account/{id}.
        harness.spot.state().delete(accountId);
        final HandlerResponse readAfterAccount = harness.read(model);
        final HandlerResponse deleteAgain = harness.delete(model).last();

        assertThat(readAfterDelete.status())
                .as("the enrollment really is still there")
                .isEqualTo("SUCCESS");
        assertThat(readAfterAccount.errorCode()).isEqualTo("NotFound");
        assertThat(deleteAgain.errorCode()).isEqualTo("NotFound");
        assertThat(deleteAgain.message()).contains(accountId);
    }

    @Test
    void deleteWithOnlyTheIdentifierWritesNothingAndSaysTheOwnershipIsUnknown() {
        final String accountId = linkedAccount(harness);
        enrolled(accountId, "Created");

        final HandlerResponse deleted =
                harness.delete(props("{\"AccountId\":\"" + accountId + "\"}")).last();

        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(deleted.message()).contains("AccountOwnership is unknown", "enrollment, if any, is left as it is");
        assertThat(harness.spot.state().isCostIntelligenceEnrolled(accountId)).isTrue();
    }

    @Test
    void deleteOfAnAccountThatWasNeverEnrolledIsNotFound() {
        final String accountId = linkedAccount(harness);

        final HandlerResponse deleted = harness.delete(properties(accountId)).last();

        assertThat(deleted.errorCode()).isEqualTo("NotFound");
        assertThat(deleted.message()).contains(accountId, "never enrolled");
        assertThat(harness.writes()).isZero();
    }
}
