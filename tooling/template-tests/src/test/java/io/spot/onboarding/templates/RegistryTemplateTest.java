package io.spot.onboarding.templates;

import static io.spot.onboarding.templates.CfnYaml.list;
import static io.spot.onboarding.templates.CfnYaml.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.templates.PolicyEvaluation.Decision;
import io.spot.onboarding.templates.PolicyEvaluation.Request;
import io.spot.onboarding.testing.ResourceRoleTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** registry.yml registers each type from its package and grants the handlers exactly what their schemas declare. */
class RegistryTemplateTest {
    private final Map<String, Object> resources =
            map(CfnYaml.load("registry.yml").get("Resources"));

    /**
     * What the schemas declare, kms:Decrypt included: Secrets Manager calls it on the role's behalf
     * to read a secret under a customer managed key, so it is granted only through Secrets Manager.
     */
    @Test
    void theExecutionRoleGrantsExactlyTheSchemasHandlerPermissionsAndDecryptThroughSecretsManager() {
        final Set<String> declared = new TreeSet<>();
        for (final JSONObject schema : TypeSchemas.all().values()) {
            declared.addAll(ResourceRoleTemplate.permissions(schema));
        }
        final Set<String> granted = new TreeSet<>();
        for (final Map<String, Object> statement : statements(Set.of())) {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            list(statement.get("Action")).forEach(a -> granted.add(a.toString()));
            if (list(statement.get("Action")).contains("kms:Decrypt")) {
                assertThat(list(statement.get("Action"))).containsExactly("kms:Decrypt");
                assertThat(map(map(statement.get("Condition")).get("StringEquals"))
                                .get("kms:ViaService"))
                        .isEqualTo("secretsmanager." + TokenPolicies.REGION + ".amazonaws.com");
                assertThat(map(map(statement.get("Condition")).get("StringLike"))
                                .get("kms:EncryptionContext:SecretARN"))
                        .isEqualTo("arn:aws:secretsmanager:" + TokenPolicies.REGION + ":*:secret:cfn/spot/*");
            }
        }

        assertThat(declared).contains("kms:Decrypt", "secretsmanager:GetSecretValue");
        assertThat(granted).isEqualTo(declared);
    }

    /**
     * Each type folder's resource-role.yaml (what cfn submit deploys; tooling/cfn-generate writes it):
     * the schema's permissions, the token read only from cfn/spot/ secrets of its account and decrypted
     * only through Secrets Manager for them.
     */
    @Test
    void eachTypeFoldersRoleReadsOnlyTheTokensSecrets() {
        final String own = "arn:aws:secretsmanager:" + TokenPolicies.REGION + ":" + TokenPolicies.MEMBER + ":secret:";
        TypeSchemas.all().forEach((file, schema) -> {
            final String module = TypeSchemas.MODULES.get(file);
            final Map<String, Object> role =
                    map(map(map(CfnYaml.load(module + "/resource-role.yaml").get("Resources"))
                                    .get("ExecutionRole"))
                            .get("Properties"));
            final PolicyEvaluation policy = new PolicyEvaluation(
                    map(list(role.get("Policies")).get(0)).get("PolicyDocument"),
                    TokenPolicies.stackValues(TokenPolicies.MEMBER, Map.of()),
                    Set.of());
            final String principal = TokenPolicies.role(TokenPolicies.MEMBER, "HandRegistered");
            final Set<String> granted = new TreeSet<>();
            policy.statements().forEach(s -> list(s.get("Action")).forEach(a -> granted.add(a.toString())));
            assertThat(granted).as(module).isEqualTo(ResourceRoleTemplate.permissions(schema));

            final Request read =
                    TokenPolicies.request(principal, TokenPolicies.ORGANIZATION, "secretsmanager:GetSecretValue");
            assertThat(policy.decide(read.on(own + "cfn/spot/api-token-AbCdEf")))
                    .as(module)
                    .isEqualTo(Decision.ALLOWED);
            assertThat(policy.decide(read.on(own + "app/database-AbCdEf")))
                    .as(module)
                    .isEqualTo(Decision.NOT_ALLOWED);
            assertThat(policy.decide(read.on("arn:aws:secretsmanager:" + TokenPolicies.REGION + ":"
                            + TokenPolicies.OUTSIDER + ":secret:cfn/spot/api-token-AbCdEf")))
                    .as(module)
                    .isEqualTo(Decision.NOT_ALLOWED);
            final Request decrypt =
                    TokenPolicies.viaSecretsManager(principal, TokenPolicies.ORGANIZATION, "kms:Decrypt");
            final String context = "kms:EncryptionContext:SecretARN";
            assertThat(policy.decide(decrypt.with(context, own + "cfn/spot/api-token-AbCdEf")))
                    .as(module)
                    .isEqualTo(Decision.ALLOWED);
            assertThat(policy.decide(decrypt.with(context, own + "app/database-AbCdEf")))
                    .as(module)
                    .isEqualTo(Decision.NOT_ALLOWED);
            assertThat(policy.decide(TokenPolicies.request(principal, TokenPolicies.ORGANIZATION, "kms:Decrypt")
                            .with(context, own + "cfn/spot/api-token-AbCdEf")))
                    .as(module)
                    .isEqualTo(Decision.NOT_ALLOWED);
        });
    }

