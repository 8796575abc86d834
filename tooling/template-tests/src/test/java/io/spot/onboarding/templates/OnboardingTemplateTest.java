package io.spot.onboarding.templates;

import static io.spot.onboarding.templates.CfnYaml.list;
import static io.spot.onboarding.templates.CfnYaml.map;
import static io.spot.onboarding.templates.TokenPolicies.MANAGEMENT;
import static io.spot.onboarding.templates.TokenPolicies.MEMBER;
import static io.spot.onboarding.templates.TokenPolicies.ORGANIZATION;
import static io.spot.onboarding.templates.TokenPolicies.OUTSIDER;
import static io.spot.onboarding.templates.TokenPolicies.REGION;
import static io.spot.onboarding.templates.TokenPolicies.ROLE_NAME;
import static io.spot.onboarding.templates.TokenPolicies.handlers;
import static io.spot.onboarding.templates.TokenPolicies.policy;
import static io.spot.onboarding.templates.TokenPolicies.request;
import static io.spot.onboarding.templates.TokenPolicies.role;
import static io.spot.onboarding.templates.TokenPolicies.stackValues;
import static io.spot.onboarding.templates.TokenPolicies.viaSecretsManager;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spot.onboarding.common.handler.SpotTokenResolver;
import io.spot.onboarding.templates.PolicyEvaluation.Decision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * template.yml grants what Spot publishes, trusts only Spot, and keeps the token where the handlers
 * read it and no one else can: its policies are evaluated for the principals that matter.
 */
class OnboardingTemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Object> template = CfnYaml.load("template.yml");
    private final Map<String, Object> resources = map(template.get("Resources"));
    private static final String CENTRAL =
            "arn:aws:secretsmanager:" + REGION + ":" + MANAGEMENT + ":secret:cfn/spot/organization-api-token-AbCdEf";

    private PolicyEvaluation secretPolicy(final String administrator) {
        return policy(
                resources,
                "SpotApiTokenSecretPolicy",
                "ResourcePolicy",
                stackValues(MEMBER, Map.of("TokenAdministratorArn", administrator)),
                administrator.isEmpty() ? Set.of() : Set.of("TokenAdministrator"));
    }

    private Object policyDocument(final String resource) {
        return map(map(resources.get(resource)).get("Properties")).get("PolicyDocument");
    }

    private static Object json(final Path file) throws IOException {
        return JSON.readValue(Files.readString(file), Object.class);
    }

    @Test
    void thePoliciesAreSpotsPublishedDocuments() throws IOException {
        assertThat(policyDocument("SpotManagedPolicy"))
                .isEqualTo(json(CfnYaml.ROOT.resolve("policies/spot-policy.json")));
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
            assertThat(json(CfnYaml.ROOT.resolve("policies").resolve(file)))
                    .as(file)
                    .isEqualTo(json(shared.resolve(file)));
        }
    }

    @Test
    void theRoleTrustsOnlySpotAndOnlyWithTheAccountsExternalId() {
        final Map<String, Object> trust =
                map(map(map(resources.get("SpotRole")).get("Properties")).get("AssumeRolePolicyDocument"));
        final List<Object> statements = list(trust.get("Statement"));

        assertThat(statements).hasSize(1);
        final Map<String, Object> statement = map(statements.get(0));
        assertThat(statement.get("Effect")).isEqualTo("Allow");
        assertThat(statement.get("Principal")).isEqualTo(Map.of("AWS", "arn:aws:iam::922761411349:root"));
        assertThat(statement.get("Action")).isEqualTo("sts:AssumeRole");
        assertThat(statement.get("Condition"))
                .isEqualTo(Map.of(
                        "StringEquals",
                        Map.of("sts:ExternalId", Map.of("Fn::GetAtt", List.of("SpotAccount", "ExternalId")))));
    }

    /**
     * SpotRole's own policies with the Spot policies it is given, for a session of the role: a Reused
     * account's role grants nothing (its ReusedAwsAccountId is the AWS account's ID), a Created or
     * Adopted one's keeps what Spot needs ('none').
     */
    private Decision spotRoleSession(final String reusedAwsAccountId, final String action) {
        final Map<String, String> values = stackValues(MEMBER, Map.of());
        values.put("SpotAccount.ReusedAwsAccountId", reusedAwsAccountId);
        final List<Object> statements = new ArrayList<>();
        for (final Object inline :
                list(map(map(resources.get("SpotRole")).get("Properties")).get("Policies"))) {
            statements.addAll(list(map(map(inline).get("PolicyDocument")).get("Statement")));
        }
        for (final String managed : List.of("SpotManagedPolicy", "SpotinstCostIntelligencePolicy")) {
            statements.addAll(list(map(policyDocument(managed)).get("Statement")));
        }
        return new PolicyEvaluation(Map.of("Statement", statements), values, Set.of())
                .decide(request(role(MEMBER, "spot-onboarding-SpotRole-1A2B3C"), ORGANIZATION, action));
    }

    @Test
    void aReusedAccountsRoleGrantsNothingAndAnOwnedAccountsRoleKeepsSpotsPermissions() {
        for (final String action : List.of("ec2:RunInstances", "iam:PassRole", "s3:GetObject", "ce:getCostAndUsage")) {
            assertThat(spotRoleSession(MEMBER, action)).as("Reused: " + action).isEqualTo(Decision.DENIED);
            assertThat(spotRoleSession("none", action)).as("Created: " + action).isEqualTo(Decision.ALLOWED);
        }
        // Another account's ID (a value the Account never returns here) denies nothing either.
        assertThat(spotRoleSession(OUTSIDER, "iam:PassRole")).isEqualTo(Decision.ALLOWED);
        final Map<String, Object> deny =
                map(list(map(map(list(map(map(resources.get("SpotRole")).get("Properties"))
                                                        .get("Policies"))
                                                .get(0))
                                        .get("PolicyDocument"))
                                .get("Statement"))
                        .get(0));
        assertThat(deny.get("Condition"))
                .isEqualTo(Map.of(
                        "StringEquals",
                        Map.of(
                                "aws:PrincipalAccount",
                                Map.of("Fn::GetAtt", List.of("SpotAccount", "ReusedAwsAccountId")))));
    }

    @Test
    void theTokenSecretIsTheOneTheHandlersReadAndEverySpotResourceWaitsForItsPolicy() {
        final Map<String, Object> secret =
                map(map(resources.get("SpotApiTokenSecret")).get("Properties"));
        assertThat(secret.get("Name")).isEqualTo(SpotTokenResolver.DEFAULT_SECRET);
        // The token itself, or under the central option only a pointer the handlers follow.
        assertThat(secret.get("SecretString"))
                .isEqualTo(Map.of(
                        "Fn::If",
                        List.of(
                                "CentralToken",
                                Map.of(
                                        "Fn::Sub",
                                        "{\"" + SpotTokenResolver.POINTER_KEY + "\":\"${CentralTokenSecretArn}\"}"),
                                Map.of("Ref", "SpotApiToken"))));
        assertThat(map(map(resources.get("SpotApiTokenSecretPolicy")).get("Properties"))
                        .get("SecretId"))
                .isEqualTo(Map.of("Ref", "SpotApiTokenSecret"));

        resources.forEach((name, value) -> {
            final Map<String, Object> resource = map(value);
            if (resource.get("Type").toString().startsWith("Spot::")) {
                assertThat(list(resource.get("DependsOn"))).as(name).contains("SpotApiTokenSecretPolicy");
            }
        });
    }

    @Test
    void theTokenIsNeverEchoedAndTheRuleWantsExactlyOneSource() {
        final Map<String, Object> parameters = map(template.get("Parameters"));
        assertThat(map(parameters.get("SpotApiToken")).get("NoEcho")).isEqualTo(true);
        assertThat(parameters.entrySet())
                .filteredOn(e -> !map(e.getValue()).containsKey("Default"))
                .isEmpty();
        final Object rule = map(list(map(map(template.get("Rules")).get("OneTokenSource"))
                                .get("Assertions"))
                        .get(0))
                .get("Assert");

        assertThat(RuleValue.holds(rule, Map.of("CentralTokenSecretArn", CENTRAL, "SpotApiToken", "")))
                .isTrue();
        assertThat(RuleValue.holds(rule, Map.of("CentralTokenSecretArn", "", "SpotApiToken", "tok123")))
                .isTrue();
        assertThat(RuleValue.holds(rule, Map.of("CentralTokenSecretArn", CENTRAL, "SpotApiToken", "tok123")))
                .isFalse();
        assertThat(RuleValue.holds(rule, Map.of("CentralTokenSecretArn", "", "SpotApiToken", "")))
                .isFalse();
    }

    @Test
    void aCustomerManagedKeyEncryptsTheTokenOnlyWhereTheAccountHoldsIt() {
        final Map<String, Object> key = map(resources.get("SpotApiTokenKey"));
        assertThat(key.get("Type")).isEqualTo("AWS::KMS::Key");
        assertThat(key.get("Condition")).isEqualTo("LocalToken");
        assertThat(map(map(template.get("Conditions")).get("LocalToken")))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "CentralTokenSecretArn"), "")));
        assertThat(map(map(resources.get("SpotApiTokenSecret")).get("Properties"))
                        .get("KmsKeyId"))
                .isEqualTo(Map.of(
                        "Fn::If",
                        List.of("LocalToken", Map.of("Ref", "SpotApiTokenKey"), Map.of("Ref", "AWS::NoValue"))));
    }

    @Test
    void onlyTheHandlersRoleReadsTheSecret() {
        final PolicyEvaluation policy = secretPolicy("");

        assertThat(policy.decide(request(handlers(MEMBER), ORGANIZATION, "secretsmanager:GetSecretValue")))
                .isEqualTo(Decision.NOT_ALLOWED); // not denied: the role's own IAM policy allows it
        for (final String other : List.of(
                role(MEMBER, "PowerUser"),
                "arn:aws:iam::" + MEMBER + ":root",
                "arn:aws:iam::" + MEMBER + ":user/ci",
                role(MEMBER, "stacksets-exec-0123456789abcdef"),
                role(MEMBER, "AWSCloudFormationStackSetExecutionRole"),
                role(MEMBER, "SpotOnboardingHandlers-us-east-1"),
                role(MEMBER, "path/" + ROLE_NAME),
                handlers(OUTSIDER))) {
            assertThat(policy.decide(request(other, ORGANIZATION, "secretsmanager:GetSecretValue")))
                    .as(other)
                    .isEqualTo(Decision.DENIED);
        }
        // Reading the policy reveals nothing, and CloudFormation's drift detection reads it.
        assertThat(policy.decide(request(role(MEMBER, "PowerUser"), ORGANIZATION, "secretsmanager:GetResourcePolicy")))
                .isEqualTo(Decision.NOT_ALLOWED);
    }

    @Test
    void onlyTheDeployersChangeTheTokenOrLiftThePolicy() {
        final String administrator = role(MEMBER, "aws-reserved/sso.amazonaws.com/AdministratorAccess_abc");
        final PolicyEvaluation stackSet = secretPolicy("");
        final PolicyEvaluation plainStack = secretPolicy(administrator);

        for (final String action : List.of(
                "secretsmanager:PutSecretValue",
                "secretsmanager:UpdateSecret",
                "secretsmanager:PutResourcePolicy",
                "secretsmanager:DeleteResourcePolicy")) {
            for (final String deployer : List.of(
                    role(MEMBER, "stacksets-exec-0123456789abcdef"),
                    role(MEMBER, "AWSCloudFormationStackSetExecutionRole"))) {
                assertThat(stackSet.decide(request(deployer, ORGANIZATION, action)))
                        .as(deployer + " " + action)
                        .isEqualTo(Decision.NOT_ALLOWED);
            }
            for (final String other : List.of(
                    role(MEMBER, "PowerUser"),
                    handlers(MEMBER),
                    administrator,
                    role(OUTSIDER, "stacksets-exec-0123456789abcdef"))) {
                assertThat(stackSet.decide(request(other, ORGANIZATION, action)))
                        .as(other + " " + action)
                        .isEqualTo(Decision.DENIED);
            }
            assertThat(plainStack.decide(request(administrator, ORGANIZATION, action)))
                    .as(action)
                    .isEqualTo(Decision.NOT_ALLOWED);
            assertThat(plainStack.decide(request(role(MEMBER, "PowerUser"), ORGANIZATION, action)))
                    .as(action)
                    .isEqualTo(Decision.DENIED);
        }
    }

    @Test
    void theKeyDecryptsOnlyForTheHandlersRoleAndTheDeployersAndOnlyThroughSecretsManager() {
        final PolicyEvaluation key = keyPolicy();

        assertThat(key.decide(viaSecretsManager(handlers(MEMBER), ORGANIZATION, "kms:Decrypt")))
                .isEqualTo(Decision.ALLOWED);
        assertThat(key.decide(request(handlers(MEMBER), ORGANIZATION, "kms:Decrypt")))
                .isEqualTo(Decision.NOT_ALLOWED);
        // Secrets Manager needs the writer of a value to encrypt and decrypt; the secret's policy keeps it from
        // reading.
        for (final String deployer : List.of(
                role(MEMBER, "stacksets-exec-0123456789abcdef"),
                role(MEMBER, "AWSCloudFormationStackSetExecutionRole"))) {
            for (final String action : List.of("kms:Decrypt", "kms:GenerateDataKey", "kms:Encrypt")) {
                assertThat(key.decide(viaSecretsManager(deployer, ORGANIZATION, action)))
                        .as(deployer + " " + action)
                        .isEqualTo(Decision.ALLOWED);
            }
            assertThat(key.decide(request(deployer, ORGANIZATION, "kms:Decrypt")))
                    .isEqualTo(Decision.NOT_ALLOWED);
        }
        for (final String other : List.of(
                role(MEMBER, "PowerUser"),
                "arn:aws:iam::" + MEMBER + ":root",
                role(OUTSIDER, "stacksets-exec-0123456789abcdef"),
                handlers(OUTSIDER))) {
            for (final String action : List.of("kms:Decrypt", "kms:ReEncryptFrom", "kms:CreateGrant")) {
                assertThat(key.decide(viaSecretsManager(other, ORGANIZATION, action)))
                        .as(other + " " + action)
                        .isEqualTo(Decision.NOT_ALLOWED);
            }
        }
        // AWS requires that the account can administer the key; Secrets Manager encrypts for whoever writes.
        assertThat(key.decide(request(role(MEMBER, "Admin"), ORGANIZATION, "kms:PutKeyPolicy")))
                .isEqualTo(Decision.ALLOWED);
        assertThat(key.decide(viaSecretsManager(role(MEMBER, "Admin"), ORGANIZATION, "kms:GenerateDataKey")))
                .isEqualTo(Decision.NOT_ALLOWED);
    }

    /** Reading the token takes both: the secret's policy not denying GetSecretValue, and the key decrypting. */
    @Test
    void theHandlersRoleIsTheOnlyPrincipalThatCanReadTheToken() {
        final PolicyEvaluation secret = secretPolicy("");
        final PolicyEvaluation key = keyPolicy();

        for (final String principal : List.of(
                handlers(MEMBER),
                role(MEMBER, "PowerUser"),
                "arn:aws:iam::" + MEMBER + ":root",
                role(MEMBER, "stacksets-exec-0123456789abcdef"),
                role(MEMBER, "AWSCloudFormationStackSetExecutionRole"),
                role(MEMBER, "SpotOnboardingHandlers-us-east-1"),
                handlers(OUTSIDER))) {
            final boolean reads = secret.decide(request(principal, ORGANIZATION, "secretsmanager:GetSecretValue"))
                            != Decision.DENIED
                    && key.decide(viaSecretsManager(principal, ORGANIZATION, "kms:Decrypt")) == Decision.ALLOWED;
            assertThat(reads).as(principal).isEqualTo(principal.equals(handlers(MEMBER)));
        }
    }

    private PolicyEvaluation keyPolicy() {
        return policy(resources, "SpotApiTokenKey", "KeyPolicy", stackValues(MEMBER, Map.of()), Set.of("LocalToken"));
    }

    @Test
    void thePoliciesNameTheRoleRegistryYmlCreates() {
        final Object roleName = map(map(CfnYaml.load("registry.yml").get("Resources"))
                        .get("ExecutionRole"))
                .get("Properties");
        final Object resolved =
                PolicyEvaluation.resolve(map(roleName).get("RoleName"), stackValues(MEMBER, Map.of()), Set.of());

        assertThat(resolved).isEqualTo(ROLE_NAME);
        assertThat(handlers(MEMBER)).endsWith(":role/" + resolved);
    }

    @Test
    void everySpotTypeIsWiredToTheAccount() {
        assertThat(resources)
                .containsKeys("SpotAccount", "SpotLinkedCredentials", "SpotAccountAlias", "SpotCostIntelligence");
        for (final String name : List.of("SpotLinkedCredentials", "SpotAccountAlias", "SpotCostIntelligence")) {
            final Map<String, Object> properties = map(map(resources.get(name)).get("Properties"));
            assertThat(properties.get("AccountId")).as(name).isEqualTo(Map.of("Ref", "SpotAccount"));
            assertThat(properties.get("AccountOwnership"))
                    .as(name)
                    .isEqualTo(Map.of("Fn::GetAtt", List.of("SpotAccount", "Ownership")));
        }
    }
}
