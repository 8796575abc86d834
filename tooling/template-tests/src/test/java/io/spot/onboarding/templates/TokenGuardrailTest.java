package io.spot.onboarding.templates;

import static io.spot.onboarding.templates.CfnYaml.list;
import static io.spot.onboarding.templates.CfnYaml.map;
import static io.spot.onboarding.templates.TokenPolicies.MEMBER;
import static io.spot.onboarding.templates.TokenPolicies.ORGANIZATION;
import static io.spot.onboarding.templates.TokenPolicies.REGION;
import static io.spot.onboarding.templates.TokenPolicies.handlers;
import static io.spot.onboarding.templates.TokenPolicies.request;
import static io.spot.onboarding.templates.TokenPolicies.role;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spot.onboarding.templates.PolicyEvaluation.Decision;
import io.spot.onboarding.templates.PolicyEvaluation.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * deploy/token-guardrail-scp.json: what it denies a member account's administrator, and that it denies
 * nothing the StackSets do to deploy, update and delete the two templates, nor the handlers' reading.
 */
class TokenGuardrailTest {
    private static final String ADMIN = role(MEMBER, "Admin");
    private static final String SECRET =
            "arn:aws:secretsmanager:" + REGION + ":" + MEMBER + ":secret:cfn/spot/api-token-AbCdEf";
    private static final String TYPE =
            "arn:aws:cloudformation:" + REGION + ":" + MEMBER + ":type/resource/Spot-Onboarding-Account";
    private static final String KEY =
            "arn:aws:kms:" + REGION + ":" + MEMBER + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final List<String> EXECUTION_ROLES = List.of(
            role(MEMBER, "stacksets-exec-0123456789abcdef"), role(MEMBER, "AWSCloudFormationStackSetExecutionRole"));

    private final PolicyEvaluation guardrail =
            new PolicyEvaluation(json(TokenPaths.guardrailJson()), Map.of(), Set.of());

    private static Object json(final String text) {
        try {
            return new ObjectMapper().readValue(text, Object.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** What each path to the token starts with, and what the StackSets themselves do. */
    private static List<Request> changes() {
        final String bucket = "arn:aws:s3:::" + TokenPaths.BUCKET;
        return List.of(
                on("iam:UpdateAssumeRolePolicy", handlers(MEMBER)),
                on("iam:PutRolePolicy", handlers(MEMBER)),
                on("iam:AttachRolePolicy", handlers(MEMBER)),
                on("iam:DeleteRole", handlers(MEMBER)),
                on("iam:CreateRole", handlers(MEMBER)),
                on("iam:PassRole", handlers(MEMBER)),
                on("iam:UpdateAssumeRolePolicy", role(MEMBER, "stacksets-exec-0123456789abcdef")),
                on("iam:CreateRole", role(MEMBER, "stacksets-exec-mine")),
                on("iam:CreateRole", role(MEMBER, "stacksets-exec-x/mine")),
                on("iam:CreateRole", role(MEMBER, "AWSCloudFormationStackSetExecutionRole")),
                on("cloudformation:RegisterType", "*"),
                on("cloudformation:RegisterType", TYPE),
                on("cloudformation:SetTypeConfiguration", TYPE),
                on("secretsmanager:DeleteResourcePolicy", SECRET),
                on("secretsmanager:PutResourcePolicy", SECRET),
                on("secretsmanager:PutSecretValue", SECRET),
                on("secretsmanager:UpdateSecret", SECRET),
                on("secretsmanager:DeleteSecret", SECRET),
                on("secretsmanager:CreateSecret", SECRET),
                on("kms:PutKeyPolicy", KEY).with("aws:ResourceTag/spot-onboarding", "token-key"),
                on("kms:CreateGrant", KEY).with("aws:ResourceTag/spot-onboarding", "token-key"),
                on("kms:UntagResource", KEY).with("aws:ResourceTag/spot-onboarding", "token-key"),
                on("s3:PutObject", bucket + "/spot-onboarding/1.0.0/spot-onboarding-account.zip"),
                on("s3:PutBucketPolicy", bucket));
    }

    private static Request on(final String action, final String resource) {
        return request(ADMIN, ORGANIZATION, action).on(resource);
    }

    private static Request as(final String principal, final Request request) {
        return new Request(principal, ORGANIZATION, request.action(), null, request.resource(), request.keys());
    }

    @Test
    void aMemberAccountsAdministratorMayStartNoPathToTheToken() {
        for (final Request change : changes()) {
            assertThat(guardrail.decide(change))
                    .as(change.action() + " " + change.resource())
                    .isEqualTo(Decision.DENIED);
        }
        assertThat(guardrail.decide(on("secretsmanager:GetSecretValue", SECRET)))
                .isEqualTo(Decision.DENIED);
    }

    @Test
    void theStackSetExecutionRolesMayDoAllOfItSoStackSetsKeepWorking() {
        for (final String executionRole : EXECUTION_ROLES) {
            for (final Request change : changes()) {
                assertThat(guardrail.decide(as(executionRole, change)))
                        .as(executionRole + " " + change.action() + " " + change.resource())
                        .isEqualTo(Decision.NOT_ALLOWED);
            }
        }
    }

    @Test
    void theHandlersReadTheTokenAndNoOneElse() {
        for (final String secret : List.of(SECRET, TokenPaths.centralSecret())) {
            assertThat(guardrail.decide(as(handlers(MEMBER), on("secretsmanager:GetSecretValue", secret))))
                    .isEqualTo(Decision.NOT_ALLOWED);
            for (final String other : EXECUTION_ROLES) {
                assertThat(guardrail.decide(as(other, on("secretsmanager:GetSecretValue", secret))))
                        .isEqualTo(Decision.DENIED);
            }
        }
    }

    /** What is none of its business stays allowed: other roles, secrets, keys, buckets. */
    @Test
    void itDeniesNothingElse() {
        for (final Request other : List.of(
                on("iam:UpdateAssumeRolePolicy", role(MEMBER, "Workload")),
                on("iam:PassRole", role(MEMBER, "path/SpotOnboardingHandlers-" + REGION)),
                on(
                        "secretsmanager:GetSecretValue",
                        "arn:aws:secretsmanager:" + REGION + ":" + MEMBER + ":secret:app/db"),
                on("kms:PutKeyPolicy", KEY),
                on("s3:PutObject", "arn:aws:s3:::another-bucket/x"))) {
            assertThat(guardrail.decide(other))
                    .as(other.action() + " " + other.resource())
                    .isEqualTo(Decision.NOT_ALLOWED);
        }
    }

    /** Organizations takes at most 5,120 characters, whitespace included; the bucket's name may add 94. */
    @Test
    void itFitsAServiceControlPolicyAndTheKeyItNamesIsTaggedSo() throws IOException {
        final String shipped = Files.readString(CfnYaml.ROOT.resolve("deploy/token-guardrail-scp.json"));
        assertThat(shipped.length() + 2 * (63 - "<package-bucket>".length())).isLessThanOrEqualTo(5120);
        assertThat(shipped).contains("<package-bucket>");
        for (final Map<String, Object> statement : guardrail.statements()) {
            assertThat(statement.get("Effect")).isEqualTo("Deny");
            assertThat(statement).doesNotContainKeys("Principal", "NotPrincipal");
        }
        final Object tags = map(map(map(CfnYaml.load("template.yml").get("Resources"))
                                .get("SpotApiTokenKey"))
                        .get("Properties"))
                .get("Tags");
        assertThat(list(tags)).containsExactly(Map.of("Key", "spot-onboarding", "Value", "token-key"));
    }
}
