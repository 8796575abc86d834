package io.spot.onboarding.account;

import static io.spot.onboarding.harness.CloudFormationRequest.AWS_ACCOUNT_ID;
import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Create, read, update, delete and list through the real HandlerWrapper, against the emulator. */
class AccountLifecycleTest {
    @RegisterExtension
    final SpotTypeHarness harness = AccountHarness.start();

    @Test
    void createsANewSpotAccountNamedAfterTheAwsAccount() {
        final int before = harness.spot.state().accounts().size();

        final Operation create = harness.create(props("{}"));

        assertThat(create.events()).extracting(HandlerResponse::status).containsExactly("IN_PROGRESS", "SUCCESS");
        assertThat(create.events().get(0).modelText("AccountId"))
                .as("the first event already names the account")
                .isEqualTo(create.last().modelText("AccountId"));
        final HandlerResponse done = create.last();
        final SpotAccountRecord account =
                harness.spot.state().account(done.modelText("AccountId")).orElseThrow();
        assertThat(harness.spot.state().accounts()).hasSize(before + 1);
        assertThat(account.name()).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(done.modelText("Name")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(done.modelText("AwsAccountId")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(done.modelText("Ownership")).isEqualTo("Created");
        assertThat(done.modelText("OrganizationId"))
                .isEqualTo(harness.spot.state().organizationId());
        assertThat(done.modelText("ExternalId")).isEqualTo(account.externalId()).startsWith("spotinst:aws:extid:");
        assertThat(done.message()).contains("Created Spot account " + account.accountId());
    }

    @Test
    void createUsesTheGivenNameAndAwsAccount() {
        final HandlerResponse done = harness.create(
                        props("{\"Name\":\"Payments prod\",\"AwsAccountId\":\"210987654321\"}"))
                .last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(harness.spot
                        .state()
                        .account(done.modelText("AccountId"))
                        .orElseThrow()
                        .name())
                .isEqualTo("Payments prod");
        assertThat(done.modelText("AwsAccountId")).isEqualTo("210987654321");
    }

    @Test
    void readReportsWhatSpotHasNowSoARenameOutsideCloudFormationIsDrift() {
        final JsonNode model =
                harness.create(props("{\"Name\":\"team-a\"}")).last().model();
        harness.spot.state().rename(model.get("AccountId").asText(), "renamed-in-console");

        final HandlerResponse read = harness.read(model);

        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(read.modelText("Name")).isEqualTo("renamed-in-console");
        assertThat(read.modelText("AccountId")).isEqualTo(model.get("AccountId").asText());
        assertThat(read.modelText("ExternalId"))
                .as("echoed from the model: Spot cannot tell it")
                .isEqualTo(model.get("ExternalId").asText());
        assertThat(read.modelText("Ownership")).isEqualTo("Created");
    }

    @Test
    void readWithOnlyTheIdentifierReportsWhatSpotKnowsAndClaimsNoMoreThanReuse() {
        final String accountId = harness.create(props("{}")).last().modelText("AccountId");

        final HandlerResponse read = harness.read(props("{\"AccountId\":\"" + accountId + "\"}"));

        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(read.modelText("Name")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(read.modelText("Ownership"))
                .as("an imported resource: nothing proves the stack made it")
                .isEqualTo("Reused");
    }

    @Test
    void updateRenamesTheAccount() {
        final JsonNode created =
                harness.create(props("{\"Name\":\"before\"}")).last().model();
        final ObjectNode desired = props("{\"Name\":\"after\"}");

        final Operation update = harness.update(created, desired);

        assertThat(update.last().status()).isEqualTo("SUCCESS");
        assertThat(update.last().modelText("Name")).isEqualTo("after");
        assertThat(update.last().modelText("ExternalId"))
                .isEqualTo(created.get("ExternalId").asText());
        assertThat(harness.spot
                        .state()
                        .account(created.get("AccountId").asText())
                        .orElseThrow()
                        .name())
                .isEqualTo("after");
    }

    @Test
    void updateWithoutNameLeavesTheNameAlone() {
        final JsonNode created =
                harness.create(props("{\"Name\":\"kept\"}")).last().model();

        final Operation update = harness.update(created, props("{}"));

        assertThat(update.last().status()).isEqualTo("SUCCESS");
        assertThat(harness.spot
                        .state()
                        .account(created.get("AccountId").asText())
                        .orElseThrow()
                        .name())
                .isEqualTo("kept");
    }

    @Test
    void updateRefusesToChangeTheAwsAccount() {
        final JsonNode created = harness.create(props("{}")).last().model();
        final long writes = harness.writes();

        final HandlerResponse otherAccount = harness.update(created, props("{\"AwsAccountId\":\"999999999999\"}"))
                .last();

        assertThat(otherAccount.errorCode()).isEqualTo("NotUpdatable");
        assertThat(otherAccount.message()).contains("AwsAccountId cannot change");
        assertThat(harness.writes()).isEqualTo(writes);
    }

    /** Setting AwsAccountId to the value it had (omitted before, !Ref AWS::AccountId now) replaces nothing. */
    @Test
    void updateAcceptsTheAwsAccountItAlreadyHas() {
        final JsonNode created = harness.create(props("{}")).last().model();
        final ObjectNode previous = ((ObjectNode) created.deepCopy());
        previous.remove("AwsAccountId");
        final long writes = harness.writes();

        final HandlerResponse same = harness.update(previous, props("{\"AwsAccountId\":\"" + AWS_ACCOUNT_ID + "\"}"))
                .last();

        assertThat(same.status()).as(same.message()).isEqualTo("SUCCESS");
        assertThat(same.modelText("AccountId"))
                .isEqualTo(created.get("AccountId").asText());
        assertThat(same.modelText("Ownership")).isEqualTo("Created");
        assertThat(harness.writes()).isEqualTo(writes);
        assertThat(harness.spot.state().account(created.get("AccountId").asText()))
                .isPresent();
    }

    /**
     * ExistingAccountPolicy is not create-only: a replacement would create a resource that adopts
     * the very account the old one then deletes. A change is recorded and decides nothing.
     */
    @Test
    void changingTheExistingAccountPolicyChangesNothingInSpot() {
        final JsonNode created = harness.create(props("{}")).last().model();
        final long writes = harness.writes();

        final HandlerResponse updated = harness.update(created, props("{\"ExistingAccountPolicy\":\"Reuse\"}"))
                .last();

        assertThat(updated.status()).isEqualTo("SUCCESS");
        assertThat(updated.model().has("ExistingAccountPolicy"))
                .as("write-only")
                .isFalse();
        assertThat(updated.modelText("Ownership"))
                .as("decided once, at creation")
                .isEqualTo("Created");
        assertThat(harness.writes()).isEqualTo(writes);
    }

    @Test
    void deleteRemovesACreatedAccountAndLeavesNothingToReadUpdateOrDelete() {
        final JsonNode created = harness.create(props("{}")).last().model();
        final String accountId = created.get("AccountId").asText();

        final Operation delete = harness.delete(created);

        assertThat(delete.last().status()).isEqualTo("SUCCESS");
        assertThat(delete.last().hasModel()).isFalse();
        assertThat(harness.spot.state().account(accountId)).isEmpty();
        assertThat(harness.read(created).errorCode()).isEqualTo("NotFound");
        assertThat(harness.update(created, props("{\"Name\":\"x\"}")).last().errorCode())
                .isEqualTo("NotFound");
        final HandlerResponse again = harness.delete(created).last();
        assertThat(again.errorCode()).isEqualTo("NotFound");
        assertThat(again.message()).contains(accountId);
    }

    /** Cloud Control, resource import or a lost model: ownership unknown, so the account stays. */
    @Test
    void deleteWithOnlyTheIdentifierLeavesTheAccountAndSaysSo() {
        final String accountId = harness.create(props("{}")).last().modelText("AccountId");
        final long writes = harness.writes();

        final Operation delete = harness.delete(props("{\"AccountId\":\"" + accountId + "\"}"));

        assertThat(delete.last().status()).isEqualTo("SUCCESS");
        assertThat(delete.last().message())
                .contains(accountId)
                .contains("left in place")
                .contains("never deleted");
        assertThat(harness.spot.state().account(accountId)).isPresent();
        assertThat(harness.writes()).isEqualTo(writes);
    }

    @Test
    void aMalformedIdentifierIsNotFoundWithoutCallingSpot() {
        final HandlerResponse read = harness.read(props("{\"AccountId\":\"../setup/account\"}"));

        assertThat(read.errorCode()).isEqualTo("NotFound");
        assertThat(harness.spot.requests()).isEmpty();
    }

    @Test
    void listReturnsEveryAccountInPagesFollowingNextToken() {
        for (int i = 0; i < 230; i++) {
            harness.spot.state().createAccount("bulk-" + i);
        }
        final int total = harness.spot.state().accounts().size();

        final Set<String> seen = new HashSet<>();
        String nextToken = null;
        int pages = 0;
        do {
            final HandlerResponse page = harness.list(nextToken);
            assertThat(page.status()).isEqualTo("SUCCESS");
            page.models().forEach(m -> seen.add(m.get("AccountId").asText()));
            nextToken = page.nextToken();
            pages++;
        } while (nextToken != null);

        assertThat(pages).isEqualTo((total + 99) / 100);
        assertThat(seen).hasSize(total);
    }

    @Test
    void aNextTokenThisHandlerDidNotIssueIsRefused() {
        final HandlerResponse page = harness.list("offset:99999");

        assertThat(page.errorCode()).isEqualTo("InvalidRequest");
        assertThat(page.message()).contains("NextToken");
    }

    @Test
    void badInputIsRefusedBeforeAnySpotCallNamingTheProperty() {
        final HandlerResponse badAccount =
                harness.create(props("{\"AwsAccountId\":\"12345\"}")).last();
        final HandlerResponse badPolicy =
                harness.create(props("{\"ExistingAccountPolicy\":\"Steal\"}")).last();
        final HandlerResponse unknown =
                harness.create(props("{\"Color\":\"red\"}")).last();

        assertThat(badAccount.errorCode()).isEqualTo("InvalidRequest");
        assertThat(badAccount.message()).contains("AwsAccountId").contains("^[0-9]{12}$");
        assertThat(badPolicy.errorCode()).isEqualTo("InvalidRequest");
        assertThat(badPolicy.message()).contains("ExistingAccountPolicy");
        assertThat(unknown.errorCode()).isEqualTo("InvalidRequest");
        assertThat(unknown.message()).contains("Color");
        assertThat(harness.spot.requests()).isEmpty();
    }
}
