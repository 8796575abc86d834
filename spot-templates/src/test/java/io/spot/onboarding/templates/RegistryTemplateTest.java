package io.spot.onboarding.templates;

import static io.spot.onboarding.templates.CfnYaml.list;
import static io.spot.onboarding.templates.CfnYaml.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.testing.ResourceRoleTemplate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** registry.yml registers each type from its package and grants the handlers exactly what their schemas declare. */
class RegistryTemplateTest {
    private final Map<String, Object> resources = map(CfnYaml.load("registry.yml").get("Resources"));

    @Test
    void theExecutionRoleGrantsExactlyTheSchemasHandlerPermissions() {
        final Set<String> declared = new TreeSet<>();
        for (final JSONObject schema : TypeSchemas.all().values()) {
            declared.addAll(ResourceRoleTemplate.permissions(schema));
        }
        final Set<String> granted = new TreeSet<>();
        final Map<String, Object> role = map(map(resources.get("ExecutionRole")).get("Properties"));
        for (final Object policy : list(role.get("Policies"))) {
            for (final Object statement : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
                assertThat(map(statement).get("Effect")).isEqualTo("Allow");
                list(map(statement).get("Action")).forEach(a -> granted.add(a.toString()));
            }
        }

        assertThat(granted).isEqualTo(declared);
    }

    @Test
    void theExecutionRoleIsAssumableOnlyByCloudFormationForThisAccountsTypes() {
        final Map<String, Object> trust = map(map(map(resources.get("ExecutionRole")).get("Properties"))
            .get("AssumeRolePolicyDocument"));
        final Map<String, Object> statement = map(list(trust.get("Statement")).get(0));

        assertThat(list(trust.get("Statement"))).hasSize(1);
        assertThat(statement.get("Principal")).isEqualTo(Map.of("Service", "resources.cloudformation.amazonaws.com"));
        assertThat(map(map(statement.get("Condition")).get("StringEquals")).get("aws:SourceAccount"))
            .isEqualTo(Map.of("Ref", "AWS::AccountId"));
    }

    @Test
    void everyTypeHasAVersionFromItsPackageMadeTheDefault() {
        TypeSchemas.all().forEach((file, schema) -> {
            final String typeName = schema.getString("typeName");
            final Map<String, Object> version = resources.values().stream().map(CfnYaml::map)
                .filter(r -> "AWS::CloudFormation::ResourceVersion".equals(r.get("Type")))
                .map(r -> map(r.get("Properties")))
                .filter(p -> typeName.equals(p.get("TypeName")))
                .findFirst().orElseThrow(() -> new AssertionError("no ResourceVersion for " + typeName));
            assertThat(map(version.get("SchemaHandlerPackage")).get("Fn::Sub").toString())
                .endsWith(file.replace(".json", ".zip"));
            assertThat(version.get("ExecutionRoleArn")).isEqualTo(Map.of("Fn::GetAtt", List.of("ExecutionRole",
                "Arn")));
        });
        final long defaults = resources.values().stream().map(CfnYaml::map)
            .filter(r -> "AWS::CloudFormation::ResourceDefaultVersion".equals(r.get("Type"))).count();
        assertThat(defaults).isEqualTo(TypeSchemas.all().size());
    }
}
