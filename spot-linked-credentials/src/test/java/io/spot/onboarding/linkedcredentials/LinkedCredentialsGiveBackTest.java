package io.spot.onboarding.linkedcredentials;

import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.NEW_ROLE;
import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.ROLE;
import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Nothing a user had is lost: an account the stack did not create gets back the link this resource
 * replaced (PreviousRoleArn) on Delete and on rollback, so it is never left assuming the stack's
 * role once the stack deletes it. Created accounts are left to go with the stack; Reused ones are
 * never written; unknown ownership without a recorded link leaves things as they are and says so.
 */
class LinkedCredentialsGiveBackTest {
    /** The role an earlier onboarding (Spot's console, say) linked the account to, before any stack. */
    static final String CONSOLE_ROLE =
            "arn:aws:iam::" + CloudFormationRequest.AWS_ACCOUNT_ID + ":role/SpotConsoleOnboardingRole";

    @RegisterExtension
    final LinkedCredentialsHarness harness = new LinkedCredentialsHarness();

    private ObjectNode request(final String action, final JsonNode properties, final boolean rollback) {
        final ObjectNode request =
                harness.type.request(action).properties(properties).json();
        if (rollback) {
            request.put("rollback", true);
        }
        return request;
    }

    private Operation rollbackDelete(final JsonNode model) {
        return harness.type.driver.run(request("DELETE", model, true));
    }

    @Test
    void thePreviousLinkReachesCloudFormationBeforeTheRelinkIsSent() {
        final String accountId = harness.accountLinkedTo(CONSOLE_ROLE);

        final HandlerResponse first =
                harness.type.driver.invoke(request("CREATE", props(accountId, ROLE, "Adopted"), false));

        assertThat(first.status()).isEqualTo("IN_PROGRESS");
        assertThat(first.modelText("PreviousRoleArn")).isEqualTo(CONSOLE_ROLE);
        assertThat(first.message()).contains("PreviousRoleArn " + CONSOLE_ROLE);
        assertThat(harness.type.writes()).as("nothing sent to Spot yet").isZero();
        assertThat(harness.linkedRole(accountId)).isEqualTo(CONSOLE_ROLE);
    }

    @Test
    void anAdoptedAccountRelinkedThenRolledBackIsLinkedToItsOldRoleAgain() {
        final String accountId = harness.accountLinkedTo(CONSOLE_ROLE);
        final Operation create = harness.type.create(props(accountId, ROLE, "Adopted"));
        assertThat(create.last().message()).contains("Relinked").contains(CONSOLE_ROLE);
        assertThat(create.last().modelText("PreviousRoleArn")).isEqualTo(CONSOLE_ROLE);
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);

        // A later resource fails; CloudFormation rolls the stack back, this resource first.
        final HandlerResponse rollback = rollbackDelete(CloudFormationRequest.kept(
                        props(accountId, ROLE, "Adopted"), create.last().model()))
                .last();

