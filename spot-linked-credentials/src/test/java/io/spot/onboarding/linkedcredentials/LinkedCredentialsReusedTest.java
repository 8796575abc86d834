package io.spot.onboarding.linkedcredentials;

import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.NEW_ROLE;
import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.ROLE;
import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.harness.HandlerResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AccountOwnership Reused: the stack never writes to the account, so the resource only observes its link. */
class LinkedCredentialsReusedTest {
    @RegisterExtension
    final LinkedCredentialsHarness harness = new LinkedCredentialsHarness();

    @Test
    void createObservesTheExistingLinkAndWritesNothing() {
        final String accountId = harness.accountLinkedTo(ROLE);

        final HandlerResponse create =
                harness.type.create(props(accountId, NEW_ROLE, "Reused")).last();

        assertThat(create.status()).isEqualTo("SUCCESS");
        assertThat(create.modelText("RoleArn")).as("what Spot has, like Read").isEqualTo(ROLE);
        assertThat(create.message()).contains("Reused").contains("untouched").contains(NEW_ROLE + " was not applied");
        assertThat(harness.type.writes()).isZero();
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
        assertThat(harness.type.read(create.model()).model()).isEqualTo(create.model());
    }

    @Test
    void createDoesNotWaitForAnyRoleToPropagate() {
        final String accountId = harness.accountLinkedTo(ROLE);
        harness.type.spot.faults().iamPropagationDelay(Duration.ofMinutes(10));

        final var create = harness.type.create(props(accountId, NEW_ROLE, "Reused"));

        assertThat(create.events()).extracting(HandlerResponse::status).containsExactly("SUCCESS");
        assertThat(harness.type.writes()).isZero();
    }

    @Test
    void createOnAReusedAccountWithoutALinkFailsWithoutWriting() {
        final String accountId = harness.account();

        final HandlerResponse create =
                harness.type.create(props(accountId, ROLE, "Reused")).last();

        assertThat(create.errorCode()).isEqualTo("InvalidRequest");
        assertThat(create.message())
                .contains("Reused")
                .contains("linked to no role")
                .contains("Nothing was changed");
        assertThat(harness.type.writes()).isZero();
        assertThat(harness.linkedRole(accountId)).isNull();
    }

    @Test
    void updateNeverRelinksAReusedAccount() {
        final String accountId = harness.accountLinkedTo(ROLE);
        final JsonNode created = harness.type.createKept(props(accountId, ROLE, "Reused"));

        final HandlerResponse update = harness.type
                .update(created, props(accountId, NEW_ROLE, "Reused"))
                .last();

        assertThat(update.status()).isEqualTo("SUCCESS");
        assertThat(update.modelText("RoleArn")).isEqualTo(ROLE);
        assertThat(harness.type.writes()).isZero();
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void aCloudControlUpdateThatKnowsNoOwnershipLeavesTheLinkAsItIs() {
        final String accountId = harness.accountLinkedTo(ROLE);
        // Cloud Control reads the identifier alone, so neither model carries AccountOwnership.
        final HandlerResponse update = harness.type
                .update(props(accountId, ROLE), props(accountId, NEW_ROLE))
                .last();

        assertThat(update.status()).isEqualTo("SUCCESS");
        assertThat(update.message()).contains("AccountOwnership is unknown");
        assertThat(harness.type.writes()).isZero();
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void deleteLeavesTheLinkUntouched() {
        final String accountId = harness.accountLinkedTo(ROLE);
        final JsonNode created = harness.type.createKept(props(accountId, ROLE, "Reused"));

        final HandlerResponse delete = harness.type.delete(created).last();

        assertThat(delete.status()).isEqualTo("SUCCESS");
        assertThat(delete.message()).contains("Reused").contains("untouched");
        assertThat(harness.type.writes()).isZero();
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }
}