    @Test
    void theExecutionRoleHasTheFixedNameTheTokenPoliciesUse() {
        final Map<String, Object> role = map(map(resources.get("ExecutionRole")).get("Properties"));

        assertThat(role.get("RoleName")).isEqualTo(Map.of("Fn::Sub", "SpotOnboardingHandlers-${AWS::Region}"));
        assertThat(role.get("Path"))
                .as("a path would change the ARN the policies name")
                .isNull();
    }

    @Test
    void theCentralSecretIsReadableOnlyWhenGiven() {
        final String central = "arn:aws:secretsmanager:" + TokenPolicies.REGION + ":" + TokenPolicies.MANAGEMENT
                + ":secret:cfn/spot/organization-api-token-AbCdEf";
        final String own =
                "arn:aws:secretsmanager:" + TokenPolicies.REGION + ":" + TokenPolicies.MEMBER + ":secret:cfn/spot/*";

        assertThat(secretResources(Set.of(), "")).containsExactly(own);
        assertThat(secretResources(Set.of("CentralToken"), central)).containsExactly(own, central);
    }

    private List<Object> secretResources(final Set<String> conditions, final String central) {
        return statements(conditions, central).stream()
                .filter(s -> list(s.get("Action")).contains("secretsmanager:GetSecretValue"))
                .flatMap(s -> list(s.get("Resource")).stream())
                .toList();
    }

    private List<Map<String, Object>> statements(final Set<String> conditions) {
        return statements(conditions, "");
    }

    private List<Map<String, Object>> statements(final Set<String> conditions, final String central) {
        final Map<String, Object> role = map(map(resources.get("ExecutionRole")).get("Properties"));
        final List<Map<String, Object>> statements = new ArrayList<>();
        for (final Object policy : list(role.get("Policies"))) {
            statements.addAll(new PolicyEvaluation(
                            map(policy).get("PolicyDocument"),
                            TokenPolicies.stackValues(TokenPolicies.MEMBER, Map.of("CentralTokenSecretArn", central)),
                            conditions)
                    .statements());
        }
        return statements;
    }

    /** Only the four types, by name: a type registered under any other name with this role cannot assume it. */
    @Test
    void theExecutionRoleIsAssumableOnlyByCloudFormationForThisAccountsFourTypes() {
        final Map<String, Object> trust =
                map(map(map(resources.get("ExecutionRole")).get("Properties")).get("AssumeRolePolicyDocument"));
        final Map<String, Object> statement = map(list(trust.get("Statement")).get(0));

        assertThat(list(trust.get("Statement"))).hasSize(1);
        assertThat(statement.get("Principal")).isEqualTo(Map.of("Service", "resources.cloudformation.amazonaws.com"));
        assertThat(map(map(statement.get("Condition")).get("StringEquals")).get("aws:SourceAccount"))
                .isEqualTo(Map.of("Ref", "AWS::AccountId"));

        final Map<String, Object> conditions = map(PolicyEvaluation.resolve(
                statement.get("Condition"), TokenPolicies.stackValues(TokenPolicies.MEMBER, Map.of()), Set.of()));
        final List<Object> sources = list(map(conditions.get("StringLike")).get("aws:SourceArn"));
        final String types =
                "arn:aws:cloudformation:" + TokenPolicies.REGION + ":" + TokenPolicies.MEMBER + ":type/resource/";
        assertThat(sources)
                .containsExactlyInAnyOrderElementsOf(TypeSchemas.all().values().stream()
                        .map(schema -> types + schema.getString("typeName").replace("::", "-") + "/*")
                        .toList());
        assertThat(sources).noneMatch(source -> source.toString().contains("Spot-Onboarding-*"));
    }

    @Test
    void everyTypeHasAVersionFromItsPackageMadeTheDefault() {
        TypeSchemas.all().forEach((file, schema) -> {
            final String typeName = schema.getString("typeName");
            final Map<String, Object> version = resources.values().stream()
                    .map(CfnYaml::map)
                    .filter(r -> "AWS::CloudFormation::ResourceVersion".equals(r.get("Type")))
                    .map(r -> map(r.get("Properties")))
                    .filter(p -> typeName.equals(p.get("TypeName")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no ResourceVersion for " + typeName));
            assertThat(map(version.get("SchemaHandlerPackage")).get("Fn::Sub").toString())
                    .endsWith(file.replace(".json", ".zip"));
            assertThat(version.get("ExecutionRoleArn"))
                    .isEqualTo(Map.of("Fn::GetAtt", List.of("ExecutionRole", "Arn")));
        });
        final long defaults = resources.values().stream()
                .map(CfnYaml::map)
                .filter(r -> "AWS::CloudFormation::ResourceDefaultVersion".equals(r.get("Type")))
                .count();
        assertThat(defaults).isEqualTo(TypeSchemas.all().size());
    }
}
