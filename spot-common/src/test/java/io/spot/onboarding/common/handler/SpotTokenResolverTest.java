package io.spot.onboarding.common.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.exceptions.CfnAccessDeniedException;
import software.amazon.cloudformation.exceptions.CfnInvalidTypeConfigurationException;

class SpotTokenResolverTest {
    private final SpotTokenResolver resolver = new SpotTokenResolver("Spot::Onboarding::Account");
    private final List<String> asked = new ArrayList<>();

    private SecretReader secrets(final Map<String, String> values) {
        return id -> {
            asked.add(id);
            return Optional.ofNullable(values.get(id));
        };
    }

    private static final String EMULATOR = "http://127.0.0.1:8089";

    @Test
    void theConfiguredTokenWinsInALocalRunAndNoSecretIsRead() {
        final SpotAccess access =
                resolver.resolve(new SpotTokenSettings("tok123", "other", EMULATOR), secrets(Map.of()));

        assertThat(access.token()).isEqualTo("tok123");
        assertThat(access.endpoint().url()).isEqualTo(EMULATOR + "/");
        assertThat(access.toString()).doesNotContain("tok123");
        assertThat(asked).isEmpty();
    }

    /** A type configuration is readable with BatchDescribeTypeConfigurations: no token for a real Spot there. */
    @Test
    void aConfiguredTokenForASpotApiElsewhereIsRefusedUnlessTheRunAllowsIt() {
        for (final String url : new String[] {null, "https://api.spotinst.io", "https://10.0.0.1"}) {
            assertThatThrownBy(() -> resolver.resolve(new SpotTokenSettings("tok123", null, url), secrets(Map.of())))
                    .isInstanceOf(CfnInvalidTypeConfigurationException.class)
                    .hasMessageContaining("SpotCredentials.ApiToken is accepted only in a local or test run")
                    .hasMessageContaining("SpotCredentials.ApiTokenSecret")
                    .hasMessageContaining(SpotTokenResolver.ALLOW_CONFIGURED_TOKEN)
                    .hasMessageNotContaining("tok123");
        }
        System.setProperty(SpotTokenResolver.ALLOW_CONFIGURED_TOKEN, "allow");
        try {
            assertThat(resolver.resolve(new SpotTokenSettings("tok123", null, null), secrets(Map.of()))
                            .token())
                    .isEqualTo("tok123");
        } finally {
            System.clearProperty(SpotTokenResolver.ALLOW_CONFIGURED_TOKEN);
        }
        assertThat(asked).isEmpty();
    }

    /** A token pasted where a secret's name goes is never repeated, whatever goes wrong. */
    @Test
    void aTokenInPlaceOfASecretNameIsNeverRepeated() {
        final String token = "a1B2c3D4e5F6g7H8i9J0";
        final SecretReader denied = id -> {
            throw new SecretReader.SecretAccessDeniedException(
                    "User: arn:aws:sts::111122223333:assumed-role/x is not authorized on resource: " + id);
        };

        assertThatThrownBy(() -> resolver.resolve(new SpotTokenSettings(null, token, null), secrets(Map.of())))
                .isInstanceOf(CfnInvalidTypeConfigurationException.class)
                .hasMessageContaining("SpotCredentials.ApiTokenSecret")
                .hasMessageContaining("if that is the token itself")
                .hasMessageNotContaining(token);
        assertThatThrownBy(() -> resolver.resolve(new SpotTokenSettings(null, token, null), denied))
                .isInstanceOf(CfnAccessDeniedException.class)
                .hasMessageContaining("not authorized")
                .hasMessageNotContaining(token)
                .hasNoCause();
        assertThatThrownBy(() -> resolver.resolve(
                        null,
                        secrets(Map.of(SpotTokenResolver.DEFAULT_SECRET, "{\"ApiTokenSecret\":\"" + token + "\"}"))))
                .isInstanceOf(CfnInvalidTypeConfigurationException.class)
                .hasMessageContaining("does not exist")
                .hasMessageNotContaining(token);
        // A name with a separator is shown, so the reader can correct it.
        assertThatThrownBy(() -> resolver.resolve(new SpotTokenSettings(null, "team/spot", null), secrets(Map.of())))
                .hasMessageContaining("'team/spot'");
    }

    @Test
    void theConfiguredSecretComesNext() {
        final SpotAccess access = resolver.resolve(
                new SpotTokenSettings(null, "team/spot", null),
                secrets(Map.of("team/spot", "fromSecret", SpotTokenResolver.DEFAULT_SECRET, "fromDefault")));

        assertThat(access.token()).isEqualTo("fromSecret");
        assertThat(asked).containsExactly("team/spot");
    }

