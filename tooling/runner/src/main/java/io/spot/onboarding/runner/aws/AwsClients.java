package io.spot.onboarding.runner.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The runner's own AWS clients, one per service for the whole run, as CloudFormation's would be.
 * They follow the SDK's endpoint rules, so with moto started ({@code aws.endpointUrl}) they reach
 * moto. Each call names the member account it acts in through {@link #as}.
 */
public final class AwsClients implements AutoCloseable {
    /** The role StackSets assume in every member account (self-managed permissions' name). */
    public static final String EXECUTION_ROLE = "AWSCloudFormationStackSetExecutionRole";

    private final IamClient iam;
    private final KmsClient kms;
    private final SecretsManagerClient secrets;
    private final StsClient sts;

    private AwsClients(final String region) {
        // Only the default; every call overrides it with the member account's session.
        final var anonymous = StaticCredentialsProvider.create(AwsBasicCredentials.create("runner", "runner"));
        this.iam = IamClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(anonymous)
                .build();
        this.kms = KmsClient.builder()
                .region(Region.of(region))
                .credentialsProvider(anonymous)
                .build();
        this.secrets = SecretsManagerClient.builder()
                .region(Region.of(region))
                .credentialsProvider(anonymous)
                .build();
        this.sts = StsClient.builder()
                .region(Region.of(region))
                .credentialsProvider(anonymous)
                .build();
    }

    public static AwsClients create(final String region) {
        return new AwsClients(region);
    }

    public IamClient iam() {
        return iam;
    }

    public KmsClient kms() {
        return kms;
    }

    public SecretsManagerClient secrets() {
        return secrets;
    }

    /**
     * A session in the member account, as the StackSet service gets by assuming its execution
     * role there; moto files whatever the session creates under that account.
     */
    public AwsSessionCredentials enter(final String accountId, final String sessionName) {
        final Credentials credentials = sts.assumeRole(
                        r -> r.roleArn("arn:aws:iam::" + accountId + ":role/" + EXECUTION_ROLE)
                                .roleSessionName(sessionName))
                .credentials();
        return AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }

    /** The per-call override that makes a request act in the member account of {@code session}. */
    public static AwsRequestOverrideConfiguration as(final AwsSessionCredentials session) {
        return AwsRequestOverrideConfiguration.builder()
                .credentialsProvider(StaticCredentialsProvider.create(session))
                .build();
    }

    @Override
    public void close() {
        iam.close();
        kms.close();
        secrets.close();
        sts.close();
    }
}
