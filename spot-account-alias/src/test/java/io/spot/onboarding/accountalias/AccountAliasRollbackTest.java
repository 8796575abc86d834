package io.spot.onboarding.accountalias;

import static io.spot.onboarding.accountalias.AliasHarness.AWS_ACCOUNT_ID;
import static io.spot.onboarding.accountalias.AliasHarness.nameOf;
import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rollback (CloudFormation's Delete with {@code rollback: true}) gives an account the stack did
 * not create its old name back, even when the Create it undoes never finished; with ownership
 * unknown it renames only what it provably named; a Reused account is never written.
 */
class AccountAliasRollbackTest {
    private static final String ACCOUNT_ROUTE = "/setup/account/{id}";

    @RegisterExtension
    final FakeIam iam = new FakeIam().alias("acme-prod");

    @RegisterExtension
    final SpotTypeHarness harness = AliasHarness.start(iam.source());

    private final String accountId = AliasHarness.onboardedAccount(harness).accountId();

    @BeforeEach
    void logOnlyWhatTheHandlersDo() {
        harness.spot.clearRequests();
    }

    private ObjectNode model(final String ownership) {
        final ObjectNode model = props("{}").put("AccountId", accountId);
        return ownership == null ? model : model.put("AccountOwnership", ownership);
    }

    private Operation rollbackDelete(final JsonNode model) {
        final ObjectNode request = harness.request("DELETE").properties(model).json();
        request.put("rollback", true);
        return harness.driver.run(request);
    }

    @Test
    void anAdoptedAccountRenamedThenRolledBackHasItsOldNameAgain() {
        final JsonNode created = harness.createKept(model("Adopted"));
        assertThat(nameOf(harness, accountId)).isEqualTo("acme-prod");

        final HandlerResponse rollback = rollbackDelete(created).last();

        assertThat(rollback.status()).isEqualTo("SUCCESS");
        assertThat(rollback.message()).contains("to '" + AWS_ACCOUNT_ID + "'").contains("rollback");
        assertThat(nameOf(harness, accountId)).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void aCreateThatFailedAfterItsRenameIsGivenItsOldNameBackOnRollback() {
        // The rename is applied but its answer lost; every call after it fails: the Create gives up.
        harness.spot.faults().dropResponseAfterWrite("PUT", ACCOUNT_ROUTE, 1);
        harness.spot.faults().afterNext("PUT", ACCOUNT_ROUTE, () -> {
            harness.spot.faults().serverErrorNext("GET", ACCOUNT_ROUTE, 100, 503);
            harness.spot.faults().serverErrorNext("PUT", ACCOUNT_ROUTE, 100, 503);
        });
        final Operation create = harness.create(model("Adopted"));
        assertThat(create.last().status()).isEqualTo("FAILED");
        assertThat(nameOf(harness, accountId)).as("the rename happened").isEqualTo("acme-prod");
        final JsonNode lastModel = create.last().hasModel()
                ? create.last().model()
                : create.events().get(create.events().size() - 2).model();
        assertThat(lastModel.path("PreviousName").asText()).isEqualTo(AWS_ACCOUNT_ID);
        harness.spot.faults().reset();

        final HandlerResponse rollback = rollbackDelete(CloudFormationRequest.kept(model("Adopted"), lastModel))
                .last();

        assertThat(rollback.status()).isEqualTo("SUCCESS");
        assertThat(nameOf(harness, accountId)).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void unknownOwnershipWithoutTheNameItAppliedLeavesTheNameAndSaysSo() {
        harness.spot.state().rename(accountId, "named-by-someone");
        final ObjectNode imported = model(null).put("PreviousName", AWS_ACCOUNT_ID);

        final HandlerResponse rollback = rollbackDelete(imported).last();

        assertThat(rollback.status()).isEqualTo("SUCCESS");
        assertThat(rollback.message()).contains("AccountOwnership is unknown").contains("is left as it is");
        assertThat(nameOf(harness, accountId)).isEqualTo("named-by-someone");
        assertThat(harness.writes()).isZero();
    }

    @Test
    void unknownOwnershipLeavesEvenANameItProvablyApplied() {
        final ObjectNode created = harness.createKept(model("Adopted"));
        assertThat(nameOf(harness, accountId)).isEqualTo("acme-prod");

        final HandlerResponse rollback =
                rollbackDelete(created.without("AccountOwnership")).last();

        assertThat(rollback.message()).contains("AccountOwnership is unknown");
        assertThat(nameOf(harness, accountId)).isEqualTo("acme-prod");
    }

    @Test
    void aReusedAccountIsNeverWrittenOnRollback() {
        final JsonNode created = harness.createKept(model("Reused"));

        rollbackDelete(((ObjectNode) created.deepCopy()).put("PreviousName", "anything"));

        assertThat(harness.writes()).isZero();
        assertThat(nameOf(harness, accountId)).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void anUpdateThatOmitsAccountOwnershipKeepsAReusedAccountUnwritten() {
        final JsonNode created = harness.createKept(model("Reused"));

        final HandlerResponse updated = harness.update(created, model(null)).last();

        assertThat(updated.status()).isEqualTo("SUCCESS");
        assertThat(updated.model().has("AccountOwnership")).as("write-only").isFalse();
        assertThat(updated.modelText("PreviousName")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(harness.writes()).isZero();
        assertThat(nameOf(harness, accountId)).isEqualTo(AWS_ACCOUNT_ID);
    }
}
