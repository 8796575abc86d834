package io.spot.onboarding.linkedcredentials;

import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.NEW_ROLE;
import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.ROLE;
import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AccountOwnership absent (Cloud Control, whose models come from a Read of this write-only property; an
 * import; a template that does not pass it): every handler leaves the link as it is and says so.
 */
class LinkedCredentialsUnknownOwnershipTest {
    @RegisterExtension
    final LinkedCredentialsHarness harness = new LinkedCredentialsHarness();

    /** An Adopted account this resource relinked from ROLE to NEW_ROLE, as CloudFormation keeps it. */
    private JsonNode adopted(final String accountId) {
        final var sent = props(accountId, NEW_ROLE, "Adopted");
        final JsonNode kept = CloudFormationRequest.kept(sent, harness.type.createKept(sent));
        assertThat(harness.linkedRole(accountId)).isEqualTo(NEW_ROLE);
        assertThat(kept.path("PreviousRoleArn").asText()).isEqualTo(ROLE);
        return kept;
    }

    @Test
    void aCreateWithoutAccountOwnershipOnlyObservesAndSaysSo() {
        final String accountId = harness.accountLinkedTo(ROLE);

        final HandlerResponse create =
                harness.type.create(props(accountId, NEW_ROLE)).last();

        assertThat(create.status()).isEqualTo("SUCCESS");
        assertThat(create.message()).contains("AccountOwnership is unknown").contains("untouched");
        assertThat(harness.type.writes()).isZero();
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void anUpdateWithAccountOwnershipAbsentLeavesTheLinkAndSaysSo() {
        final String accountId = harness.accountLinkedTo(ROLE);
        final JsonNode read = harness.type.read(adopted(accountId)).model();
        final long writes = harness.type.writes();

        // Cloud Control's UpdateResource: both models come from the Read, and a patch asks for another role.
        final HandlerResponse update = harness.type
                .update(read, ((ObjectNode) read.deepCopy()).put("RoleArn", ROLE))
                .last();

        assertThat(update.status()).isEqualTo("SUCCESS");
        assertThat(update.message()).contains("AccountOwnership is unknown").contains("untouched");
        assertThat(update.model().has("AccountOwnership")).isFalse();
        assertThat(harness.type.writes()).isEqualTo(writes);
        assertThat(harness.linkedRole(accountId)).isEqualTo(NEW_ROLE);
    }

    @Test
    void aDeleteWithAccountOwnershipAbsentLeavesSpotAloneAndSucceeds() {
        final String accountId = harness.accountLinkedTo(ROLE);
        final JsonNode kept = adopted(accountId);
        final long writes = harness.type.writes();
        // Cloud Control's DeleteResource: what a Read returns, PreviousRoleArn included, without AccountOwnership.
        final JsonNode read = harness.type.read(kept).model();

        final HandlerResponse delete = harness.type.delete(read).last();

        assertThat(delete.status()).isEqualTo("SUCCESS");
        assertThat(delete.message())
                .contains("AccountOwnership is unknown")
                .contains("its link to role " + NEW_ROLE + " is left as it is")
                .contains("nothing was written in Spot");
        assertThat(harness.type.writes()).isEqualTo(writes);
        assertThat(harness.linkedRole(accountId))
                .as("not given back to " + ROLE)
                .isEqualTo(NEW_ROLE);
    }

    @Test
    void aDeleteWithAccountOwnershipAbsentOfAnAccountWithoutLinkIsNotFound() {
        final String accountId = harness.account();

        final HandlerResponse delete =
                harness.type.delete(props(accountId, ROLE)).last();

        assertThat(delete.errorCode()).isEqualTo("NotFound");
        assertThat(harness.type.writes()).isZero();
    }

    @Test
    void readAndListDoNotReturnTheWriteOnlyAccountOwnership() {
        final String accountId = harness.accountLinkedTo(ROLE);
        final JsonNode kept = adopted(accountId);

        final HandlerResponse read = harness.type.read(kept);
        final HandlerResponse list = harness.type.list(null);

        assertThat(kept.path("AccountOwnership").asText()).isEqualTo("Adopted");
        assertThat(read.model().has("AccountOwnership")).isFalse();
        assertThat(read.modelText("PreviousRoleArn")).as("read-only, kept").isEqualTo(ROLE);
        assertThat(read.modelText("RoleArn")).isEqualTo(NEW_ROLE);
        assertThat(list.models())
                .isNotEmpty()
                .allSatisfy(model -> assertThat(model.has("AccountOwnership")).isFalse());
    }
}
