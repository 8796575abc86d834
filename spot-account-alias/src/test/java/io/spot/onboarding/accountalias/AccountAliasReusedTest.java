package io.spot.onboarding.accountalias;

import static io.spot.onboarding.accountalias.AliasHarness.AWS_ACCOUNT_ID;
import static io.spot.onboarding.accountalias.AliasHarness.nameOf;
import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AccountOwnership Reused: the stack uses the Spot account but never writes to it, not even to restore a name. */
class AccountAliasReusedTest {
    @RegisterExtension
    final FakeIam iam = new FakeIam().alias("acme-would-be-applied");

    @RegisterExtension
    final SpotTypeHarness harness = AliasHarness.start(iam.source());

    private final String accountId = AliasHarness.onboardedAccount(harness).accountId();

    private ObjectNode reused(final String extra) {
        final ObjectNode model = props("{\"AccountOwnership\":\"Reused\"" + extra + "}");
        model.put("AccountId", accountId);
        return model;
    }

    @Test
    void aReusedAccountIsObservedNeverRenamedAndIamIsNotAsked() {
        final HandlerResponse done = harness.create(reused("")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.modelText("Name")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(done.modelText("AppliedName")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(done.modelText("PreviousName")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(done.message()).contains("is Reused (AccountOwnership): this stack does not rename it");
        assertThat(nameOf(harness, accountId)).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(harness.writes()).isZero();
        assertThat(iam.seen()).isEmpty();
    }

    @Test
    void aReusedAccountRefusesANameThatWouldChangeIt() {
        final HandlerResponse refused =
                harness.create(reused(",\"Name\":\"mine\"")).last();

        assertThat(refused.errorCode()).isEqualTo("InvalidRequest");
        assertThat(refused.message())
                .contains("does not rename it")
                .contains("'" + AWS_ACCOUNT_ID + "'")
                .contains("Remove Name");
        assertThat(harness.writes()).isZero();
    }

    @Test
    void aReusedAccountAcceptsTheNameItAlreadyHas() {
        final HandlerResponse done =
                harness.create(reused(",\"Name\":\"" + AWS_ACCOUNT_ID + "\"")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(harness.writes()).isZero();
    }

    @Test
    void updateAndDeleteOfAReusedAccountNeverWriteEvenWithANameToRestore() {
        final JsonNode created = harness.createKept(reused(""));
        harness.spot.state().rename(accountId, "renamed-by-its-owner");
        final ObjectNode withPrevious = ((ObjectNode) created.deepCopy()).put("PreviousName", "something-else");

        final HandlerResponse updated = harness.update(created, reused("")).last();
        final HandlerResponse deleted = harness.delete(withPrevious).last();

        assertThat(updated.status()).isEqualTo("SUCCESS");
        assertThat(updated.modelText("Name")).isEqualTo("renamed-by-its-owner");
        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(deleted.message()).contains("Reused").contains("left untouched");
        assertThat(nameOf(harness, accountId)).isEqualTo("renamed-by-its-owner");
        assertThat(harness.writes()).as("POST, PUT or DELETE calls to Spot").isZero();
    }

    @Test
    void aReusedAccountRefusesARenameByUpdate() {
        final JsonNode created = harness.createKept(reused(""));

        final HandlerResponse refused =
                harness.update(created, reused(",\"Name\":\"new-name\"")).last();

        assertThat(refused.errorCode()).isEqualTo("InvalidRequest");
        assertThat(harness.writes()).isZero();
    }

    @Test
    void adoptedAndCreatedAccountsAreNamedAndRestored() {
        for (final String ownership : new String[] {"Adopted", "Created"}) {
            final ObjectNode model =
                    props("{\"AccountOwnership\":\"" + ownership + "\"}").put("AccountId", accountId);

            final JsonNode created = harness.createKept(model);
            assertThat(nameOf(harness, accountId)).as(ownership).isEqualTo("acme-would-be-applied");
            harness.delete(created);
            assertThat(nameOf(harness, accountId)).as(ownership).isEqualTo(AWS_ACCOUNT_ID);
        }
    }
}
