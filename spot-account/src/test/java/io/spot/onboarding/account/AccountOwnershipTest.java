package io.spot.onboarding.account;

import static io.spot.onboarding.harness.CloudFormationRequest.AWS_ACCOUNT_ID;
import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.spot.onboarding.emulator.RecordedRequest;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.emulator.VisibleAccount;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Issue 12's scenarios on the Account type, each ending with Spot exactly as it was before the
 * stack: what an account the stack did not create goes through on a stack delete, a rollback, an
 * import, a replacing edit; and what a Create may and may not claim as its own.
 */
class AccountOwnershipTest {
    private static final String OLD_ROLE = "arn:aws:iam::" + AWS_ACCOUNT_ID + ":role/LegacySpotRole";

    @RegisterExtension
    final SpotTypeHarness harness = AccountHarness.start();

    /** An account connected long before any stack, as Spot's console onboarding leaves it. */
    private SpotAccountRecord production() {
        return harness.spot.state().seedAccount("production", Duration.ofDays(30), OLD_ROLE);
    }

    private List<VisibleAccount> spot() {
        return harness.spot.state().visibleAccounts();
    }

    // 1. The default deletes accounts the stack did not create.
    @Test
    void byDefaultAConnectedAccountIsReusedAndAStackDeleteLeavesSpotAsItWas() {
        final SpotAccountRecord existing = production();
        final List<VisibleAccount> before = spot();

        final HandlerResponse created = harness.create(props("{}")).last();
        final HandlerResponse deleted = harness.delete(created.model()).last();

        assertThat(created.modelText("AccountId")).isEqualTo(existing.accountId());
        assertThat(created.modelText("Ownership")).isEqualTo("Reused");
        assertThat(created.model().has("ExistingAccountPolicy"))
                .as("write-only")
                .isFalse();
        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(harness.writes()).as("writes to Spot").isZero();
        assertThat(spot()).isEqualTo(before);
    }

    // 2. A rollback deletes an adopted account.
    @Test
    void aRollbackReleasesAnAdoptedAccountWithItsNameBack() {
        final SpotAccountRecord existing = production();
        final List<VisibleAccount> before = spot();

        final HandlerResponse adopted = harness.create(
                        props("{\"ExistingAccountPolicy\":\"Adopt\",\"Name\":\"managed\"}"))
                .last();
        assertThat(adopted.modelText("Ownership")).isEqualTo("Adopted");
        assertThat(adopted.modelText("PreviousName")).isEqualTo("production");

        final HandlerResponse released = harness.rollbackDelete(adopted.model()).last();

        assertThat(released.status()).isEqualTo("SUCCESS");
        assertThat(released.message())
                .contains(existing.accountId())
                .contains("released")
                .contains("'production'");
        assertThat(spot()).isEqualTo(before);
    }

    @Test
    void anAdoptionWhoseCreateNeverSucceededClaimsNothingAndItsRollbackLeavesTheAccount() {
        production();
        final List<VisibleAccount> before = spot();
        harness.spot.faults().serverErrorNext("POST", "/setup/credentials/aws/externalId", 10, 503);

        final Operation create = harness.create(props("{\"ExistingAccountPolicy\":\"Adopt\"}"));

        assertThat(create.last().errorCode()).isEqualTo("ServiceInternalError");
        assertThat(create.events())
                .allSatisfy(event -> assertThat(event.modelText("Ownership"))
                        .as("%s event", event.status())
                        .isNull());
        harness.spot.faults().reset();
        final HandlerResponse rolledBack =
                harness.rollbackDelete(create.last().model()).last();
        final HandlerResponse deletedLater =
                harness.delete(create.last().model()).last();

        assertThat(rolledBack.status()).isEqualTo("SUCCESS");
        assertThat(rolledBack.message()).contains("left in place");
        assertThat(deletedLater.status()).isEqualTo("SUCCESS");
        assertThat(spot()).isEqualTo(before);
    }

    @Test
    void aRollbackOfAnUnfinishedCreateRemovesTheAccountItMade() {
        final List<VisibleAccount> before = spot();
        harness.spot.faults().serverErrorNext("POST", "/setup/credentials/aws/externalId", 10, 503);

        final Operation create = harness.create(props("{}"));

        assertThat(create.last().errorCode()).isEqualTo("ServiceInternalError");
        assertThat(create.last().modelText("Ownership"))
                .as("Created from the moment Spot answered")
                .isEqualTo("Created");
        assertThat(spot()).hasSize(before.size() + 1);
        harness.spot.faults().reset();

        final HandlerResponse rolledBack =
                harness.rollbackDelete(create.last().model()).last();

        assertThat(rolledBack.status()).isEqualTo("SUCCESS");
        assertThat(spot()).as("no orphan").isEqualTo(before);
    }

