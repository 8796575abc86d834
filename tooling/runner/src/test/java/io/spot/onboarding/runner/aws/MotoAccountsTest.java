package io.spot.onboarding.runner.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The moto launcher files each access key's account when IAM makes the key, instead of moto's
 * scan of every account on every request. Whatever a session does must still land in the account
 * it assumed into, and a session of an account a reset forgot must fall back to moto's default,
 * as moto's own scan does.
 */
class MotoAccountsTest {
    private static final String FIRST = "210000000001";
    private static final String SECOND = "210000000002";
    private static final String MOTO_DEFAULT_ACCOUNT = "123456789012";

    private final MotoServer moto = MotoServer.shared();
    private AwsClients aws;

    @BeforeEach
    void start() {
        moto.reset();
        aws = AwsClients.create(CloudFormationRequest.REGION);
    }

    @AfterEach
    void stop() {
        aws.close();
        moto.reset();
    }

    @Test
    void eachSessionActsInTheAccountItAssumedInto() {
        final AwsSessionCredentials first = aws.enter(FIRST, "first");
        final AwsSessionCredentials second = aws.enter(SECOND, "second");

        final String firstArn = createSecret(first, "first's value");
        final String secondArn = createSecret(second, "second's value");

        assertThat(firstArn).contains(":" + FIRST + ":secret:");
        assertThat(secondArn).contains(":" + SECOND + ":secret:");
        assertThat(value(first)).isEqualTo("first's value");
        assertThat(value(second)).isEqualTo("second's value");
    }

    @Test
    void aSessionWhoseAccountAResetForgotActsInMotosDefaultAccount() {
        final AwsSessionCredentials session = aws.enter(FIRST, "before the reset");
        assertThat(createSecret(session, "before")).contains(":" + FIRST + ":");

        moto.reset();

        assertThat(createSecret(session, "after")).contains(":" + MOTO_DEFAULT_ACCOUNT + ":");
    }

    private String createSecret(final AwsSessionCredentials session, final String value) {
        return aws.secrets()
                .createSecret(r -> r.name("same-name-in-every-account")
                        .secretString(value)
                        .overrideConfiguration(AwsClients.as(session)))
                .arn();
    }

    private String value(final AwsSessionCredentials session) {
        return aws.secrets()
                .getSecretValue(
                        r -> r.secretId("same-name-in-every-account").overrideConfiguration(AwsClients.as(session)))
                .secretString();
    }
}
