package io.spot.onboarding.account;

import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.common.handler.SpotTokenResolver;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.harness.MotoServer;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Where the handlers find the Spot token (docs/design.md §3), with the real AWS SDK against
 * moto_server's Secrets Manager: the same calls, signing and parsing as in a real account.
 */
class AccountCredentialsTest {
    private static MotoServer moto;
    private static SecretsManagerClient secrets;

    @RegisterExtension
    final SpotTypeHarness harness = AccountHarness.start();

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.shared();
        secrets = SecretsManagerClient.builder()
                .region(Region.of(CloudFormationRequest.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @BeforeEach
    void forgetOtherTestsSecrets() {
        moto.reset();
    }

    private ObjectNode urlOnly() {
        final ObjectNode configuration = harness.typeConfiguration();
        ((ObjectNode) configuration.get("SpotCredentials")).remove("ApiToken");
        return configuration;
    }

    private HandlerResponse readDefaultAccount(final ObjectNode configuration) {
        return harness.driver.invoke(harness.request("READ")
                .typeConfiguration(configuration)
                .properties(props("{\"AccountId\":\"" + harness.spot.state().defaultAccountId() + "\"}"))
                .json());
    }

    @Test
    void readsTheTokenFromTheDefaultSecret() {
        secrets.createSecret(b -> b.name(SpotTokenResolver.DEFAULT_SECRET).secretString(harness.token));

        assertThat(readDefaultAccount(urlOnly()).status()).isEqualTo("SUCCESS");
    }

    @Test
    void readsTheTokenFromTheConfiguredSecretAsPlainTextOrJson() {
        secrets.createSecret(b -> b.name("team/spot").secretString("{\"ApiToken\":\"" + harness.token + "\"}"));
        final ObjectNode configuration = urlOnly();
        ((ObjectNode) configuration.get("SpotCredentials")).put("ApiTokenSecret", "team/spot");

        assertThat(readDefaultAccount(configuration).status()).isEqualTo("SUCCESS");
    }

    @Test
    void theTypeConfigurationTokenWinsOverTheSecret() {
        secrets.createSecret(b -> b.name(SpotTokenResolver.DEFAULT_SECRET).secretString("staleToken"));

        assertThat(readDefaultAccount(harness.typeConfiguration()).status()).isEqualTo("SUCCESS");
    }

    @Test
    void noConfigurationAndNoSecretIsInvalidTypeConfigurationSayingWhatToSet() {
        final HandlerResponse response = harness.driver.invoke(harness.request("CREATE")
                .typeConfiguration(null)
                .properties(props("{}"))
                .json());

        assertThat(response.errorCode()).isEqualTo("InvalidTypeConfiguration");
        assertThat(response.message())
                .contains(
                        "SpotCredentials.ApiToken",
                        "SpotCredentials.ApiTokenSecret",
                        "cfn/spot/api-token",
                        "set-type-configuration");
        assertThat(harness.spot.requests()).isEmpty();
    }

    @Test
    void aConfiguredSecretThatDoesNotExistIsNamed() {
        final ObjectNode configuration = urlOnly();
        ((ObjectNode) configuration.get("SpotCredentials")).put("ApiTokenSecret", "no/such/secret");

        final HandlerResponse response = readDefaultAccount(configuration);

        assertThat(response.errorCode()).isEqualTo("InvalidTypeConfiguration");
        assertThat(response.message()).contains("no/such/secret").contains("does not exist");
    }

    @Test
    void anEmptyTokenIsRefusedWithoutEchoingIt() {
        secrets.createSecret(b -> b.name(SpotTokenResolver.DEFAULT_SECRET).secretString("   "));

        final HandlerResponse response = readDefaultAccount(urlOnly());

        assertThat(response.errorCode()).isEqualTo("InvalidTypeConfiguration");
        assertThat(response.message()).contains("is empty");
    }
}
