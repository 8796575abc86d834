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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Link, read, relink and list through the real HandlerWrapper, against the emulator. */
class LinkedCredentialsLifecycleTest {
    @RegisterExtension
    final LinkedCredentialsHarness harness = new LinkedCredentialsHarness();

    @Test
    void linksAFreshAccountAndConfirmsTheLinkBeforeSucceeding() {
        final String accountId = harness.account();

        final Operation create = harness.type.create(props(accountId, ROLE, "Created"));

        assertThat(create.events()).extracting(HandlerResponse::status).containsExactly("IN_PROGRESS", "SUCCESS");
        final HandlerResponse done = create.last();
        assertThat(done.modelText("AccountId")).isEqualTo(accountId);
        assertThat(done.modelText("RoleArn")).isEqualTo(ROLE);
        assertThat(done.model().has("AccountOwnership")).as("write-only").isFalse();
        assertThat(done.message()).isEqualTo("Linked Spot account " + accountId + " to role " + ROLE);
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
        assertThat(harness.type.spot.state().account(accountId).orElseThrow().providerExternalId())
                .isEqualTo(CloudFormationRequest.AWS_ACCOUNT_ID);
        assertThat(harness.linkCalls()).isEqualTo(1);
        final List<String> calls = new ArrayList<>();
        harness.type.spot.requests().forEach(r -> calls.add(r.method() + " " + r.path()));
        assertThat(calls)
                .as("checked, linked, then read back")
                .containsExactly(
                        "GET /setup/account/" + accountId,
                        "GET /setup/credentials/aws",
                        "POST /setup/credentials/aws",
                        "GET /setup/credentials/aws");
    }

    @Test
    void readReportsTheLinkedRole() {
        final String accountId = harness.account();
        final JsonNode model = harness.type.createKept(props(accountId, ROLE, "Created"));

        final HandlerResponse read = harness.type.read(model);

        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(read.model()).isEqualTo(((ObjectNode) model.deepCopy()).without("AccountOwnership"));
    }

    @Test
    void readAfterARelinkOutsideCloudFormationReportsSpotsRoleSoItShowsAsDrift() {
        final String accountId = harness.account();
        final JsonNode model = harness.type.createKept(props(accountId, ROLE, "Created"));
        harness.type.spot.state().link(accountId, NEW_ROLE);

        final HandlerResponse read = harness.type.read(model);

        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(read.modelText("RoleArn")).isEqualTo(NEW_ROLE);
        assertThat(read.model().has("AccountOwnership"))
                .as("Spot cannot tell it: write-only")
                .isFalse();
    }

    @Test
    void readWithOnlyTheIdentifierReportsWhatSpotKnows() {
        final String accountId = harness.accountLinkedTo(ROLE);

        final HandlerResponse read =
                harness.type.read(CloudFormationRequest.props("{\"AccountId\":\"" + accountId + "\"}"));

        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(read.modelText("RoleArn")).isEqualTo(ROLE);
        assertThat(read.modelText("AccountOwnership")).isNull();
    }

    @Test
    void readOfAnAccountWithoutALinkOrWithoutTheAccountIsNotFound() {
        final String unlinked = harness.account();
        final String gone = harness.accountLinkedTo(ROLE);
        harness.type.spot.state().delete(gone);

        final HandlerResponse noLink = harness.type.read(props(unlinked, ROLE));
        final HandlerResponse noAccount = harness.type.read(props(gone, ROLE));

        assertThat(noLink.errorCode()).isEqualTo("NotFound");
        assertThat(noLink.message()).contains(unlinked).contains("linked to no IAM role");
        assertThat(noAccount.errorCode()).isEqualTo("NotFound");
        assertThat(noAccount.message()).contains(gone);
    }

    @Test
    void aMalformedIdentifierIsNotFoundWithoutCallingSpot() {
        final HandlerResponse read = harness.type.read(props("../setup/account", ROLE));

        assertThat(read.errorCode()).isEqualTo("NotFound");
        assertThat(harness.type.spot.requests()).isEmpty();
    }

    @Test
    void updateRelinksTheAccountToTheNewRole() {
        final String accountId = harness.account();
        final JsonNode created = harness.type.createKept(props(accountId, ROLE, "Created"));

        final Operation update = harness.type.update(created, props(accountId, NEW_ROLE, "Created"));

        assertThat(update.last().status()).isEqualTo("SUCCESS");
        assertThat(update.last().modelText("RoleArn")).isEqualTo(NEW_ROLE);
        assertThat(update.last().message())
                .isEqualTo("Relinked Spot account " + accountId + " from role " + ROLE + " to role " + NEW_ROLE);
        assertThat(harness.linkedRole(accountId)).isEqualTo(NEW_ROLE);
        assertThat(harness.type.read(update.last().model()).modelText("RoleArn"))
                .isEqualTo(NEW_ROLE);
    }

