package io.spot.onboarding.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spot.onboarding.harness.MotoServer;
import io.spot.onboarding.migration.RetainPolicy;
import io.spot.onboarding.migration.Selection;
import io.spot.onboarding.migration.TemplateComparison;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.PermissionModels;
import software.amazon.awssdk.services.cloudformation.model.StackInstanceSummary;
import software.amazon.awssdk.services.cloudformation.model.StackSetNotFoundException;

/**
 * deploy/migrate-from-spot-stackset.sh with the AWS CLI against moto_server. moto runs a StackSet's
 * template in each account but cannot call Spot's Lambdas nor run the Spot::Onboarding types, so
 * the stack instances are made from stand-ins (an IAM role, as the old and the new SpotRole) and
 * the old StackSet then holds a template of the shape of Spot's (our fixture): what the script
 * reads, changes and deletes is real moto state.
 */
class MigrateScriptTest {
    private static final String TOKEN = "migrateTestToken" + Long.toHexString(System.nanoTime());
    private static final String OLD_TOKEN = "oldSpotToken" + Long.toHexString(System.nanoTime());
    private static final String OLD = "SpotOnboarding";
    private static final List<String> MEMBERS = List.of("111111111111", "222222222222");
    private static final Path SPOT_TEMPLATE =
            CfnYaml.ROOT.resolve("tooling/migration/src/test/resources/spot-onboarding-stackset.yml");
    private static final String ROLE_STAND_IN = """
        Parameters:
          Token: {Type: String, NoEcho: true}
          UpdateExistingAccounts: {Type: String, Default: "false"}
        Resources:
          SpotRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement: [{Effect: Allow, Principal: {AWS: "arn:aws:iam::922761411349:root"}, Action: "sts:AssumeRole"}]
        """;

    private static CloudFormationClient cloudFormation;
    private static Map<String, String> environment;

