package io.spot.onboarding.templates;

import static io.spot.onboarding.templates.CfnYaml.list;
import static io.spot.onboarding.templates.CfnYaml.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spot.onboarding.common.handler.SpotTokenResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** template.yml grants what Spot publishes, trusts only Spot, and keeps the token where handlers read it. */
class OnboardingTemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Object> template = CfnYaml.load("template.yml");
    private final Map<String, Object> resources = map(template.get("Resources"));

    private Object policyDocument(final String resource) {
        return map(map(resources.get(resource)).get("Properties")).get("PolicyDocument");
    }

    private static Object json(final Path file) throws IOException {
        return JSON.readValue(Files.readString(file), Object.class);
    }

    @Test
    void thePoliciesAreSpotsPublishedDocuments() throws IOException {
        assertThat(policyDocument("SpotManagedPolicy")).isEqualTo(json(CfnYaml.ROOT.resolve("policies/spot-policy.json")));
        assertThat(policyDocument("SpotinstCostIntelligencePolicy"))
            .isEqualTo(json(CfnYaml.ROOT.resolve("policies/cost-intelligence-policy.json")));
    }

    @Test
    void theRepositorysPoliciesMatchTheSharedOnesWhereTheyAreAtHand() throws IOException {
        final Path shared = CfnYaml.ROOT.resolve("../shared/policies");
        if (!Files.isDirectory(shared)) {
            return; // a clone without the team's shared folder: the committed copies are the reference
        }
        for (final String file : List.of("spot-policy.json", "cost-intelligence-policy.json")) {
            assertThat(json(CfnYaml.ROOT.resolve("policies").resolve(file))).as(file).isEqualTo(json(shared.resolve(file)));
        }
    }

    @Test
    void theRoleTrustsOnlySpotAndOnlyWithTheAccountsExternalId() {
        final Map<String, Object> trust = map(map(map(resources.get("SpotRole")).get("Properties"))
            .get("AssumeRolePolicyDocument"));
        final List<Object> statements = list(trust.get("Statement"));

        assertThat(statements).hasSize(1);
        final Map<String, Object> statement = map(statements.get(0));
        assertThat(statement.get("Effect")).isEqualTo("Allow");
        assertThat(statement.get("Principal")).isEqualTo(Map.of("AWS", "arn:aws:iam::922761411349:root"));
        assertThat(statement.get("Action")).isEqualTo("sts:AssumeRole");
        assertThat(statement.get("Condition")).isEqualTo(Map.of("StringEquals",
            Map.of("sts:ExternalId", Map.of("Fn::GetAtt", List.of("SpotAccount", "ExternalId")))));
    }

    @Test
    void theTokenSecretIsTheOneTheHandlersReadAndEverySpotResourceWaitsForIt() {
        final Map<String, Object> secret = map(resources.get("SpotApiTokenSecret"));
        assertThat(map(secret.get("Properties")).get("Name")).isEqualTo(SpotTokenResolver.DEFAULT_SECRET);
        assertThat(map(secret.get("Properties")).get("SecretString")).isEqualTo(Map.of("Ref", "SpotApiToken"));

        resources.forEach((name, value) -> {
            final Map<String, Object> resource = map(value);
            if (resource.get("Type").toString().startsWith("Spot::")) {
                assertThat(list(resource.get("DependsOn"))).as(name).contains("SpotApiTokenSecret");
            }
        });
    }

    @Test
    void theTokenIsTheOnlyRequiredParameterAndIsNeverEchoed() {
        final Map<String, Object> parameters = map(template.get("Parameters"));
        assertThat(parameters.entrySet()).filteredOn(e -> !map(e.getValue()).containsKey("Default"))
            .extracting(Map.Entry::getKey).containsExactly("SpotApiToken");
        assertThat(map(parameters.get("SpotApiToken")).get("NoEcho")).isEqualTo(true);
    }

    @Test
    void everySpotTypeIsWiredToTheAccount() {
        assertThat(resources).containsKeys("SpotAccount", "SpotLinkedCredentials", "SpotAccountAlias",
            "SpotCostIntelligence");
        for (final String name : List.of("SpotLinkedCredentials", "SpotAccountAlias", "SpotCostIntelligence")) {
            final Map<String, Object> properties = map(map(resources.get(name)).get("Properties"));
            assertThat(properties.get("AccountId")).as(name).isEqualTo(Map.of("Ref", "SpotAccount"));
            assertThat(properties.get("AccountOwnership")).as(name)
                .isEqualTo(Map.of("Fn::GetAtt", List.of("SpotAccount", "Ownership")));
        }
    }
}
