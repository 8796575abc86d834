package io.spot.onboarding.accountalias;

import static io.spot.onboarding.accountalias.AliasHarness.AWS_ACCOUNT_ID;
import static io.spot.onboarding.accountalias.AliasHarness.nameOf;
import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.emulator.SpotAnswers;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A new account the Account resource left under its create marker (NamedByAccountAlias): this
 * resource gives it its first name with one rename, and never records the marker as a name to
 * restore. Through the real HandlerWrapper, against the emulator and moto_server's IAM.
 */
class AccountAliasFirstNameTest {
    private static final String MARKER = "cfn-pending-0123456789abcdef01234567";

    @RegisterExtension
    final SpotTypeHarness harness = AliasHarness.start();

    private String accountId;

    @BeforeEach
    void accountUnderItsMarker() {
        MotoIam.reset();
        final SpotAccountRecord account = harness.spot.state().createAccount(MARKER);
        harness.spot.state().link(account.accountId(), "arn:aws:iam::" + AWS_ACCOUNT_ID + ":role/SpotRole");
        accountId = account.accountId();
    }

    private ObjectNode model() {
        final ObjectNode model = props("{}");
        model.put("AccountId", accountId);
        model.put("AccountOwnership", "Created");
        return model;
    }

    private long renames() {
        return harness.spot.requests().stream()
                .filter(r -> "PUT".equals(r.method()))
                .count();
    }

    @Test
    void theAliasIsTheFirstNameAndTheAwsAccountIdIsWhatDeleteRestores() {
        MotoIam.setAlias("acme-payments-prod");

        final HandlerResponse done = harness.create(model()).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(nameOf(harness, accountId)).isEqualTo("acme-payments-prod");
        assertThat(renames()).as("one write on the rename route").isEqualTo(1);
        assertThat(harness.spot.requests().stream().filter(r -> "GET".equals(r.method())))
                .as("one read: the invocation after the name to restore was recorded renames without reading again")
                .hasSize(1);
        assertThat(done.modelText("PreviousName"))
                .as("the name the Account would have given, never the marker")
                .isEqualTo(AWS_ACCOUNT_ID);

        final HandlerResponse deleted = harness.delete(CloudFormationRequest.kept(model(), done.model()))
                .last();

        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(nameOf(harness, accountId)).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void withoutAnAliasTheAccountIsNamedAfterItsAwsAccountOnce() {
        final HandlerResponse done = harness.create(model()).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(nameOf(harness, accountId)).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(renames()).isEqualTo(1);
        assertThat(done.modelText("AppliedName")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(done.message())
                .contains("to '" + AWS_ACCOUNT_ID + "'")
                .contains("AWS account " + AWS_ACCOUNT_ID + " has no account alias");
    }

    @Test
    void anExplicitNameIsTheFirstNameAndTheMarkerIsNeverRestored() {
        final ObjectNode model = model();
        model.put("Name", "Payments prod");

        final JsonNode created = harness.createKept(model);
        harness.delete(created);

        assertThat(renames()).as("the name, then the restore on delete").isEqualTo(2);
        assertThat(nameOf(harness, accountId)).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void aNameThatOnlyLooksLikeAMarkerPrefixIsKeptAsAnyOther() {
        harness.spot.state().rename(accountId, "cfn-pending-not-a-marker");

        final HandlerResponse done = harness.create(model()).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(nameOf(harness, accountId)).isEqualTo("cfn-pending-not-a-marker");
        assertThat(renames()).isZero();
    }

    @Test
    void whereSpotRefusesDigitsOnlyTheFirstNameAndTheRestoredNameFallBackToAwsAndTheId() {
        harness.spot.state().answers(SpotAnswers.DEFAULT.with(SpotAnswers.Names.REFUSED));
        MotoIam.setAlias("acme-payments-prod");
        final HandlerResponse aliased = harness.create(model()).last();

        final HandlerResponse deleted = harness.delete(CloudFormationRequest.kept(model(), aliased.model()))
                .last();

        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(nameOf(harness, accountId)).isEqualTo("aws-" + AWS_ACCOUNT_ID);

        MotoIam.reset();
        harness.spot.state().rename(accountId, MARKER);
        final HandlerResponse done = harness.create(model()).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(nameOf(harness, accountId)).isEqualTo("aws-" + AWS_ACCOUNT_ID);
        assertThat(done.modelText("AppliedName")).isEqualTo("aws-" + AWS_ACCOUNT_ID);
    }
}