    @Test
    void aStackDeleteOfAnAdoptedAccountStillDeletesIt() {
        final SpotAccountRecord existing = production();

        final HandlerResponse adopted =
                harness.create(props("{\"ExistingAccountPolicy\":\"Adopt\"}")).last();
        AccountHarness.stackDeleting();
        final HandlerResponse deleted = harness.delete(adopted.model()).last();

        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(harness.spot.state().account(existing.accountId()))
                .as("Adopt is the opt-in to this")
                .isEmpty();
    }

    // 4. Create claims accounts it did not make.
    @Test
    void aLookAlikeMadeByAnotherActorAMinuteAgoIsNeverTaken() {
        final SpotAccountRecord foreign = harness.spot.state().seedAccount(AWS_ACCOUNT_ID, Duration.ofMinutes(1), null);
        final List<VisibleAccount> before = spot();

        final HandlerResponse refused = harness.create(props("{}")).last();

        assertThat(refused.errorCode()).isEqualTo("AlreadyExists");
        assertThat(refused.message()).contains(foreign.accountId()).contains("neither taken nor duplicated");
        assertThat(refused.hasModel() ? refused.modelText("AccountId") : null).isNull();
        assertThat(harness.writes()).isZero();
        assertThat(spot()).isEqualTo(before);
    }

    @Test
    void anAccountCarryingAnotherResourcesMarkerIsNeverTakenNorDoubled() {
        final ObjectNode otherResource =
                harness.request("CREATE").logicalResourceId("OtherAccount").json();
        final String otherMarker = marker(otherResource);
        final SpotAccountRecord others = harness.spot.state().seedAccount(otherMarker, Duration.ofMinutes(1), null);
        final int before = harness.spot.state().accounts().size();

        final HandlerResponse refused = harness.create(props("{}")).last();

        assertThat(refused.errorCode())
                .as("another resource is creating a Spot account for this AWS account")
                .isEqualTo("AlreadyExists");
        assertThat(refused.message()).contains(others.accountId()).contains("AWS account " + AWS_ACCOUNT_ID);
        assertThat(refused.hasModel() ? refused.modelText("AccountId") : null).isNull();
        assertThat(harness.writes()).isZero();
        assertThat(harness.spot.state().accounts()).hasSize(before);
        assertThat(harness.spot
                        .state()
                        .account(others.accountId())
                        .orElseThrow()
                        .name())
                .isEqualTo(otherMarker);
    }

    @Test
    void aNewAccountIsCreatedUnderThisResourcesMarkerAndThenGivenItsName() {
        final HandlerResponse created = harness.create(props("{}")).last();

        final RecordedRequest post = harness.spot.requests().stream()
                .filter(r -> "POST".equals(r.method()) && "/setup/account".equals(r.path()))
                .findFirst()
                .orElseThrow();
        assertThat(post.body()).contains(marker(harness.request("CREATE").json()));
        assertThat(harness.spot
                        .state()
                        .account(created.modelText("AccountId"))
                        .orElseThrow()
                        .name())
                .isEqualTo(AWS_ACCOUNT_ID);
    }

    // 5. A Delete whose model lacks Ownership deletes; Update writes a null Ownership.
    @Test
    void anUpdateThatDoesNotKnowTheOwnershipRecordsReusedNeverNothing() {
        final SpotAccountRecord existing = production();
        final ObjectNode imported = props("{\"AccountId\":\"" + existing.accountId() + "\"}");
        final HandlerResponse read = harness.read(imported);

        final HandlerResponse updated = harness.update(imported, props("{}")).last();
        final HandlerResponse deleted = harness.delete(updated.model()).last();

        assertThat(read.modelText("Ownership")).isEqualTo("Reused");
        assertThat(updated.status()).isEqualTo("SUCCESS");
        assertThat(updated.modelText("Ownership")).isEqualTo("Reused");
        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(harness.spot.state().account(existing.accountId())).isPresent();
    }

