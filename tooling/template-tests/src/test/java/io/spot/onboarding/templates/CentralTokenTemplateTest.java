package io.spot.onboarding.templates;

import static io.spot.onboarding.templates.CfnYaml.map;
import static io.spot.onboarding.templates.TokenPolicies.MANAGEMENT;
import static io.spot.onboarding.templates.TokenPolicies.MEMBER;
import static io.spot.onboarding.templates.TokenPolicies.ORGANIZATION;
import static io.spot.onboarding.templates.TokenPolicies.OUTSIDER;
import static io.spot.onboarding.templates.TokenPolicies.handlers;
import static io.spot.onboarding.templates.TokenPolicies.policy;
import static io.spot.onboarding.templates.TokenPolicies.request;
import static io.spot.onboarding.templates.TokenPolicies.role;
import static io.spot.onboarding.templates.TokenPolicies.stackValues;
import static io.spot.onboarding.templates.TokenPolicies.viaSecretsManager;
import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.templates.PolicyEvaluation.Decision;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * central-token.yml: the token's only copy, in the management account, readable only by roles of
 * the organization named as registry.yml names the handlers' role, through the real key and secret
 * policies evaluated for each principal that matters.
 */
class CentralTokenTemplateTest {
    private final Map<String, Object> template = CfnYaml.load("deploy/central-token.yml");
    private final Map<String, Object> resources = map(template.get("Resources"));
    private static final String ADMINISTRATOR = role(MANAGEMENT, "aws-reserved/sso.amazonaws.com/Admin_abc");
    private final Map<String, String> values =
            stackValues(MANAGEMENT, Map.of("OrganizationId", ORGANIZATION, "TokenAdministratorArn", ADMINISTRATOR));

    @Test
    void onlyTheOrganizationsHandlerRolesReadTheSecret() {
        final PolicyEvaluation secret =
                policy(resources, "CentralTokenSecretPolicy", "ResourcePolicy", values, Set.of());

        // A cross-account read needs the resource policy's Allow: the members' handler roles have it.
        for (final String account : List.of(MEMBER, MANAGEMENT)) {
            assertThat(secret.decide(request(handlers(account), ORGANIZATION, "secretsmanager:GetSecretValue")))
                    .as(account)
                    .isEqualTo(Decision.ALLOWED);
        }
        for (final String other : List.of(
                handlers(OUTSIDER),
                role(MEMBER, "PowerUser"),
                ADMINISTRATOR,
                role(MANAGEMENT, "OrganizationAdmin"),
                "arn:aws:iam::" + MANAGEMENT + ":root",
                role(MEMBER, "SpotOnboardingHandlers-us-east-1"),
                role(MEMBER, "stacksets-exec-0123456789abcdef"))) {
            final String organization = other.contains(OUTSIDER) ? "o-someoneelse" : ORGANIZATION;
            assertThat(secret.decide(request(other, organization, "secretsmanager:GetSecretValue")))
                    .as(other)
                    .isEqualTo(Decision.DENIED);
        }
        // The same role name outside any organization.
        assertThat(secret.decide(request(handlers(OUTSIDER), null, "secretsmanager:GetSecretValue")))
                .isEqualTo(Decision.DENIED);
    }

    @Test
    void theKeyLetsOnlyTheOrganizationsHandlerRolesDecryptThroughSecretsManager() {
        final PolicyEvaluation key = policy(resources, "CentralTokenKey", "KeyPolicy", values, Set.of());

        assertThat(key.decide(viaSecretsManager(handlers(MEMBER), ORGANIZATION, "kms:Decrypt")))
                .isEqualTo(Decision.ALLOWED);
        assertThat(key.decide(request(handlers(MEMBER), ORGANIZATION, "kms:Decrypt")))
                .isEqualTo(Decision.NOT_ALLOWED);
        assertThat(key.decide(viaSecretsManager(handlers(OUTSIDER), "o-someoneelse", "kms:Decrypt")))
                .isEqualTo(Decision.NOT_ALLOWED);
        for (final String other : List.of(
                role(MEMBER, "PowerUser"),
                role(MANAGEMENT, "OrganizationAdmin"),
                "arn:aws:iam::" + MANAGEMENT + ":root")) {
            for (final String action : List.of("kms:Decrypt", "kms:ReEncryptFrom", "kms:CreateGrant")) {
                assertThat(key.decide(viaSecretsManager(other, ORGANIZATION, action)))
                        .as(other + " " + action)
                        .isEqualTo(Decision.NOT_ALLOWED);
            }
        }
        // The writer: Secrets Manager needs it to encrypt and decrypt; the secret's policy keeps it from reading.
        for (final String action : List.of("kms:Decrypt", "kms:GenerateDataKey", "kms:Encrypt")) {
            assertThat(key.decide(viaSecretsManager(ADMINISTRATOR, ORGANIZATION, action)))
                    .as(action)
                    .isEqualTo(Decision.ALLOWED);
        }
        assertThat(key.decide(request(ADMINISTRATOR, ORGANIZATION, "kms:Decrypt")))
                .isEqualTo(Decision.NOT_ALLOWED);
    }

    @Test
    void theSecretIsEncryptedWithThatKeyAndTheTokenIsNeverEchoed() {
        final Map<String, Object> secret =
                map(map(resources.get("CentralTokenSecret")).get("Properties"));

        assertThat(secret.get("KmsKeyId")).isEqualTo(Map.of("Ref", "CentralTokenKey"));
        assertThat(secret.get("SecretString")).isEqualTo(Map.of("Ref", "SpotApiToken"));
        assertThat(secret.get("Name").toString()).startsWith("cfn/spot/");
        assertThat(map(map(template.get("Parameters")).get("SpotApiToken")).get("NoEcho"))
                .isEqualTo(true);
        assertThat(map(map(template.get("Outputs")).get("CentralTokenSecretArn"))
                        .get("Value"))
                .isEqualTo(Map.of("Ref", "CentralTokenSecret"));
    }
}
