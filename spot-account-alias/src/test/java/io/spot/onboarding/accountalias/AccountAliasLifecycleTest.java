package io.spot.onboarding.accountalias;

import static io.spot.onboarding.accountalias.AliasHarness.AWS_ACCOUNT_ID;
import static io.spot.onboarding.accountalias.AliasHarness.nameOf;
import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Naming, renaming, restoring and reading through the real HandlerWrapper, against the emulator,
 * with the alias read from moto_server's IAM by the real AWS SDK client.
 */
class AccountAliasLifecycleTest {
    @RegisterExtension
    final SpotTypeHarness harness = AliasHarness.start();

    private final String accountId = AliasHarness.onboardedAccount(harness).accountId();

    @BeforeEach
    void forgetOtherTestsAliases() {
        MotoIam.reset();
    }

    /** The template's properties; the stack created the account unless they say otherwise. */
    private ObjectNode model(final String extra) {
        final ObjectNode model = props("{" + extra + "}");
        model.put("AccountId", accountId);
        if (!model.has("AccountOwnership")) {
            model.put("AccountOwnership", "Created");
        }
        return model;
    }

    @Test
    void anExplicitNameRenamesTheAccountAndRecordsTheNameItHad() {
        final Operation create = harness.create(model("\"Name\":\"Payments prod\""));

        assertThat(create.events())
                .as("the old name reaches CloudFormation before the rename")
                .extracting(HandlerResponse::status)
                .containsExactly("IN_PROGRESS", "SUCCESS");
        final HandlerResponse done = create.last();
        assertThat(nameOf(harness, accountId)).isEqualTo("Payments prod");
        assertThat(done.modelText("AccountId")).isEqualTo(accountId);
        assertThat(done.modelText("Name")).isEqualTo("Payments prod");
        assertThat(done.modelText("AppliedName")).isEqualTo("Payments prod");
        assertThat(done.modelText("PreviousName")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(done.message())
                .isEqualTo("Renamed Spot account " + accountId + " from '" + AWS_ACCOUNT_ID + "' to 'Payments prod'");
    }

    @Test
    void withoutNameTheAwsAccountAliasFromIamNamesTheAccount() {
        MotoIam.setAlias("acme-payments-prod");

        final HandlerResponse done = harness.create(model("")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(nameOf(harness, accountId)).isEqualTo("acme-payments-prod");
        assertThat(done.modelText("AppliedName")).isEqualTo("acme-payments-prod");
        assertThat(done.modelText("PreviousName")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(done.message()).contains("to 'acme-payments-prod', the alias of AWS account " + AWS_ACCOUNT_ID);
    }

    @Test
    void withoutAnAliasEnrollmentSucceedsKeepingTheNameAndSaysSo() {
        final HandlerResponse done = harness.create(model("")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(nameOf(harness, accountId)).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(done.modelText("AppliedName")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(done.modelText("PreviousName")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(done.message())
                .contains("AWS account " + AWS_ACCOUNT_ID + " has no account alias")
                .contains("kept Spot account " + accountId + "'s name '" + AWS_ACCOUNT_ID + "'")
                .contains("FailWithoutAlias");
        assertThat(harness.writes()).isZero();
    }

    @Test
    void failWithoutAliasMakesAMissingAliasFailBeforeAnySpotCall() {
        final HandlerResponse refused =
                harness.create(model("\"FailWithoutAlias\":true")).last();

        assertThat(refused.status()).isEqualTo("FAILED");
        assertThat(refused.errorCode()).isEqualTo("InvalidRequest");
        assertThat(refused.message())
                .contains("has no account alias and FailWithoutAlias is true")
                .contains("aws iam create-account-alias");
        assertThat(harness.spot.requests()).isEmpty();
        assertThat(nameOf(harness, accountId)).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void failWithoutAliasChangesNothingWhenThereIsAnAlias() {
        MotoIam.setAlias("acme-strict");

        final HandlerResponse done =
                harness.create(model("\"FailWithoutAlias\":true")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(nameOf(harness, accountId)).isEqualTo("acme-strict");
        assertThat(done.model().has("FailWithoutAlias")).as("write-only").isFalse();
    }

    @Test
    void aNameTheAccountAlreadyHasIsNotWrittenAgain() {
        final HandlerResponse done =
                harness.create(model("\"Name\":\"" + AWS_ACCOUNT_ID + "\"")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.message()).contains("is already named '" + AWS_ACCOUNT_ID + "'");
        assertThat(harness.writes()).isZero();
    }

    @Test
    void updateRenamesTheAccountAndKeepsTheNameToRestore() {
        final JsonNode created = harness.createKept(model("\"Name\":\"before\",\"AccountOwnership\":\"Created\""));

        final HandlerResponse updated = harness.update(
                        created, model("\"Name\":\"after\",\"AccountOwnership\":\"Created\""))
                .last();

        assertThat(updated.status()).isEqualTo("SUCCESS");
        assertThat(nameOf(harness, accountId)).isEqualTo("after");
        assertThat(updated.modelText("AppliedName")).isEqualTo("after");
        assertThat(updated.modelText("PreviousName"))
                .as("the name before the resource existed, not 'before'")
                .isEqualTo(AWS_ACCOUNT_ID);
        assertThat(updated.message()).contains("from 'before' to 'after'");
    }

    @Test
    void updateWithoutNameTurnsToTheAlias() {
        final JsonNode created = harness.createKept(model("\"Name\":\"explicit\",\"AccountOwnership\":\"Created\""));
        MotoIam.setAlias("acme-from-iam");

        final HandlerResponse updated = harness.update(created, model("\"AccountOwnership\":\"Created\""))
                .last();

        assertThat(updated.status()).isEqualTo("SUCCESS");
        assertThat(nameOf(harness, accountId)).isEqualTo("acme-from-iam");
        assertThat(updated.modelText("PreviousName")).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void updateRefusesToNameAnotherAccount() {
        final JsonNode created = harness.createKept(model("\"Name\":\"mine\""));
        final String other = harness.spot.state().createAccount("other").accountId();
        final long writes = harness.writes();

        final HandlerResponse refused = harness.update(created, props("{\"AccountId\":\"" + other + "\"}"))
                .last();

        assertThat(refused.errorCode()).isEqualTo("NotUpdatable");
        assertThat(refused.message()).contains("AccountId is create-only");
        assertThat(harness.writes()).isEqualTo(writes);
    }

    @Test
    void deleteRestoresTheNameTheAccountHadBefore() {
        MotoIam.setAlias("acme-temporary");
        final JsonNode created = harness.createKept(model(""));
        assertThat(nameOf(harness, accountId)).isEqualTo("acme-temporary");

        final Operation delete = harness.delete(created);

        assertThat(delete.last().status()).isEqualTo("SUCCESS");
        assertThat(delete.last().hasModel()).isFalse();
        assertThat(delete.last().message())
                .contains("Restored Spot account " + accountId + "'s name from " + "'acme-temporary' to '"
                        + AWS_ACCOUNT_ID + "'");
        assertThat(nameOf(harness, accountId)).isEqualTo(AWS_ACCOUNT_ID);
    }

    /** Documented bend: a name cannot be deleted, only given back, so the account is still there to read. */
    @Test
    void afterDeleteReadStillFindsTheAccountAndASecondDeleteChangesNothing() {
        final JsonNode created = harness.createKept(model("\"Name\":\"temporary\""));
        harness.delete(created);
        final long writes = harness.writes();

        final HandlerResponse read = harness.read(created);
        final HandlerResponse again = harness.delete(created).last();

        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(read.modelText("Name")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(again.status()).isEqualTo("SUCCESS");
        assertThat(again.message()).contains("as before this resource named it");
        assertThat(harness.writes()).isEqualTo(writes);
    }

    @Test
    void deleteLeavesANameSetOutsideCloudFormationAfterTheResourceNamedIt() {
        final JsonNode created = harness.createKept(model("\"Name\":\"ours\""));
        harness.spot.state().rename(accountId, "renamed-in-console");
        final long writes = harness.writes();

        final HandlerResponse deleted = harness.delete(created).last();

        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(deleted.message())
                .contains("renamed to 'renamed-in-console' outside CloudFormation")
                .contains("not restored to '" + AWS_ACCOUNT_ID + "'");
        assertThat(nameOf(harness, accountId)).isEqualTo("renamed-in-console");
        assertThat(harness.writes()).isEqualTo(writes);
    }

    @Test
    void deleteOfASpotAccountThatIsGoneIsNotFound() {
        final JsonNode created = harness.createKept(model("\"Name\":\"doomed\""));
        harness.spot.state().delete(accountId);

        final HandlerResponse deleted = harness.delete(created).last();

        assertThat(deleted.errorCode()).isEqualTo("NotFound");
        assertThat(deleted.message()).contains(accountId);
    }

    @Test
    void deleteWithOnlyTheIdentifierLeavesTheNameSayingWhy() {
        harness.create(model("\"Name\":\"kept-by-cloud-control\""));

        final HandlerResponse deleted =
                harness.delete(props("{\"AccountId\":\"" + accountId + "\"}")).last();

        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(deleted.message()).contains("AccountOwnership is unknown").contains("is left as it is");
        assertThat(nameOf(harness, accountId)).isEqualTo("kept-by-cloud-control");
    }

    @Test
    void readReportsTheCurrentNameSoARenameOutsideCloudFormationIsDrift() {
        final JsonNode created = harness.createKept(model("\"Name\":\"team-a\""));
        harness.spot.state().rename(accountId, "renamed-in-console");

        final HandlerResponse read = harness.read(created);

        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(read.modelText("Name"))
                .as("differs from the template's Name: drift")
                .isEqualTo("renamed-in-console");
        assertThat(read.modelText("AppliedName"))
                .as("echoed: Spot cannot tell it")
                .isEqualTo("team-a");
        assertThat(read.modelText("PreviousName")).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void readMatchesWhatCreateReturnedWhileNobodyRenamesTheAccount() {
        final HandlerResponse created =
                harness.create(model("\"Name\":\"steady\"")).last();

        assertThat(harness.read(created.model()).model()).isEqualTo(created.model());
    }

    @Test
    void readWithOnlyTheIdentifierReportsTheName() {
        harness.create(model("\"Name\":\"by-id\""));

        final HandlerResponse read = harness.read(model(""));

        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(read.modelText("Name")).isEqualTo("by-id");
        assertThat(read.modelText("PreviousName")).isNull();
    }

    @Test
    void listNamesEverySpotAccount() {
        harness.create(model("\"Name\":\"listed\""));

        final HandlerResponse page = harness.list(null);

        assertThat(page.status()).isEqualTo("SUCCESS");
        assertThat(page.models())
                .hasSize(harness.spot.state().accounts().size())
                .anySatisfy(m -> {
                    assertThat(m.get("AccountId").asText()).isEqualTo(accountId);
                    assertThat(m.get("Name").asText()).isEqualTo("listed");
                });
    }

    @Test
    void aSpotAccountThatDoesNotExistIsNotFound() {
        final HandlerResponse refused = harness.create(props("{\"AccountId\":\"act-deadbeef\",\"Name\":\"x\"}"))
                .last();

        assertThat(refused.errorCode()).isEqualTo("NotFound");
        assertThat(refused.message()).contains("act-deadbeef");
        assertThat(harness.writes()).isZero();
    }

    @Test
    void badInputIsRefusedBeforeAnySpotCallNamingThePropertyAndTheAllowedForm() {
        final HandlerResponse longName =
                harness.create(model("\"Name\":\"" + "n".repeat(101) + "\"")).last();
        final HandlerResponse badId =
                harness.create(props("{\"AccountId\":\"123456789012\"}")).last();
        final HandlerResponse badOwnership =
                harness.create(model("\"AccountOwnership\":\"Stolen\"")).last();
        final HandlerResponse noId = harness.create(props("{\"Name\":\"x\"}")).last();

        assertThat(longName.errorCode()).isEqualTo("InvalidRequest");
        assertThat(longName.message()).contains("Name").contains("1 to 100 characters");
        assertThat(badId.errorCode()).isEqualTo("InvalidRequest");
        assertThat(badId.message()).contains("AccountId").contains("act-");
        assertThat(badOwnership.errorCode()).isEqualTo("InvalidRequest");
        assertThat(badOwnership.message()).contains("AccountOwnership").contains("Created, Adopted, Reused");
        assertThat(noId.errorCode()).isEqualTo("InvalidRequest");
        assertThat(noId.message()).contains("AccountId");
        assertThat(harness.spot.requests()).isEmpty();
    }

    /** IAM's own rule (3 to 63 of a-z, 0-9, -) makes this impossible in AWS; moto does not enforce it. */
    @Test
    void anAliasSpotCannotTakeIsAClearErrorAndNothingIsRenamed() {
        MotoIam.setAlias("a".repeat(120));

        final HandlerResponse refused = harness.create(model("")).last();

        assertThat(refused.errorCode()).isEqualTo("InvalidRequest");
        assertThat(refused.message())
                .contains("cannot name a Spot account")
                .contains("120 characters")
                .contains("Set Name");
        assertThat(harness.spot.requests()).isEmpty();
    }

    @Test
    void theAliasIsNotGivenToASpotAccountOfAnotherAwsAccount() {
        final String elsewhere = harness.spot.state().createAccount("elsewhere").accountId();
        harness.spot.state().link(elsewhere, "arn:aws:iam::210987654321:role/SpotRole");
        MotoIam.setAlias("acme-here");

        final HandlerResponse refused = harness.create(
                        props("{\"AccountId\":\"" + elsewhere + "\",\"AccountOwnership\":\"Adopted\"}"))
                .last();

        assertThat(refused.errorCode()).isEqualTo("InvalidRequest");
        assertThat(refused.message())
                .contains("connected to AWS account 210987654321")
                .contains("set Name");
        assertThat(nameOf(harness, elsewhere)).isEqualTo("elsewhere");
    }

    @Test
    void theTokenNeverAppearsInAnythingTheHandlersReturnOrLog() {
        MotoIam.setAlias("acme-scan");
        final JsonNode created = harness.createKept(model(""));
        harness.read(created);
        harness.delete(created);

        assertThat(harness.scanner.scannedCount())
                .as("responses and log lines scanned")
                .isGreaterThan(3);
        assertThat(harness.driver.logLines()).isNotEmpty();
    }
}