    @BeforeAll
    static void moto() {
        final MotoServer moto = MotoServer.shared();
        environment = new HashMap<>(moto.processEnvironment());
        environment.put("SPOT_API_TOKEN", TOKEN);
        cloudFormation = CloudFormationClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(moto.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void close() {
        cloudFormation.close();
    }

    @BeforeEach
    void reset() {
        MotoServer.shared().reset();
    }

    /** Spot's StackSet as a user has it: an instance per member account, Spot's template, the token as a parameter. */
    private static void spotStackSet(final PermissionModels model) throws IOException {
        spotStackSet(
                model,
                () -> cloudFormation.createStackInstances(
                        b -> b.stackSetName(OLD).accounts(MEMBERS).regions("us-east-1")));
    }

    private static void spotStackSet(final PermissionModels model, final Runnable instances) throws IOException {
        cloudFormation.createStackSet(b -> b.stackSetName(OLD)
                .templateBody(ROLE_STAND_IN)
                .permissionModel(model)
                .parameters(parameter("Token", OLD_TOKEN), parameter("UpdateExistingAccounts", "true")));
        instances.run();
        final String spot = Files.readString(SPOT_TEMPLATE);
        cloudFormation.updateStackSet(b -> b.stackSetName(OLD)
                .templateBody(spot)
                .parameters(
                        Parameter.builder()
                                .parameterKey("Token")
                                .usePreviousValue(true)
                                .build(),
                        Parameter.builder()
                                .parameterKey("UpdateExistingAccounts")
                                .usePreviousValue(true)
                                .build()));
    }

    /** The new StackSet, as if step 2 had run, with a CURRENT stack in {@code accounts}. */
    private static void newStackSetIn(final String... accounts) {
        cloudFormation.createStackSet(b ->
                b.stackSetName("spot-onboarding").templateBody(ROLE_STAND_IN).parameters(parameter("Token", "unused")));
        cloudFormation.createStackInstances(
                b -> b.stackSetName("spot-onboarding").accounts(accounts).regions("us-east-1"));
    }

    /**
     * Both new StackSets as step 2 leaves them, with a CURRENT stack in {@code accounts}; the
     * onboarding one then holds template.yml (which moto cannot run, hence the stand-in first).
     */
    private static void newStackSetsIn(final String... accounts) throws IOException {
        newStackSetIn(accounts);
        final String onboarding = Files.readString(CfnYaml.ROOT.resolve("template.yml"));
        cloudFormation.updateStackSet(b -> b.stackSetName("spot-onboarding")
                .templateBody(onboarding)
                .parameters(Parameter.builder()
                        .parameterKey("Token")
                        .usePreviousValue(true)
                        .build()));
        cloudFormation.createStackSet(b -> b.stackSetName("spot-onboarding-registry")
                .templateBody(ROLE_STAND_IN)
                .parameters(parameter("Token", "unused")));
        cloudFormation.createStackInstances(b ->
                b.stackSetName("spot-onboarding-registry").accounts(accounts).regions("us-east-1"));
    }

    private static Parameter parameter(final String key, final String value) {
        return Parameter.builder().parameterKey(key).parameterValue(value).build();
    }

    private static Processes.Result migrate(final Path stateDir, final String... extra) {
        final Processes.Result run = Processes.run(migrateCommand(stateDir, extra), environment);
        assertThat(run.output()).doesNotContain(TOKEN).doesNotContain(OLD_TOKEN);
        return run;
    }

    private static List<String> migrateCommand(final Path stateDir, final String... extra) {
        final List<String> command = new ArrayList<>(List.of(
                "bash",
                "deploy/migrate-from-spot-stackset.sh",
                "--old-stack-set",
                OLD,
                "--bucket",
                "spot-onboarding-packages",
                "--org-id",
                "o-abcdefghij",
                "--targets",
                "ou-ab12-abcdefgh",
                "--packages-dir",
                packages(stateDir.getParent()).toString(),
                "--state-dir",
                stateDir.toString(),
                // moto's CloudFormation gives central-token.yml's stack no output, so the real runs keep the token
                // in each account, as DeployScriptTest's do; the central option's order is DeployScriptTest's dry run.
                "--token-location",
                "account"));
        command.addAll(List.of(extra));
        return command;
    }

    private static Path packages(final Path dir) {
        try {
            final Path packages = Files.createDirectories(dir.resolve("packages"));
            for (final String type : List.of("account", "linkedcredentials", "accountalias", "costintelligence")) {
                Files.writeString(packages.resolve("spot-onboarding-" + type + ".zip"), "package of " + type);
            }
            return packages;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> accountsOf(final String stackSet) {
        return cloudFormation.listStackInstances(b -> b.stackSetName(stackSet)).summaries().stream()
                .map(StackInstanceSummary::account)
                .toList();
    }

    private static String templateOf(final String stackSet) {
        return cloudFormation
                .describeStackSet(b -> b.stackSetName(stackSet))
                .stackSet()
                .templateBody();
    }

    @Test
    void theOldStacksGoOnlyWhereTheNewStackIsCurrentAndARerunFinishes(@TempDir final Path dir) throws IOException {
        spotStackSet(PermissionModels.SELF_MANAGED);
        newStackSetIn("111111111111");
        final Path state = dir.resolve("state");

        final Processes.Result first = migrate(state);

        assertThat(first.exitCode()).as(first.output()).isEqualTo(1);
        // Step 1: Spot's own template, every custom resource retained, nothing else changed, the token kept.
        final String retained = templateOf(OLD);
        assertThat(RetainPolicy.notRetained(retained)).isEmpty();
        // The default (Reuse) keeps the old SpotRole: Spot goes on assuming it.
        assertThat(RetainPolicy.notRetained(retained, Selection.of(List.of("AWS::IAM::Role"))))
                .isEmpty();
        assertThat(TemplateComparison.differencesIgnoringRetain(Files.readString(SPOT_TEMPLATE), retained))
                .isEmpty();
        assertThat(cloudFormation
                        .describeStackSet(b -> b.stackSetName(OLD))
                        .stackSet()
                        .parameters())
                .extracting(Parameter::parameterKey, Parameter::parameterValue)
                .contains(org.assertj.core.groups.Tuple.tuple("Token", OLD_TOKEN));
        assertThat(state.resolve("original.template")).hasContent(Files.readString(SPOT_TEMPLATE));
        // Step 3: only the account whose new stack is CURRENT lost its old stack (its SpotRole retained).
        assertThat(accountsOf(OLD)).containsExactly("222222222222");
        assertThat(first.output())
                .contains("already done: spot-onboarding exists")
                .contains("us-east-1: 1 account(s) whose new stack is CURRENT")
                .contains("kept: their new stack is not CURRENT")
                .contains("222222222222 us-east-1")
                .contains("not yet: SpotOnboarding still holds 1 stack instance(s)");

        cloudFormation.createStackInstances(
                b -> b.stackSetName("spot-onboarding").accounts("222222222222").regions("us-east-1"));
        final Processes.Result second = migrate(state);

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output())
                .contains("already done: every custom resource of SpotOnboarding is retained")
                .contains("== Done");
        assertThatThrownBy(() -> cloudFormation.describeStackSet(b -> b.stackSetName(OLD)))
                .isInstanceOf(StackSetNotFoundException.class);
        assertThat(accountsOf("spot-onboarding")).containsExactlyInAnyOrderElementsOf(MEMBERS);

        final Processes.Result third = migrate(state);
        assertThat(third.exitCode()).isZero();
        assertThat(third.output()).contains("Nothing to do");
    }

    @ParameterizedTest(name = "ExistingAccountPolicy {0}")
    @ValueSource(strings = {"Reuse", "Adopt"})
    void stepTwoDeploysBothStackSetsWithThePolicyAndNoOldStackGoesBeforeItsNewOneIsCurrent(
            final String policy, @TempDir final Path dir) throws IOException {
        spotStackSet(PermissionModels.SELF_MANAGED);

        final Processes.Result run = "Reuse".equals(policy)
                ? migrate(dir.resolve("state"))
                : migrate(dir.resolve("state"), "--existing-account-policy", policy);

        // The target OU holds no account in moto, so no new stack is CURRENT and both old ones stay.
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(accountsOf(OLD)).containsExactlyInAnyOrderElementsOf(MEMBERS);
        assertThat(templateOf("spot-onboarding-registry"))
                .isEqualTo(Files.readString(CfnYaml.ROOT.resolve("registry.yml")));
        assertThat(templateOf("spot-onboarding")).isEqualTo(Files.readString(CfnYaml.ROOT.resolve("template.yml")));
        assertThat(cloudFormation
                        .describeStackSet(b -> b.stackSetName("spot-onboarding"))
                        .stackSet()
                        .parameters())
                .extracting(Parameter::parameterKey, Parameter::parameterValue)
                .contains(org.assertj.core.groups.Tuple.tuple("ExistingAccountPolicy", policy));
        assertThat(run.output()).contains("== Step 2/4 deploy").contains("kept: their new stack is not CURRENT");
        assertThat(RetainPolicy.notRetained(templateOf(OLD), Selection.of(List.of("AWS::IAM::Role"))))
                .as("the old SpotRole is retained with Reuse only")
                .hasSize("Reuse".equals(policy) ? 0 : 1);
    }

    @Test
    void aDryRunPrintsEveryStepAndChangesNothing(@TempDir final Path dir) throws IOException {
        spotStackSet(PermissionModels.SELF_MANAGED);

        final Processes.Result run = migrate(dir.resolve("state"), "--dry-run");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("aws cloudformation update-stack-set --stack-set-name SpotOnboarding --template-body file://")
                .contains(
                        "ParameterKey=Token,UsePreviousValue=true",
                        "ParameterKey=UpdateExistingAccounts,UsePreviousValue=true")
                .contains("Retain added: SpotLinkedCredentials (Custom::SpotLinkedCredentials, ServiceToken "
                        + "arn:aws:lambda:${AWS::Region}:178579023202:function:spotinst-set-credentials)")
                .contains("create-stack-set --stack-set-name spot-onboarding-registry")
                .contains("Retain added: SpotRole (AWS::IAM::Role)")
                .contains("\"ParameterKey\":\"ExistingAccountPolicy\",\"ParameterValue\":\"Reuse\"")
                .contains(
                        "aws cloudformation delete-stack-instances --stack-set-name SpotOnboarding --regions us-east-1 "
                                + "--accounts 111111111111 222222222222 --no-retain-stacks")
                .contains("aws cloudformation delete-stack-set --stack-set-name SpotOnboarding")
                .contains("Dry run: nothing was changed in AWS");
        assertThat(templateOf(OLD)).isEqualTo(Files.readString(SPOT_TEMPLATE));
        assertThat(accountsOf(OLD)).hasSize(2);
        assertThatThrownBy(() -> cloudFormation.describeStackSet(b -> b.stackSetName("spot-onboarding")))
                .isInstanceOf(StackSetNotFoundException.class);
        assertThat(RetainPolicy.notRetained(Files.readString(dir.resolve("state/retained.template"))))
                .isEmpty();
    }

    /**
     * Offline: from what describe-stack-set and list-stack-instances saved, with no AWS variable in the
     * environment (no credentials, no region, no endpoint) and an aws command that only fails, the dry run
     * prints the same commands as the dry run that reads AWS.
     */
    @Test
    void aDryRunFromTheSavedStackSetNeedsNoAwsAndPrintsTheSamePlan(@TempDir final Path dir) throws IOException {
        spotStackSet(PermissionModels.SELF_MANAGED);
        final Path stackSet = dir.resolve("stack-set.json");
        final Path instances = dir.resolve("instances.json");
        Files.writeString(stackSet, awsAnswer("describe-stack-set", "--stack-set-name", OLD));
        Files.writeString(instances, awsAnswer("list-stack-instances", "--stack-set-name", OLD));
        final Processes.Result online = migrate(dir.resolve("state"), "--dry-run");
        assertThat(online.exitCode()).as(online.output()).isZero();

        final Path bin = Files.createDirectories(dir.resolve("bin"));
        final Path aws = Files.writeString(bin.resolve("aws"), "#!/bin/sh\necho \"aws was called: $*\"; exit 99\n");
        assertThat(aws.toFile().setExecutable(true)).isTrue();
        final List<String> command = migrateCommand(
                dir.resolve("state"),
                "--dry-run",
                "--from-stack-set",
                stackSet.toString(),
                "--from-instances",
                instances.toString());
        final Map<String, String> offline =
                Map.of("SPOT_API_TOKEN", TOKEN, "PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        final Processes.Result run = Processes.run(command, offline, "AWS_");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .doesNotContain("aws was called")
                .doesNotContain(TOKEN)
                .contains("# Offline: SpotOnboarding as " + stackSet + " saved it")
                .contains("Retain added: SpotRole (AWS::IAM::Role)")
                .contains("Dry run: nothing was changed in AWS");
        assertThat(commands(run.output())).hasSizeGreaterThan(5).isEqualTo(commands(online.output()));

        // Without the instances, step 3 is described, not printed; a rollback or a real run is refused offline.
        command.subList(command.size() - 2, command.size()).clear();
        final Processes.Result noInstances = Processes.run(command, offline, "AWS_");
        assertThat(noInstances.exitCode()).as(noInstances.output()).isZero();
        assertThat(noInstances.output())
                .contains("offline without --from-instances: the old instances are unknown")
                .doesNotContain("delete-stack-instances --stack-set-name SpotOnboarding --regions");
        command.add("--rollback");
        assertThat(Processes.run(command, offline, "AWS_").output())
                .contains("a rollback's dry run reads the new StackSets");
        command.remove("--rollback");
        command.remove("--dry-run");
        assertThat(Processes.run(command, offline, "AWS_").output()).contains("are for --dry-run only");
        final Path other =
                Files.writeString(dir.resolve("other.json"), "{\"StackSet\": {\"StackSetName\": \"Other\"}}");
        command.set(command.indexOf(stackSet.toString()), other.toString());
        command.add("--dry-run");
        assertThat(Processes.run(command, offline, "AWS_").output())
                .contains("describes StackSet 'Other', not SpotOnboarding");
    }

    private static String awsAnswer(final String... arguments) {
        final List<String> command = new ArrayList<>(List.of("aws", "cloudformation"));
        command.addAll(List.of(arguments));
        final Processes.Result answer = Processes.run(command, environment);
        assertThat(answer.exitCode()).as(answer.output()).isZero();
        return answer.output();
    }

    private static List<String> commands(final String output) {
        return output.lines().filter(line -> line.startsWith("aws ")).toList();
    }

    @Test
    void aServiceManagedStackSetStopsAutoDeploymentAndIsTargetedByOrganizationalUnit(@TempDir final Path dir)
            throws IOException {
        // Two member accounts in an OU of moto's organization, each with an instance of Spot's StackSet.
        final Processes.Result organization = Processes.run(List.of("bash", "-c", """
            aws organizations create-organization --feature-set ALL > /dev/null
            root=$(aws organizations list-roots --query 'Roots[0].Id' --output text)
            ou=$(aws organizations create-organizational-unit --parent-id "$root" --name members \
                --query OrganizationalUnit.Id --output text)
            for i in 1 2; do
                id=$(aws organizations create-account --email "m$i@example.com" --account-name "m$i" \
                    --query CreateAccountStatus.AccountId --output text)
                aws organizations move-account --account-id "$id" --source-parent-id "$root" --destination-parent-id "$ou"
                echo "$id"
            done
            echo "$ou"
            """), environment);
        assertThat(organization.exitCode()).as(organization.output()).isZero();
        final List<String> lines = organization.output().lines().toList();
        final String ou = lines.get(lines.size() - 1);
        final List<String> members = lines.subList(lines.size() - 3, lines.size() - 1).stream()
                .sorted()
                .toList();
        spotStackSet(
                PermissionModels.SERVICE_MANAGED,
                () -> cloudFormation.createStackInstances(b -> b.stackSetName(OLD)
                        .deploymentTargets(t -> t.organizationalUnitIds(ou))
                        .regions("us-east-1")));
        assertThat(accountsOf(OLD)).containsExactlyInAnyOrderElementsOf(members);

        final Processes.Result run = migrate(dir.resolve("state"), "--dry-run");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("--auto-deployment Enabled=false")
                .contains(
                        "delete-stack-instances --stack-set-name SpotOnboarding --regions us-east-1 --deployment-targets")
                .contains(
                        "'{\"OrganizationalUnitIds\":[",
                        "\"Accounts\":[\"" + members.get(0) + "\",\"" + members.get(1) + "\"]",
                        "\"AccountFilterType\":\"INTERSECTION\"}'");
        assertThat(accountsOf(OLD)).hasSize(2);
    }

    @Test
    void aCopyOfSpotsTemplateThatIsNotTheDeployedOneIsRefused(@TempDir final Path dir) throws IOException {
        spotStackSet(PermissionModels.SELF_MANAGED);
        final Path copy = Files.writeString(
                dir.resolve("copy.yml"),
                Files.readString(SPOT_TEMPLATE).replace("isTokenEncrypted: \"false\"", "isTokenEncrypted: \"true\""));

        final Processes.Result run = migrate(dir.resolve("state"), "--spot-template", copy.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output())
                .contains("differs at /Resources/SpotLinkedCredentials/Properties/isTokenEncrypted")
                .contains("is not the template SpotOnboarding runs");
        assertThat(templateOf(OLD)).isEqualTo(Files.readString(SPOT_TEMPLATE));
    }

    @Test
    void aRollbackBeforeAnyOldStackWentLeavesSpotsStackSetAsItWas(@TempDir final Path dir) throws IOException {
        spotStackSet(PermissionModels.SELF_MANAGED);
        newStackSetsIn("111111111111", "222222222222");
        final Path state = dir.resolve("state");
        assertThat(migrate(state, "--stop-after", "deploy").exitCode()).isZero();
        assertThat(RetainPolicy.notRetained(templateOf(OLD))).isEmpty();

        final Processes.Result rollback = migrate(state, "--rollback");

        assertThat(rollback.exitCode()).as(rollback.output()).isZero();
        assertThat(rollback.output())
                .contains("Retain added: SpotAccount (Spot::Onboarding::Account)")
                .contains("us-east-1: 2 account(s) still have their old stack");
        for (final String stackSet : List.of("spot-onboarding", "spot-onboarding-registry")) {
            assertThatThrownBy(() -> cloudFormation.describeStackSet(b -> b.stackSetName(stackSet)))
                    .as(stackSet)
                    .isInstanceOf(StackSetNotFoundException.class);
        }
        assertThat(templateOf(OLD)).isEqualTo(Files.readString(SPOT_TEMPLATE));
        assertThat(accountsOf(OLD)).containsExactlyInAnyOrderElementsOf(MEMBERS);

        final Processes.Result again = migrate(state, "--rollback");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output())
                .contains("already done: spot-onboarding does not exist")
                .contains("already done: SpotOnboarding's custom resources are not retained");
    }

    @Test
    void aRollbackKeepsTheNewStackWhereTheOldOneIsAlreadyGone(@TempDir final Path dir) throws IOException {
        spotStackSet(PermissionModels.SELF_MANAGED);
        newStackSetsIn("111111111111");
        final Path state = dir.resolve("state");
        assertThat(migrate(state).exitCode()).isEqualTo(1);
        assertThat(accountsOf(OLD)).containsExactly("222222222222");

        final Processes.Result rollback = migrate(state, "--rollback");

        assertThat(rollback.exitCode()).as(rollback.output()).isZero();
        assertThat(rollback.output())
                .contains("kept: these accounts' old stack is gone")
                .contains("111111111111 us-east-1");
        assertThat(accountsOf("spot-onboarding")).containsExactly("111111111111");
        assertThat(accountsOf("spot-onboarding-registry")).containsExactly("111111111111");
        assertThat(RetainPolicy.notRetained(
                        templateOf("spot-onboarding"),
                        io.spot.onboarding.migration.Selection.of(List.of("Spot::Onboarding::Account"))))
                .isEmpty();
        assertThat(templateOf(OLD)).isEqualTo(Files.readString(SPOT_TEMPLATE));
    }

    @Test
    void badArgumentsAreRefusedNamingTheOption(@TempDir final Path dir) {
        final Processes.Result noName =
                Processes.run(List.of("bash", "deploy/migrate-from-spot-stackset.sh"), environment);
        final Processes.Result fail = migrate(dir.resolve("state"), "--existing-account-policy", "Fail");
        final Processes.Result missing = migrate(dir.resolve("state"));

        assertThat(noName.exitCode()).isEqualTo(2);
        assertThat(noName.output()).contains("--old-stack-set is required");
        assertThat(fail.exitCode()).isEqualTo(2);
        assertThat(fail.output()).contains("--existing-account-policy must be Reuse or Adopt");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.output()).contains("no StackSet named SpotOnboarding");
    }
}
