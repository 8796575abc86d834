package io.spot.onboarding.account;

import static io.spot.onboarding.harness.CloudFormationRequest.AWS_ACCOUNT_ID;
import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.harness.HandlerDriver;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An AWS account already connected to Spot, under each ExistingAccountPolicy, and the promise
 * that a Create retried after any failure never leaves two Spot accounts for one AWS account.
 */
class AccountExistingTest {

    @RegisterExtension
    final SpotTypeHarness harness = AccountHarness.start();

    private SpotAccountRecord connectedAccount(final String name) {
        return AccountHarness.connectedAccount(harness, name);
    }

    @Test
    void adoptUsesTheConnectedAccountAndManagesIt() {
        final SpotAccountRecord existing = connectedAccount("legacy");
        final int before = harness.spot.state().accounts().size();

        final HandlerResponse done =
                harness.create(props("{\"ExistingAccountPolicy\":\"Adopt\"}")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.modelText("AccountId")).isEqualTo(existing.accountId());
        assertThat(done.modelText("Ownership")).isEqualTo("Adopted");
        assertThat(done.modelText("Name"))
                .as("an adopted account keeps its name unless Name is set")
                .isEqualTo("legacy");
        assertThat(done.modelText("ExternalId"))
                .isEqualTo(harness.spot
                        .state()
                        .account(existing.accountId())
                        .orElseThrow()
                        .externalId());
        assertThat(harness.spot.state().accounts()).hasSize(before);

        AccountHarness.stackDeleting();
        assertThat(harness.delete(done.model()).last().status()).isEqualTo("SUCCESS");
        assertThat(harness.spot.state().account(existing.accountId()))
                .as("adopted accounts go with a stack delete")
                .isEmpty();
    }

    @Test
    void adoptWithANameRenamesTheAccount() {
        final SpotAccountRecord existing = connectedAccount("legacy");

        final HandlerResponse done = harness.create(props("{\"ExistingAccountPolicy\":\"Adopt\",\"Name\":\"managed\"}"))
                .last();

        assertThat(done.modelText("Name")).isEqualTo("managed");
        assertThat(done.modelText("PreviousName")).isEqualTo("legacy");
        assertThat(harness.spot
                        .state()
                        .account(existing.accountId())
                        .orElseThrow()
                        .name())
                .isEqualTo("managed");
    }

    @Test
    void reuseIsTheDefaultNeverWritesToSpotAndDeleteLeavesTheAccount() {
        final SpotAccountRecord existing = connectedAccount("shared");

        final HandlerResponse done = harness.create(props("{}")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.modelText("Ownership")).isEqualTo("Reused");
        assertThat(done.modelText("ExternalId"))
                .as("no constant: a Reused account's SpotRole is never linked, so nothing may assume it")
                .startsWith(CreateHandler.UNASSUMABLE_PREFIX)
                .isNotEqualTo(harness.create(props("{}")).last().modelText("ExternalId"));
        final HandlerResponse deleted = harness.delete(done.model()).last();
        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(deleted.message()).contains("left untouched");
        assertThat(harness.writes()).as("POST, PUT or DELETE calls").isZero();
        assertThat(harness.spot
                        .state()
                        .account(existing.accountId())
                        .orElseThrow()
                        .name())
                .isEqualTo("shared");
    }

    @Test
    void reuseRefusesANameThatWouldChangeTheAccount() {
        connectedAccount("shared");

        final HandlerResponse refused = harness.create(props("{\"ExistingAccountPolicy\":\"Reuse\",\"Name\":\"mine\"}"))
                .last();

        assertThat(refused.errorCode()).isEqualTo("InvalidRequest");
        assertThat(refused.message()).contains("Reuse never changes").contains("'shared'");
        assertThat(harness.writes()).isZero();
    }

    @Test
    void reusedAccountRefusesARenameByUpdate() {
        connectedAccount("shared");
        final JsonNode model = harness.create(props("{\"ExistingAccountPolicy\":\"Reuse\"}"))
                .last()
                .model();

        final HandlerResponse refused = harness.update(
                        model, props("{\"ExistingAccountPolicy\":\"Reuse\",\"Name\":\"x\"}"))
                .last();

        assertThat(refused.errorCode()).isEqualTo("InvalidRequest");
        assertThat(harness.writes()).isZero();
    }

