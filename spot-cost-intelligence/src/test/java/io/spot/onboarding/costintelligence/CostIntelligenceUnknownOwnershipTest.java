package io.spot.onboarding.costintelligence;

import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.linkedAccount;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AccountOwnership absent (Cloud Control, whose models come from a Read of this write-only property; an
 * import; a template that does not pass it): every handler leaves the enrollment as it is and says so.
 */
class CostIntelligenceUnknownOwnershipTest {
    @RegisterExtension
    final SpotTypeHarness harness = CostIntelligenceHarness.start();

    private boolean enrolled(final String accountId) {
        return harness.spot.state().account(accountId).orElseThrow().ciEnabledDate() != null;
    }

    @Test
    void aCreateWithoutAccountOwnershipEnrollsNothingAndSaysSo() {
        final String accountId = linkedAccount(harness);

        final HandlerResponse create =
                harness.create(properties(accountId, null)).last();

        assertThat(create.status()).isEqualTo("SUCCESS");
        assertThat(create.message()).contains("AccountOwnership is unknown").contains("stays not enrolled");
        assertThat(create.model().get("Enrolled").asBoolean()).isFalse();
        assertThat(harness.writes()).as("not even the pre-flight").isZero();
        assertThat(enrolled(accountId)).isFalse();
    }

    @Test
    void anUpdateWithAccountOwnershipAbsentLeavesTheEnrollmentAndSaysSo() {
        final String accountId = linkedAccount(harness);
        final ObjectNode sent = properties(accountId, "Created").put("Validate", false);
        final JsonNode kept = CloudFormationRequest.kept(sent, harness.createKept(sent));
        final JsonNode read = harness.read(kept).model();
        final long writes = harness.writes();

        // Cloud Control's UpdateResource: both models come from the Read, and the patch turns Validate on.
        final HandlerResponse update = harness.update(read, ((ObjectNode) read.deepCopy()).put("Validate", true))
                .last();

        assertThat(update.status()).isEqualTo("SUCCESS");
        assertThat(update.message())
                .contains("AccountOwnership is unknown")
                .contains("its Cost Intelligence enrollment is left as it is");
        assertThat(harness.writes()).isEqualTo(writes);
        assertThat(enrolled(accountId)).isTrue();
    }

    @Test
    void aDeleteWithAccountOwnershipAbsentLeavesSpotAloneAndSucceeds() {
        final String accountId = linkedAccount(harness);
        final ObjectNode sent = properties(accountId, "Created");
        final JsonNode read = harness.read(CloudFormationRequest.kept(sent, harness.createKept(sent)))
                .model();
        final long writes = harness.writes();

        // Cloud Control's DeleteResource: what a Read returns, without AccountOwnership.
        final HandlerResponse delete = harness.delete(read).last();

        assertThat(delete.status()).isEqualTo("SUCCESS");
        assertThat(delete.message())
                .contains("AccountOwnership is unknown")
                .contains("left as it is")
                .contains("nothing was written in Spot");
        assertThat(harness.writes()).isEqualTo(writes);
        assertThat(enrolled(accountId)).isTrue();
    }

    @Test
    void aDeleteWithAccountOwnershipAbsentOfAnAccountThatIsGoneIsNotFound() {
        final String accountId = linkedAccount(harness);
        harness.spot.state().delete(accountId);

        final HandlerResponse delete =
                harness.delete(properties(accountId, null)).last();

        assertThat(delete.errorCode()).isEqualTo("NotFound");
    }

    @Test
    void readAndListDoNotReturnTheWriteOnlyProperties() {
        final String accountId = linkedAccount(harness);
        final ObjectNode sent = properties(accountId, "Adopted").put("Validate", false);
        final HandlerResponse create = harness.create(sent).last();
        final JsonNode kept = CloudFormationRequest.kept(sent, create.model());

        final HandlerResponse read = harness.read(kept);
        final HandlerResponse list = harness.list(null);

        assertThat(create.model().has("AccountOwnership") || create.model().has("Validate"))
                .isFalse();
        assertThat(read.model().has("AccountOwnership")).isFalse();
        assertThat(read.model().has("Validate")).isFalse();
        assertThat(read.model().get("Enrolled").asBoolean()).isTrue();
        assertThat(list.models())
                .isNotEmpty()
                .allSatisfy(model -> assertThat(model.has("AccountOwnership") || model.has("Validate"))
                        .isFalse());
    }
}