    @Test
    void updateBringsBackTheTemplatesRoleAfterARelinkOutsideCloudFormation() {
        final String accountId = harness.account();
        final JsonNode created = harness.type.createKept(props(accountId, ROLE, "Created"));
        harness.type.spot.state().link(accountId, NEW_ROLE);

        final Operation update = harness.type.update(created, props(accountId, ROLE, "Created"));

        assertThat(update.last().status()).isEqualTo("SUCCESS");
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void updateOfALinkAlreadyInPlaceWritesNothing() {
        final String accountId = harness.account();
        final JsonNode created = harness.type.createKept(props(accountId, ROLE, "Created"));
        final long writes = harness.type.writes();

        final Operation update = harness.type.update(created, props(accountId, ROLE, "Adopted"));

        assertThat(update.events()).extracting(HandlerResponse::status).containsExactly("SUCCESS");
        assertThat(update.last().message()).contains("already linked");
        assertThat(harness.type.writes()).isEqualTo(writes);
    }

    @Test
    void updateRefusesToLinkAnotherAccount() {
        final String accountId = harness.account();
        final String other = harness.account();
        final JsonNode created = harness.type.createKept(props(accountId, ROLE, "Created"));
        final long writes = harness.type.writes();

        final HandlerResponse update =
                harness.type.update(created, props(other, ROLE)).last();

        assertThat(update.errorCode()).isEqualTo("NotUpdatable");
        assertThat(update.message()).contains("AccountId is create-only");
        assertThat(harness.type.writes()).isEqualTo(writes);
        assertThat(harness.linkedRole(other)).isNull();
    }

    @Test
    void updateOfAnAccountThatNoLongerExistsIsNotFound() {
        final String accountId = harness.account();
        final JsonNode created = harness.type.createKept(props(accountId, ROLE, "Adopted"));
        harness.type.spot.state().delete(accountId);

        final HandlerResponse update =
                harness.type.update(created, props(accountId, NEW_ROLE)).last();

        assertThat(update.errorCode()).isEqualTo("NotFound");
        assertThat(update.message()).contains(accountId);
    }

    @Test
    void createRelinksAnAdoptedAccountThatIsLinkedToAnotherRole() {
        final String accountId = harness.accountLinkedTo(ROLE);

        final Operation create = harness.type.create(props(accountId, NEW_ROLE, "Adopted"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.last().message())
                .isEqualTo("Relinked Spot account " + accountId + " from role " + ROLE + " to role " + NEW_ROLE);
        assertThat(harness.linkedRole(accountId)).isEqualTo(NEW_ROLE);
    }

    @Test
    void createOfALinkAlreadyInPlaceWritesNothing() {
        final String accountId = harness.accountLinkedTo(ROLE);

        final Operation create = harness.type.create(props(accountId, ROLE, "Adopted"));

        assertThat(create.events()).extracting(HandlerResponse::status).containsExactly("SUCCESS");
        assertThat(create.last().modelText("RoleArn")).isEqualTo(ROLE);
        assertThat(harness.type.writes()).isZero();
    }

    @Test
    void listNamesEveryLinkedAccountWithItsRoleInPages() {
        final List<String> linked = new ArrayList<>();
        final var state = harness.type.spot.state();
        for (int i = 0; i < 130; i++) {
            final String accountId = state.createAccount("linked-" + i).accountId();
            state.link(accountId, "arn:aws:iam::" + (100000000000L + i) + ":role/SpotRole");
            linked.add(accountId);
        }
        state.createAccount("not linked");

        final List<String> seen = new ArrayList<>();
        String nextToken = null;
        int pages = 0;
        do {
            final HandlerResponse page = harness.type.list(nextToken);
            assertThat(page.status()).isEqualTo("SUCCESS");
            page.models().forEach(m -> {
                seen.add(m.get("AccountId").asText());
                assertThat(m.get("RoleArn").asText())
                        .isEqualTo(state.account(m.get("AccountId").asText())
                                .orElseThrow()
                                .iamRole());
            });
            nextToken = page.nextToken();
            pages++;
        } while (nextToken != null);

        assertThat(pages).isEqualTo((130 + ListHandler.PAGE_SIZE - 1) / ListHandler.PAGE_SIZE);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(linked);
    }
}
