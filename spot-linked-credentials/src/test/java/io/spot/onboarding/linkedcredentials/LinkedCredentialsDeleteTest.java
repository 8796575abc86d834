package io.spot.onboarding.linkedcredentials;

import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.ROLE;
import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spot has no unlink call. Delete writes nothing, says so, and the link ends with the role and the
 * account, which the onboarding template deletes right after this resource.
 */
class LinkedCredentialsDeleteTest {
    @RegisterExtension
    final LinkedCredentialsHarness harness = new LinkedCredentialsHarness();

    private JsonNode linked(final String accountId) {
        return harness.type.createKept(props(accountId, ROLE, "Created"));
    }

    @Test
    void deleteWritesNothingToSpotAndSaysTheLinkStaysUntilTheRoleOrAccountGoes() {
        final String accountId = harness.account();
        final JsonNode model = linked(accountId);
        final long writes = harness.type.writes();

        final HandlerResponse delete = harness.type.delete(model).last();

        assertThat(delete.status()).isEqualTo("SUCCESS");
        assertThat(delete.hasModel()).isFalse();
        assertThat(delete.message())
                .contains("no call to unlink")
                .contains("stays linked to role " + ROLE)
                .contains("nothing was changed in Spot");
        assertThat(harness.type.writes()).isEqualTo(writes);
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void readAfterDeleteStillReportsTheLinkUntilTheAccountGoesThenNotFound() {
        final String accountId = harness.account();
        final JsonNode model = linked(accountId);
        harness.type.delete(model);

        // Where the contract bends (docs): Spot still has the link, and Read reports Spot.
        assertThat(harness.type.read(model).modelText("RoleArn")).isEqualTo(ROLE);
        assertThat(harness.type.delete(model).last().status()).isEqualTo("SUCCESS");

        // The onboarding template goes on: SpotRole is deleted (nothing Spot sees), then the Created account.
        harness.type.spot.state().delete(accountId);

        final HandlerResponse read = harness.type.read(model);
        assertThat(read.errorCode()).isEqualTo("NotFound");
        final HandlerResponse again = harness.type.delete(model).last();
        assertThat(again.errorCode()).isEqualTo("NotFound");
        assertThat(again.message()).contains(accountId);
    }

    @Test
    void deleteOfAnAccountWithoutALinkIsNotFound() {
        final String accountId = harness.account();

        final HandlerResponse delete =
                harness.type.delete(props(accountId, ROLE)).last();

        assertThat(delete.errorCode()).isEqualTo("NotFound");
        assertThat(delete.message()).contains("linked to no IAM role");
        assertThat(harness.type.writes()).isZero();
    }

    @Test
    void deleteWithOnlyTheIdentifierReleasesTheLinkAlike() {
        final String accountId = harness.account();
        linked(accountId);

        final HandlerResponse delete = harness.type
                .delete(CloudFormationRequest.props("{\"AccountId\":\"" + accountId + "\"}"))
                .last();

        assertThat(delete.status()).isEqualTo("SUCCESS");
        assertThat(delete.message()).contains("AccountOwnership is unknown").contains("role " + ROLE + " is left");
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void aMalformedIdentifierIsNotFoundWithoutCallingSpot() {
        final HandlerResponse delete =
                harness.type.delete(props("act-../../x", ROLE)).last();

        assertThat(delete.errorCode()).isEqualTo("NotFound");
        assertThat(harness.type.spot.requests()).isEmpty();
    }
}