        assertThat(rollback.status()).isEqualTo("SUCCESS");
        assertThat(rollback.hasModel()).isFalse();
        assertThat(rollback.message()).contains("back to role " + CONSOLE_ROLE).contains("rollback");
        assertThat(harness.linkedRole(accountId)).isEqualTo(CONSOLE_ROLE);
    }

    @Test
    void theOldRoleIsGivenBackAtOnceWhileANewRoleStillWaitsForIam() {
        final String accountId = harness.accountLinkedTo(CONSOLE_ROLE);
        // The stack's new role takes 40 s to propagate; the console's role has existed for long.
        harness.type.spot.faults().iamPropagationDelay(Duration.ofSeconds(40));
        final JsonNode model = harness.type.createKept(props(accountId, ROLE, "Adopted"));
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);

        final Operation rollback = rollbackDelete(model);

        assertThat(rollback.events()).hasSize(1);
        assertThat(rollback.last().status()).isEqualTo("SUCCESS");
        assertThat(harness.linkedRole(accountId)).isEqualTo(CONSOLE_ROLE);
    }

    @Test
    void aCreateThatFailedAfterItsRelinkWasAppliedIsGivenBackOnRollback() {
        final String accountId = harness.accountLinkedTo(CONSOLE_ROLE);
        // Every answer to the relink is lost after Spot applied it: the Create runs out of retries.
        harness.type.spot.faults().dropResponseAfterWrite("POST", "/setup/credentials/aws", 100);

        final Operation create = harness.type.create(props(accountId, ROLE, "Adopted"));

        assertThat(create.last().status()).isEqualTo("FAILED");
        assertThat(harness.linkedRole(accountId)).as("the relink happened").isEqualTo(ROLE);
        assertThat(create.last().modelText("PreviousRoleArn")).isEqualTo(CONSOLE_ROLE);
        harness.type.spot.faults().reset();

        final HandlerResponse rollback = rollbackDelete(CloudFormationRequest.kept(
                        props(accountId, ROLE, "Adopted"), create.last().model()))
                .last();

        assertThat(rollback.status()).isEqualTo("SUCCESS");
        assertThat(harness.linkedRole(accountId)).isEqualTo(CONSOLE_ROLE);
    }

    @Test
    void aRealDeleteOfAnAdoptedAccountGivesBackItsOldLink() {
        final String accountId = harness.accountLinkedTo(CONSOLE_ROLE);
        final JsonNode model = harness.type.createKept(props(accountId, ROLE, "Adopted"));
        harness.type.spot.clearRequests();

        final HandlerResponse delete = harness.type.delete(model).last();

        assertThat(delete.status()).isEqualTo("SUCCESS");
        assertThat(delete.message())
                .contains("back to role " + CONSOLE_ROLE)
                .contains("Adopted")
                .contains("delete");
        assertThat(harness.type.spot.requests())
                .as("read the link, link back, read it back")
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly(
                        "GET /setup/credentials/aws", "POST /setup/credentials/aws", "GET /setup/credentials/aws");
        assertThat(harness.linkedRole(accountId)).isEqualTo(CONSOLE_ROLE);
        assertThat(harness.type.read(model).modelText("RoleArn"))
                .as("Read reports Spot")
                .isEqualTo(CONSOLE_ROLE);
    }

    @Test
    void anUpdateKeepsTheLinkBeforeTheStackSoDeleteStillGivesItBack() {
        final String accountId = harness.accountLinkedTo(CONSOLE_ROLE);
        final JsonNode created = harness.type.createKept(props(accountId, ROLE, "Adopted"));

        final JsonNode updated = harness.type.updateKept(created, props(accountId, NEW_ROLE, "Adopted"));

        assertThat(updated.path("PreviousRoleArn").asText()).isEqualTo(CONSOLE_ROLE);
        assertThat(harness.linkedRole(accountId)).isEqualTo(NEW_ROLE);

        harness.type.delete(updated);
        assertThat(harness.linkedRole(accountId)).isEqualTo(CONSOLE_ROLE);
    }

    @Test
    void anUpdateThatOmitsAccountOwnershipRelinksAsTheResourceHoldsItButItsDeleteLeavesTheLink() {
        final String accountId = harness.accountLinkedTo(CONSOLE_ROLE);
        final JsonNode created = harness.type.createKept(props(accountId, ROLE, "Adopted"));

        // The template's next version omits AccountOwnership: the Update keeps the resource's, but what
        // CloudFormation then passes to Delete is the template's write-only value, none.
        final JsonNode updated = harness.type.updateKept(created, props(accountId, NEW_ROLE));
        assertThat(harness.linkedRole(accountId)).isEqualTo(NEW_ROLE);
        assertThat(updated.has("AccountOwnership")).isFalse();

        final HandlerResponse delete = harness.type.delete(updated).last();

        assertThat(delete.message()).contains("AccountOwnership is unknown");
        assertThat(harness.linkedRole(accountId)).isEqualTo(NEW_ROLE);
    }

    @Test
    void aCreatedAccountIsLeftToGoWithTheStackOnDeleteAndRollback() {
        final String accountId = harness.account();
        final JsonNode model = harness.type.createKept(props(accountId, ROLE, "Created"));
        assertThat(model.has("PreviousRoleArn"))
                .as("a fresh account had no link")
                .isFalse();
        final long writes = harness.type.writes();

        final HandlerResponse rollback = rollbackDelete(model).last();
        final HandlerResponse delete = harness.type.delete(model).last();

        assertThat(rollback.status()).isEqualTo("SUCCESS");
        assertThat(delete.message()).contains("Created").contains("nothing was changed in Spot");
        assertThat(harness.type.writes()).isEqualTo(writes);
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void aReusedAccountIsNeverWrittenByCreateUpdateDeleteOrRollback() {
        final String accountId = harness.accountLinkedTo(CONSOLE_ROLE);

        final JsonNode created = harness.type.createKept(props(accountId, ROLE, "Reused"));
        final JsonNode updated = harness.type.updateKept(created, props(accountId, NEW_ROLE, "Reused"));
        rollbackDelete(updated);
        harness.type.delete(updated);

        assertThat(created.path("PreviousRoleArn").asText()).isEqualTo(CONSOLE_ROLE);
        assertThat(harness.type.writes()).isZero();
        assertThat(harness.linkedRole(accountId)).isEqualTo(CONSOLE_ROLE);
    }

    @Test
    void unknownOwnershipWithoutARecordedLinkLeavesTheLinkAndSaysSo() {
        final String accountId = harness.accountLinkedTo(CONSOLE_ROLE);

        // Resource import or Cloud Control: only the identifier.
        final HandlerResponse delete = rollbackDelete(
                        CloudFormationRequest.props("{\"AccountId\":\"" + accountId + "\"}"))
                .last();

        assertThat(delete.status()).isEqualTo("SUCCESS");
        assertThat(delete.message())
                .contains("AccountOwnership is unknown")
                .contains("is left as it is")
                .contains("nothing was written in Spot");
        assertThat(harness.type.writes()).isZero();
        assertThat(harness.linkedRole(accountId)).isEqualTo(CONSOLE_ROLE);
    }

    @Test
    void unknownOwnershipWithARecordedLinkLeavesTheLink() {
        final String accountId = harness.accountLinkedTo(CONSOLE_ROLE);
        final JsonNode model =
                ((ObjectNode) harness.type.createKept(props(accountId, ROLE, "Adopted"))).without("AccountOwnership");

        final HandlerResponse delete = harness.type.delete(model).last();

        assertThat(model.path("PreviousRoleArn").asText()).isEqualTo(CONSOLE_ROLE);
        assertThat(delete.status()).isEqualTo("SUCCESS");
        assertThat(delete.message()).contains("AccountOwnership is unknown").contains("is left as it is");
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void aRelinkOutsideCloudFormationSinceIsLeftAlone() {
        final String accountId = harness.accountLinkedTo(CONSOLE_ROLE);
        final JsonNode model = harness.type.createKept(props(accountId, ROLE, "Adopted"));
        harness.type.spot.state().link(accountId, NEW_ROLE);
        final long writes = harness.type.writes();

        final HandlerResponse delete = rollbackDelete(model).last();

        assertThat(delete.status()).isEqualTo("SUCCESS");
        assertThat(delete.message()).contains("relinked outside CloudFormation").contains(NEW_ROLE);
        assertThat(harness.type.writes()).isEqualTo(writes);
        assertThat(harness.linkedRole(accountId)).isEqualTo(NEW_ROLE);
    }

    @Test
    void whenSpotRefusesTheOldRoleTheRollbackStopsWithTheWorkingLinkInPlace() {
        final String accountId = harness.accountLinkedTo(CONSOLE_ROLE);
        final JsonNode model = harness.type.createKept(props(accountId, ROLE, "Adopted"));
        // Spot can no longer assume the old role (the emulator: it never becomes assumable).
        harness.type.spot.faults().iamPropagationDelay(ChronoUnit.FOREVER.getDuration());

        final HandlerResponse rollback = rollbackDelete(model).last();

        assertThat(rollback.errorCode()).isEqualTo("InvalidRequest");
        assertThat(rollback.message())
                .contains("refused to link Spot account " + accountId + " back to role " + CONSOLE_ROLE)
                .contains("stays linked to role " + ROLE)
                .contains("rollback stops here")
                .contains("--retain-resources");
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void aGiveBackWhoseAnswerWasLostIsFoundDoneOnTheRetry() {
        final String accountId = harness.accountLinkedTo(CONSOLE_ROLE);
        final JsonNode model = harness.type.createKept(props(accountId, ROLE, "Adopted"));
        harness.type.spot.faults().dropResponseAfterWrite("POST", "/setup/credentials/aws", 1);
        final int linkCalls = harness.linkCalls();

        final Operation rollback = rollbackDelete(model);

        assertThat(rollback.events()).extracting(HandlerResponse::status).containsExactly("IN_PROGRESS", "SUCCESS");
        assertThat(rollback.last().message()).contains("as before this resource linked it");
        assertThat(harness.linkCalls() - linkCalls)
                .as("the give-back is not sent twice")
                .isEqualTo(1);
        assertThat(harness.linkedRole(accountId)).isEqualTo(CONSOLE_ROLE);
    }
}
