package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.handler.SpotTokenResolver;
import io.spot.onboarding.runner.cli.Command;
import io.spot.onboarding.runner.env.MemberAccount;
import io.spot.onboarding.runner.stack.OperationOutcome;
import io.spot.onboarding.runner.stack.Stack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * template.yml's two places for the token, deployed through the runner into moto, with every
 * Spot::Onboarding handler reading the token itself through the AWS SDK: the type configuration
 * holds no token, so an enrolled account is one whose handlers found it. What moto holds
 * afterwards (keys, secrets, policies) is checked in each account.
 */
class TokenOptionsTest {
    private static final String HANDLERS = "SpotOnboardingHandlers-us-east-1";

    @RegisterExtension
    final TemplateRun template = new TemplateRun();

    private LocalRun run;

    @Test
    void inTheAccountTheTokenIsUnderItsOwnKeyAndThePolicyNamesTheHandlersRole() {
        run = template.start();

        assertThat(run.run(Command.of(Command.DEPLOY))).as(template.printed()).isTrue();
        final Stack stack = run.stacks().get(0);
        assertThat(stack.context().typeConfiguration().path("SpotCredentials").has("ApiToken"))
                .isFalse();
        assertEnrolled(stack);
        final AwsSessionCredentials account = session(MemberAccount.SINGLE_ACCOUNT_ID);
        final String keyId = stack.resource("SpotApiTokenKey").state().physicalId();
        try (SecretsManagerClient secrets = secrets(account);
                KmsClient kms = kms(account)) {
            final DescribeSecretResponse secret =
                    secrets.describeSecret(r -> r.secretId(SpotTokenResolver.DEFAULT_SECRET));
            assertThat(secret.kmsKeyId()).isEqualTo(keyId);
            assertThat(secrets.getSecretValue(r -> r.secretId(SpotTokenResolver.DEFAULT_SECRET))
                            .secretString())
                    .isEqualTo(run.token());
            assertThat(secrets.getResourcePolicy(r -> r.secretId(SpotTokenResolver.DEFAULT_SECRET))
                            .resourcePolicy())
                    .contains("arn:aws:iam::" + MemberAccount.SINGLE_ACCOUNT_ID + ":role/" + HANDLERS, "ArnNotEquals");
            final KeyMetadata key = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
            assertThat(key.keyManagerAsString()).isEqualTo("CUSTOMER");
            assertThat(kms.getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled())
                    .isTrue();
            assertThat(kms.getKeyPolicy(r -> r.keyId(keyId).policyName("default"))
                            .policy())
                    .contains("OnlyTheHandlersDecryptTheToken", HANDLERS);

            assertThat(run.run(Command.of(Command.DELETE)))
                    .as(template.printed())
                    .isTrue();
            assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState())
                    .isEqualTo(KeyState.PENDING_DELETION);
            assertThat(secrets.listSecrets().secretList()).isEmpty();
        }
    }

    @Test
    void centrallyTheMembersHoldOnlyThePointerAndTheirHandlersReadTheManagementAccountsSecret() {
        run = template.start("--central-token", "--accounts", "3", "--concurrency", "3");

        assertThat(run.run(Command.of(Command.DEPLOY))).as(template.printed()).isTrue();
        assertThat(run.summaries().get(1).succeeded()).isEqualTo(3);
        final String central;
        try (SecretsManagerClient management = secrets(session(MemberAccount.MANAGEMENT_ACCOUNT_ID))) {
            final DescribeSecretResponse secret =
                    management.describeSecret(r -> r.secretId("cfn/spot/organization-api-token"));
            central = secret.arn();
            assertThat(secret.kmsKeyId()).isNotBlank();
            assertThat(management.getSecretValue(r -> r.secretId(central)).secretString())
                    .isEqualTo(run.token());
            assertThat(management.getResourcePolicy(r -> r.secretId(central)).resourcePolicy())
                    .contains("aws:PrincipalOrgID", LocalRun.ORGANIZATION_ID, "role/" + HANDLERS);
        }
        final List<Stack> members = run.stacks();
        assertThat(members).hasSize(3);
        for (final Stack member : members) {
            assertThat(member.context()
                            .typeConfiguration()
                            .path("SpotCredentials")
                            .has("ApiToken"))
                    .isFalse();
            final AwsSessionCredentials account = session(member.accountId());
            try (SecretsManagerClient secrets = secrets(account);
                    KmsClient kms = kms(account)) {
                assertThat(secrets.getSecretValue(r -> r.secretId(SpotTokenResolver.DEFAULT_SECRET))
                                .secretString())
                        .as(member.accountId())
                        .isEqualTo("{\"ApiTokenSecret\":\"" + central + "\"}")
                        .doesNotContain(run.token());
                assertThat(kms.listKeys().keys())
                        .extracting(KeyListEntry::keyId)
                        .as("no key in the member account")
                        .isEmpty();
            }
            assertEnrolled(member);
        }

        assertThat(run.run(Command.of(Command.DELETE))).as(template.printed()).isTrue();
        try (SecretsManagerClient management = secrets(session(MemberAccount.MANAGEMENT_ACCOUNT_ID))) {
            assertThat(management.listSecrets().secretList())
                    .as("the central token goes last")
                    .isEmpty();
        }
    }

    @Test
    void aPointerToASecretThatIsNotThereFailsNamingIt() {
        final String missing = "arn:aws:secretsmanager:us-east-1:" + MemberAccount.MANAGEMENT_ACCOUNT_ID
                + ":secret:cfn/spot/organization-api-token-AbCdEf";
        run = template.start("--param", "CentralTokenSecretArn=" + missing, "--param", "SpotApiToken=");

        assertThat(run.run(Command.of(Command.DEPLOY))).isFalse();
        final OperationOutcome outcome = run.summaries().get(0).outcomes().get(0);
        assertThat(String.join("\n", outcome.failures())).contains(missing, "does not exist", "CentralTokenSecretArn");
        assertThat(template.spot().state().accounts())
                .as("only the emulator's own account")
                .hasSize(1);
    }

    /** Linked and enrolled in Cost Intelligence: every handler found the token. */
    private void assertEnrolled(final Stack stack) {
        final String spotAccount = stack.resource("SpotAccount").state().physicalId();
        assertThat(template.spot().state().account(spotAccount))
                .as(stack.accountId())
                .isPresent();
        assertThat(template.spot().state().isCostIntelligenceEnrolled(spotAccount))
                .as(stack.accountId())
                .isTrue();
    }

    /** A session in the account, as the runner's own: moto files what it reads under that account. */
    private static AwsSessionCredentials session(final String accountId) {
        try (StsClient sts = StsClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            final Credentials credentials = sts.assumeRole(
                            r -> r.roleArn("arn:aws:iam::" + accountId + ":role/AWSCloudFormationStackSetExecutionRole")
                                    .roleSessionName("token-options-test"))
                    .credentials();
            return AwsSessionCredentials.create(
                    credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
        }
    }

    private static SecretsManagerClient secrets(final AwsSessionCredentials session) {
        return SecretsManagerClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(session))
                .build();
    }

    private static KmsClient kms(final AwsSessionCredentials session) {
        return KmsClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(session))
                .build();
    }
}
