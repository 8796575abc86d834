package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.handler.RetryPolicy;
import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.harness.MotoServer;
import io.spot.onboarding.harness.SecretScanner;
import io.spot.onboarding.runner.aws.PolicyDocuments;
import io.spot.onboarding.runner.cli.Command;
import io.spot.onboarding.runner.cli.CommandLine;
import io.spot.onboarding.runner.output.Console;
import io.spot.onboarding.runner.stack.DriftResult;
import io.spot.onboarding.runner.stack.OperationOutcome;
import io.spot.onboarding.runner.stack.Stack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * A stack's whole life through the runner, as a user drives it: the Account type's real handlers
 * against the Spot emulator, the AWS resources in moto, the token read from the secret the stack
 * creates. What the emulator and moto hold afterwards is checked, not only what the runner says.
 */
class StackLifecycleTest {
    private static final String TEMPLATE = "src/test/resources/templates/account-stack.yml";
    private static final String TOKEN = "spotLifecycle" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));

    private static IamClient iam;
    private static SecretsManagerClient secrets;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private LocalRun run;

    @BeforeAll
    static void moto() {
        MotoServer.shared();
        iam = IamClient.builder().region(Region.US_EAST_1).build();
        secrets = SecretsManagerClient.builder().region(Region.US_EAST_1).build();
    }

    @BeforeEach
    void start() {
        MotoServer.shared().reset();
        run = new LocalRun(
                CommandLine.parse("--template", TEMPLATE, "--param", "SpotApiToken=" + TOKEN),
                new Console(new PrintStream(output, true, StandardCharsets.UTF_8)));
        assertThat(run.start()).isTrue();
    }

    @AfterEach
    void stop() {
        run.close();
        // Whatever else fails, the token must never have been printed.
        new SecretScanner(TOKEN).scan(printed(), "the runner's output");
    }

    @Test
    void deployDetectDriftUpdateReplaceAndDelete() {
        final SpotEmulator spot = run.environment().spot().emulator().orElseThrow();

        assertThat(run.run(Command.of(Command.DEPLOY))).isTrue();
        final Stack stack = run.stacks().get(0);
        final String first = spot(stack);
        assertThat(spot.state().account(first))
                .hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("first-name"));
        final String role = stack.resource("Role").state().physicalId();
        assertThat(trustedExternalId(role))
                .isEqualTo(stack.resource("Account")
                        .state()
                        .model()
                        .get("ExternalId")
                        .asText());
        final String policy = stack.resource("Policy").state().physicalId();
        assertThat(attachedTo(role)).containsExactly(policy);
        assertThat(secrets.describeSecret(r -> r.secretId("cfn/spot/api-token")).name())
                .isEqualTo("cfn/spot/api-token");
        assertThat(stack.outputs()).containsEntry("SpotAccountId", first);
        assertThat(printed())
                .containsPattern("Account +Spot::Onboarding::Account +CREATE_COMPLETE")
                .containsPattern("spot-onboarding +AWS::CloudFormation::Stack +CREATE_COMPLETE");

        assertThat(run.run(new Command(Command.UPDATE, Map.of("AccountName", "second-name", "WithPolicy", "false"))))
                .isTrue();
        assertThat(spot(stack)).isEqualTo(first);
        assertThat(spot.state().account(first))
                .hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("second-name"));
        assertThat(attachedTo(role)).isEmpty();
        assertThat(exists(() -> iam.getPolicy(r -> r.policyArn(policy)))).isFalse();
        assertThat(stack.status()).isEqualTo("UPDATE_COMPLETE");

        // AwsAccountId is not create-only: a change is refused in place (NotUpdatable) and rolled back, so
        // CloudFormation never replaces the resource and never deletes the account in the cleanup.
        assertThat(run.run(new Command(
                        Command.UPDATE, Map.of("AwsAccountId", "210987654321", "AccountName", "third-name"))))
                .isFalse();
        assertThat(stack.status()).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
        assertThat(spot(stack)).isEqualTo(first);
        assertThat(spot.state().account(first))
                .hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("second-name"));
        assertThat(printed())
                .containsPattern("Account +Spot::Onboarding::Account +UPDATE_FAILED +AwsAccountId cannot " + "change")
                .doesNotContain("Requested update requires the creation of a new physical resource");

        // Renamed in the Spot console: the template sets Name, so drift detection reports it.
        assertThat(run.run(Command.of(Command.TAMPER))).isTrue();
        assertThat(run.run(Command.of(Command.DETECT_DRIFT))).isTrue();
        final List<DriftResult> drift = lastOutcome().drift();
        assertThat(drift)
                .filteredOn(r -> r.logicalId().equals("Account"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(DriftResult.Status.MODIFIED);
                    assertThat(r.differences())
                            .containsExactly(new DriftResult.PropertyDifference(
                                    "/Name", "second-name", LocalRun.RENAMED, "NOT_EQUAL"));
                });
        assertThat(drift)
                .filteredOn(r -> !r.logicalId().equals("Account"))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(DriftResult.Status.IN_SYNC));
        assertThat(stack.driftStatus()).isEqualTo("DRIFTED");

        assertThat(run.run(Command.of(Command.DELETE))).isTrue();
        assertThat(stack.status()).isEqualTo("DELETE_COMPLETE");
        // What the delete did in Spot, in the event stream itself (no --verbose): the handler's message.
        assertThat(printed())
                .containsPattern("Account +Spot::Onboarding::Account +DELETE_COMPLETE +Deleted Spot " + "account "
                        + first + " \\(");
        assertThat(spot.state().accounts())
                .extracting(a -> a.accountId())
                .containsExactly(spot.state().defaultAccountId());
        assertThat(exists(() -> iam.getRole(r -> r.roleName(role)))).isFalse();
        assertThat(exists(() -> secrets.describeSecret(r -> r.secretId("cfn/spot/api-token"))))
                .isFalse();
    }

    @Test
    void theHandlersReadTheTokenFromTheSecretNotFromTheTypeConfiguration() {
        assertThat(run.run(Command.of(Command.DEPLOY))).isTrue();
        assertThat(run.stacks()
                        .get(0)
                        .context()
                        .typeConfiguration()
                        .path("SpotCredentials")
                        .has("ApiToken"))
                .isFalse();
        assertThat(run.stacks()
                        .get(0)
                        .context()
                        .typeConfiguration()
                        .path("SpotCredentials")
                        .path("ApiUrl")
                        .asText())
                .startsWith("http://127.0.0.1:");
    }

    @Test
    void aFailedCreateRollsBackWhatItMade() {
        final SpotEmulator spot = run.environment().spot().emulator().orElseThrow();
        // Spot refuses every new account (the organization is at its limit): Account fails, the rest rolls back.
        spot.faults().accountLimit(1);

        assertThat(run.run(Command.of(Command.DEPLOY))).isFalse();

        final Stack stack = run.stacks().get(0);
        assertThat(stack.status()).isEqualTo("ROLLBACK_COMPLETE");
        assertThat(stack.resources()).isEmpty();
        assertThat(printed())
                .containsPattern("Account +Spot::Onboarding::Account +CREATE_FAILED")
                .containsPattern("ROLLBACK_IN_PROGRESS +The following resource\\(s\\) failed to create: \\[Account\\]")
                .containsPattern("TokenSecret +AWS::SecretsManager::Secret +DELETE_COMPLETE");
        assertThat(exists(() -> secrets.describeSecret(r -> r.secretId("cfn/spot/api-token"))))
                .isFalse();
    }

    /**
     * Spot fails every rename the update's retries allow: the update fails and rolls back, including
     * the policy it had already changed.
     */
    @Test
    void aFailedUpdateRollsBackWhatItChanged() {
        final SpotEmulator spot = run.environment().spot().emulator().orElseThrow();
        assertThat(run.run(Command.of(Command.DEPLOY))).isTrue();
        final Stack stack = run.stacks().get(0);
        final String account = spot(stack);
        final String policy = stack.resource("Policy").state().physicalId();
        spot.faults().serverErrorNext("PUT", "/setup/account/{id}", RetryPolicy.MAX_TRANSIENT_RETRIES + 1, 500);

        assertThat(run.run(new Command(Command.UPDATE, Map.of("PolicySid", "Changed", "AccountName", "other-name"))))
                .isFalse();

        assertThat(stack.status()).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
        assertThat(spot(stack)).isEqualTo(account);
        assertThat(spot.state().account(account))
                .hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("first-name"));
        assertThat(stack.parameters().raw())
                .containsEntry("AccountName", "first-name")
                .containsEntry("PolicySid", "Describe");
        assertThat(printed())
                .containsPattern("Account +Spot::Onboarding::Account +UPDATE_FAILED +Spot failed")
                .containsPattern("Policy +AWS::IAM::ManagedPolicy +UPDATE_COMPLETE");
        assertThat(defaultPolicyDocument(policy).at("/Statement/0/Sid").asText())
                .isEqualTo("Describe");
        // A stack rolled back is a stack that still works.
        assertThat(run.run(Command.of(Command.DELETE))).isTrue();
    }

    private static com.fasterxml.jackson.databind.JsonNode defaultPolicyDocument(final String arn) {
        final String version = iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId();
        return PolicyDocuments.parse(iam.getPolicyVersion(r -> r.policyArn(arn).versionId(version))
                .policyVersion()
                .document());
    }

    private OperationOutcome lastOutcome() {
        return run.summaries().get(run.summaries().size() - 1).outcomes().get(0);
    }

    private static String spot(final Stack stack) {
        return stack.resource("Account").state().physicalId();
    }

    private static String trustedExternalId(final String role) {
        return PolicyDocuments.parse(iam.getRole(r -> r.roleName(role)).role().assumeRolePolicyDocument())
                .at("/Statement/0/Condition/StringEquals/sts:ExternalId")
                .asText();
    }

    private static List<String> attachedTo(final String role) {
        return iam.listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies().stream()
                .map(p -> p.policyArn())
                .toList();
    }

    private static boolean exists(final Runnable read) {
        try {
            read.run();
            return true;
        } catch (NoSuchEntityException | ResourceNotFoundException gone) {
            return false;
        }
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
