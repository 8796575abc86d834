package io.spot.onboarding.linkedcredentials;

import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.ROLE;
import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.ROLE_OF_ANOTHER_AWS_ACCOUNT;
import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.props;
import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input that cannot be linked: a clear FAILED naming the property and what it accepts, and nothing changed. */
class LinkedCredentialsBadInputTest {
    @RegisterExtension
    final LinkedCredentialsHarness harness = new LinkedCredentialsHarness();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "arn:aws:iam::123456789012:user/alice",
                "arn:aws:iam::12345:role/SpotRole",
                "SpotRole",
                "arn:aws:s3:::bucket",
                "arn:aws:iam::123456789012:role/"
            })
    void aRoleArnThatIsNoIamRoleArnIsRefusedBeforeAnySpotCall(final String roleArn) {
        final String accountId = harness.account();

        final HandlerResponse create =
                harness.type.create(props(accountId, roleArn, "Created")).last();

        assertThat(create.errorCode()).isEqualTo("InvalidRequest");
        assertThat(create.message()).contains("RoleArn").contains(":iam::[0-9]{12}:role/");
        assertThat(harness.type.spot.requests()).isEmpty();
    }

    @Test
    void missingPropertiesAreRefusedNamingThem() {
        final String accountId = harness.account();

        final HandlerResponse noRole = harness.type
                .create(CloudFormationRequest.props("{\"AccountId\":\"" + accountId + "\"}"))
                .last();
        final HandlerResponse badOwnership =
                harness.type.create(props(accountId, ROLE, "Borrowed")).last();
        final HandlerResponse badAccount =
                harness.type.create(props("123456789012", ROLE)).last();

        assertThat(noRole.errorCode()).isEqualTo("InvalidRequest");
        assertThat(noRole.message()).contains("RoleArn");
        assertThat(badOwnership.errorCode()).isEqualTo("InvalidRequest");
        assertThat(badOwnership.message()).contains("AccountOwnership").contains("Created, Adopted, Reused");
        assertThat(badAccount.errorCode()).isEqualTo("InvalidRequest");
        assertThat(badAccount.message()).contains("AccountId").contains("^act-");
        assertThat(harness.type.spot.requests()).isEmpty();
    }

    @Test
    void anUnknownAccountIsRefusedNamingIt() {
        final HandlerResponse create =
                harness.type.create(props("act-0badc0de", ROLE)).last();

        assertThat(create.errorCode()).isEqualTo("InvalidRequest");
        assertThat(create.message())
                .contains("AccountId act-0badc0de names no Spot account")
                .contains("Spot::Onboarding::Account")
                .contains("Nothing was changed");
        assertThat(harness.type.writes()).isZero();
    }

    @Test
    void aRoleOfAnotherAwsAccountThanTheSpotAccountStandsForIsRefused() {
        final String accountId = harness.accountLinkedTo(ROLE);

        final HandlerResponse create = harness.type
                .create(props(accountId, ROLE_OF_ANOTHER_AWS_ACCOUNT, "Adopted"))
                .last();

        assertThat(create.errorCode()).isEqualTo("InvalidRequest");
        assertThat(create.message())
                .contains("AWS account 210987654321")
                .contains("stands for AWS account " + CloudFormationRequest.AWS_ACCOUNT_ID)
                .contains("Nothing was changed");
        assertThat(harness.type.writes()).isZero();
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void anUnlinkedAccountMayBeLinkedToARoleOfAnyAwsAccount() {
        final String accountId = harness.account();

        final HandlerResponse create = harness.type
                .create(props(accountId, ROLE_OF_ANOTHER_AWS_ACCOUNT, "Created"))
                .last();

        assertThat(create.status()).isEqualTo("SUCCESS");
        assertThat(harness.type.spot.state().account(accountId).orElseThrow().providerExternalId())
                .isEqualTo("210987654321");
    }
}