    @Test
    void failPolicyRefusesAConnectedAccount() {
        final SpotAccountRecord existing = connectedAccount("legacy");

        final HandlerResponse refused =
                harness.create(props("{\"ExistingAccountPolicy\":\"Fail\"}")).last();

        assertThat(refused.errorCode()).isEqualTo("AlreadyExists");
        assertThat(refused.message())
                .contains(existing.accountId())
                .contains("Adopt")
                .contains("Reuse");
        assertThat(harness.writes()).isZero();
    }

    @Test
    void moreThanOneConnectedAccountFailsNamingThem() {
        final SpotAccountRecord first = connectedAccount("one");
        final SpotAccountRecord second = connectedAccount("two");

        final HandlerResponse refused = harness.create(props("{}")).last();

        assertThat(refused.errorCode()).isEqualTo("InvalidRequest");
        assertThat(refused.message()).contains(first.accountId(), second.accountId(), "2 Spot accounts");
        assertThat(harness.writes()).isZero();
    }

    @Test
    void aCreateWhoseAnswerWasLostIsNotRepeated() {
        final int before = harness.spot.state().accounts().size();
        harness.spot.faults().dropResponseAfterWrite("POST", "/setup/account", 1);

        final HandlerDriver.Operation create = harness.create(props("{}"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(harness.spot.state().accounts()).hasSize(before + 1);
        assertThat(harness.spot.requestCount("POST", "/setup/account")).isEqualTo(1);
        assertThat(create.last().modelText("Ownership")).isEqualTo("Created");
    }

    @Test
    void aWholeCreateRetriedWithAFreshContextFindsItsEarlierAccount() {
        final int before = harness.spot.state().accounts().size();
        harness.spot.faults().dropResponseAfterWrite("POST", "/setup/account", 1);
        final HandlerResponse lost = harness.driver.invoke(
                harness.request("CREATE").properties(props("{}")).json());
        assertThat(lost.status()).as("a lost answer is retried, not failed").isEqualTo("IN_PROGRESS");

        final HandlerResponse retried = harness.create(props("{}")).last();

        assertThat(retried.status()).isEqualTo("SUCCESS");
        assertThat(harness.spot.state().accounts()).hasSize(before + 1);
        assertThat(retried.modelText("AccountId"))
                .isEqualTo(harness.spot.state().accounts().stream()
                        .filter(a -> a.name().equals(AWS_ACCOUNT_ID))
                        .findFirst()
                        .orElseThrow()
                        .accountId());
    }

    @Test
    void anOldUnlinkedAccountWithTheSameNameIsNeitherClaimedNorInTheWay() {
        final SpotAccountRecord old = harness.spot.state().createAccount(AWS_ACCOUNT_ID);
        harness.clock.advance(AccountLookup.LOOK_ALIKE_WINDOW.plusMinutes(1));

        final HandlerResponse done = harness.create(props("{}")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.modelText("AccountId")).isNotEqualTo(old.accountId());
        assertThat(harness.spot.state().account(old.accountId()).orElseThrow().name())
                .isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void aDeleteWhoseAnswerWasLostSucceedsOnRetry() {
        final JsonNode model = harness.create(props("{}")).last().model();
        harness.spot.faults().dropResponseAfterWrite("DELETE", "/setup/account/{id}", 1);

        final HandlerDriver.Operation delete = harness.delete(model);

        assertThat(delete.events()).extracting(HandlerResponse::status).containsExactly("IN_PROGRESS", "SUCCESS");
        assertThat(harness.spot.state().account(model.get("AccountId").asText()))
                .isEmpty();
    }

    @Test
    void theDefaultAccountIsNeverDeletedAndTheRefusalSaysWhy() {
        final String defaultAccount = harness.spot.state().defaultAccountId();

        final HandlerResponse refused = harness.delete(
                        props("{\"AccountId\":\"" + defaultAccount + "\",\"Ownership\":\"Created\"}"))
                .last();

        assertThat(refused.status()).isEqualTo("FAILED");
        assertThat(refused.errorCode()).isEqualTo("InvalidRequest");
        assertThat(harness.spot.state().account(defaultAccount)).isPresent();
    }

    @Test
    void theOrganizationAccountLimitIsAServiceLimitAndNothingIsCreated() {
        harness.spot.faults().accountLimit(harness.spot.state().accounts().size());
        final int before = harness.spot.state().accounts().size();

        final HandlerResponse refused = harness.create(props("{}")).last();

        assertThat(refused.errorCode()).isEqualTo("ServiceLimitExceeded");
        assertThat(refused.message()).contains("limit");
        assertThat(harness.spot.state().accounts()).hasSize(before);
    }
}