    /** The stack's SpotRole denies everything when ReusedAwsAccountId is its own AWS account's ID. */
    @Test
    void reusedAwsAccountIdIsTheAwsAccountOnlyForAReusedAccountAndReadGivesWhatCreateGave() {
        production();
        final HandlerResponse reused = harness.create(props("{}")).last();
        final HandlerResponse reusedRead = harness.read(reused.model());
        final HandlerResponse imported =
                harness.read(props("{\"AccountId\":\"" + reused.modelText("AccountId") + "\"}"));

        assertThat(reused.modelText("Ownership")).isEqualTo("Reused");
        assertThat(reused.modelText("ReusedAwsAccountId")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(reusedRead.modelText("ReusedAwsAccountId")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(imported.modelText("ReusedAwsAccountId")).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void aCreatedAccountsReusedAwsAccountIdIsNoAccountIdInCreateReadAndUpdate() {
        final HandlerResponse created = harness.create(props("{}")).last();
        final HandlerResponse read = harness.read(created.model());
        final HandlerResponse updated =
                harness.update(created.model(), created.model()).last();

        assertThat(created.modelText("Ownership")).isEqualTo("Created");
        assertThat(created.modelText("ReusedAwsAccountId")).isEqualTo("none");
        assertThat(read.modelText("ReusedAwsAccountId")).isEqualTo("none");
        assertThat(updated.modelText("ReusedAwsAccountId")).isEqualTo("none");
    }

    @Test
    void anImportedAccountIsNeverDeletedWhateverTheCallerPasses() {
        final SpotAccountRecord existing = production();
        final List<VisibleAccount> before = spot();

        final HandlerResponse stackDelete = harness.delete(props("{\"AccountId\":\"" + existing.accountId() + "\"}"))
                .last();
        final HandlerResponse rollback = harness.rollbackDelete(
                        props("{\"AccountId\":\"" + existing.accountId() + "\"}"))
                .last();

        assertThat(stackDelete.status()).isEqualTo("SUCCESS");
        assertThat(stackDelete.message()).contains("left in place");
        assertThat(rollback.status()).isEqualTo("SUCCESS");
        assertThat(spot()).isEqualTo(before);
    }

    // 6. Edits that replace the Account resource.
    @Test
    void settingAwsAccountIdToTheValueItHadUpdatesInPlaceAndTheAccountSurvives() {
        final SpotAccountRecord existing = production();
        final List<VisibleAccount> before = spot();
        final JsonNode created = harness.create(props("{}")).last().model();
        final ObjectNode previous = created.deepCopy();
        previous.remove("AwsAccountId");

        final HandlerResponse updated = harness.update(previous, props("{\"AwsAccountId\":\"" + AWS_ACCOUNT_ID + "\"}"))
                .last();
        final HandlerResponse deleted = harness.delete(updated.model()).last();

        assertThat(updated.status()).isEqualTo("SUCCESS");
        assertThat(updated.modelText("AccountId")).isEqualTo(existing.accountId());
        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(spot()).isEqualTo(before);
    }

    // Spot answers that are not Spot's are not facts.
    @Test
    void aDeleteAgainstSomethingThatIsNotSpotNeverSucceeds() throws Exception {
        final HttpServer notSpot = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        notSpot.createContext("/", exchange -> {
            final byte[] page = "<html><body>404 page not found</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        notSpot.start();
        try {
            final ObjectNode configuration = CloudFormationRequest.MAPPER.createObjectNode();
            configuration
                    .putObject("SpotCredentials")
                    .put("ApiToken", harness.token)
                    .put("ApiUrl", "http://127.0.0.1:" + notSpot.getAddress().getPort());
            final ObjectNode request = harness.request("DELETE")
                    .typeConfiguration(configuration)
                    .properties(props("{\"AccountId\":\"act-1a2b3c4d\",\"Ownership\":\"Created\"}"))
                    .json();

            final HandlerResponse last = harness.driver.run(request).last();

            assertThat(last.status()).isEqualTo("FAILED");
            assertThat(last.errorCode()).isNotEqualTo("NotFound");
            assertThat(last.message()).contains("not Spot's").contains("ApiUrl");
        } finally {
            notSpot.stop(0);
        }
    }

    private static String marker(final ObjectNode request) {
        return CreateMarker.of(
                ResourceHandlerRequest.builder()
                        .stackId(request.path("stackId").asText())
                        .logicalResourceIdentifier(request.path("requestData")
                                .path("logicalResourceId")
                                .asText())
                        .clientRequestToken(request.path("bearerToken").asText())
                        .build(),
                AWS_ACCOUNT_ID);
    }
}