    @Test
    void theDefaultSecretComesLastAndMayHoldJson() {
        final SpotAccess access =
                resolver.resolve(null, secrets(Map.of(SpotTokenResolver.DEFAULT_SECRET, "{\"token\":\"fromJson\"}")));

        assertThat(access.token()).isEqualTo("fromJson");
        assertThat(access.tokenSource()).contains("cfn/spot/api-token");
    }

    @Test
    void nothingConfiguredSaysWhatToSet() {
        assertThatThrownBy(() -> resolver.resolve(SpotTokenSettings.NONE, secrets(Map.of())))
                .isInstanceOf(CfnInvalidTypeConfigurationException.class)
                .hasMessageContaining("SpotCredentials.ApiToken")
                .hasMessageContaining("SpotCredentials.ApiTokenSecret")
                .hasMessageContaining("cfn/spot/api-token")
                .hasMessageContaining("set-type-configuration --type RESOURCE --type-name Spot::Onboarding::Account");
    }

    @Test
    void aTokenWithSpacesIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> resolver.resolve(new SpotTokenSettings("sec ret", null, EMULATOR), secrets(Map.of())))
                .isInstanceOf(CfnInvalidTypeConfigurationException.class)
                .hasMessageContaining("printable ASCII")
                .hasMessageNotContaining("sec ret");
    }

    @Test
    void aSecretTheRoleMayNotReadIsAccessDeniedNamingThePermission() {
        final SecretReader denied = id -> {
            throw new SecretReader.SecretAccessDeniedException("not authorized");
        };

        assertThatThrownBy(() -> resolver.resolve(null, denied))
                .isInstanceOf(CfnAccessDeniedException.class)
                .hasMessageContaining("secretsmanager:GetSecretValue")
                .hasMessageContaining("cfn/spot/api-token");
    }

    private static final String CENTRAL = "arn:aws:secretsmanager:us-east-1:111122223333:secret:cfn/spot/org-AbCdEf";

    @Test
    void theDefaultSecretMayPointToTheCentralSecret() {
        final SpotAccess access = resolver.resolve(
                null,
                secrets(Map.of(
                        SpotTokenResolver.DEFAULT_SECRET,
                        "{\"ApiTokenSecret\":\"" + CENTRAL + "\"}",
                        CENTRAL,
                        "centralToken")));

        assertThat(access.token()).isEqualTo("centralToken");
        assertThat(asked).containsExactly(SpotTokenResolver.DEFAULT_SECRET, CENTRAL);
        assertThat(access.tokenSource()).contains(CENTRAL).contains("cfn/spot/api-token");
    }

    @Test
    void theConfiguredSecretMayPointToo() {
        final SpotAccess access = resolver.resolve(
                new SpotTokenSettings(null, "team/pointer", null),
                secrets(Map.of(
                        "team/pointer", "{\"ApiTokenSecret\":\"team/token\"}", "team/token", "{\"token\":\"t0k\"}")));

        assertThat(access.token()).isEqualTo("t0k");
    }

    @Test
    void aPointerToNothingOrToAnotherPointerIsRefusedNamingBothSecrets() {
        final String pointer = "{\"ApiTokenSecret\":\"" + CENTRAL + "\"}";

        assertThatThrownBy(() -> resolver.resolve(null, secrets(Map.of(SpotTokenResolver.DEFAULT_SECRET, pointer))))
                .isInstanceOf(CfnInvalidTypeConfigurationException.class)
                .hasMessageContaining(CENTRAL)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("CentralTokenSecretArn");
        assertThatThrownBy(() -> resolver.resolve(
                        null,
                        secrets(Map.of(
                                SpotTokenResolver.DEFAULT_SECRET,
                                pointer,
                                CENTRAL,
                                "{\"ApiTokenSecret\":\"elsewhere\"}"))))
                .isInstanceOf(CfnInvalidTypeConfigurationException.class)
                .hasMessageContaining("another pointer");
        assertThat(asked).doesNotContain("elsewhere");
    }

    @Test
    void aCentralSecretTheRoleMayNotReadIsAccessDeniedNamingIt() {
        final SecretReader secrets = id -> {
            if (id.equals(CENTRAL)) {
                throw new SecretReader.SecretAccessDeniedException("not authorized");
            }
            return Optional.of("{\"ApiTokenSecret\":\"" + CENTRAL + "\"}");
        };

        assertThatThrownBy(() -> resolver.resolve(null, secrets))
                .isInstanceOf(CfnAccessDeniedException.class)
                .hasMessageContaining(CENTRAL)
                .hasMessageContaining("resource policy");
    }

    @Test
    void aBadApiUrlNamesTheProperty() {
        assertThatThrownBy(() -> resolver.resolve(new SpotTokenSettings("t", null, "not a url"), secrets(Map.of())))
                .isInstanceOf(CfnInvalidTypeConfigurationException.class)
                .hasMessageContaining("SpotCredentials.ApiUrl");
    }
}
