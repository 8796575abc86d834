package io.spot.onboarding.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spot.onboarding.harness.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.StackSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** deploy/deploy-stacksets.sh, printed (--dry-run) and run for real with the AWS CLI against moto_server. */
class DeployScriptTest {
    private static final String TOKEN = "deployTestToken" + Long.toHexString(System.nanoTime());
    private static final String TYPES = "account linkedcredentials accountalias costintelligence";

    private static Path packages(final Path dir) throws IOException {
        for (final String type : TYPES.split(" ")) {
            Files.writeString(dir.resolve("spot-onboarding-" + type + ".zip"), "package of " + type);
        }
        return dir;
    }

    private static List<String> command(final Path packages, final String... extra) {
        final List<String> command = new ArrayList<>(List.of(
                "bash",
                "deploy/deploy-stacksets.sh",
                "--bucket",
                "spot-onboarding-packages",
                "--org-id",
                "o-abcdefghij",
                "--targets",
                "ou-ab12-abcdefgh r-ab12",
                "--registry-regions",
                "us-east-1 eu-west-1",
                "--packages-dir",
                packages.toString()));
        command.addAll(List.of(extra));
        return command;
    }

    @Test
    void aDryRunPrintsEveryCommandAndNeverTheToken(@TempDir final Path dir) throws IOException {
        final Path tmp = Files.createDirectory(dir.resolve("tmp"));
        final Processes.Result run = Processes.run(
                command(packages(dir), "--dry-run", "--include-management-account", "--token-location", "account"),
                Map.of("SPOT_API_TOKEN", TOKEN, "TMPDIR", tmp.toString()));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .doesNotContain(TOKEN)
                .contains("aws s3api put-bucket-policy", "aws:PrincipalOrgID", "o-abcdefghij")
                .contains("create-stack-set --stack-set-name spot-onboarding-registry")
                .contains("create-stack-set --stack-set-name spot-onboarding ")
                .contains("--permission-model SERVICE_MANAGED", "--managed-execution Active=true", "DependsOn=")
                .contains("--regions us-east-1 eu-west-1", "\"ParameterValue\":\"****\"")
                .contains("create-stack --stack-name spot-onboarding ")
                .doesNotContain("central-token.yml");
        assertThat(run.output().split("aws s3 cp", -1)).hasSize(5);
        // The files that held the token are gone.
        try (var left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    /** What --dry-run prints is for pasting: every word, quoted or not, comes back as the word it was. */
    @Test
    void aPrintedCommandPastedIntoBashGivesBackTheSameArguments() {
        final List<String> words = List.of(
                "cloudformation",
                "create-stack-set",
                "--description",
                "Registers the Spot::Onboarding resource types",
                "ParameterKey=Token,UsePreviousValue=true",
                "",
                "{\"ParameterKey\":\"SpotApiToken\",\"ParameterValue\":\"****\"}",
                "it's",
                "$HOME `id` \\n",
                "two\nlines",
                "~",
                "*",
                "!x",
                "a&b",
                "arn:aws:iam::<this account>:role/<your role>");
        final List<String> print =
                new ArrayList<>(List.of("bash", "-c", ". deploy/print-command.sh; print_command aws \"$@\"", "print"));
        print.addAll(words);
        final Processes.Result printed = Processes.run(print, Map.of());
        assertThat(printed.exitCode()).as(printed.output()).isZero();
        // Readable: bare where the shell needs no quoting, single quotes elsewhere, never %q's backslashes.
        assertThat(printed.output())
                .startsWith("aws cloudformation create-stack-set --description 'Registers the "
                        + "Spot::Onboarding resource types' ParameterKey=Token,UsePreviousValue=true '' "
                        + "'{\"ParameterKey\":\"SpotApiToken\",\"ParameterValue\":\"****\"}' 'it'\\''s' ");

        // Pasted into bash, with aws standing for a command that prints its arguments one per NUL.
        final Processes.Result pasted =
                Processes.run(List.of("bash", "-c", "aws() { printf '%s\\0' \"$@\"; }\n" + printed.output()), Map.of());
        assertThat(pasted.exitCode()).as(pasted.output()).isZero();
        final String argv = pasted.output();
        assertThat(argv).endsWith("\0");
        assertThat(argv.substring(0, argv.length() - 1).split("\0", -1)).containsExactlyElementsOf(words);
    }

    /** The dry run's commands themselves: each parses, and a JSON or spaced argument stays one word. */
    @Test
    void aDryRunsCommandsPasteIntoBash(@TempDir final Path dir) throws IOException {
        final Processes.Result run = Processes.run(
                command(packages(dir), "--dry-run", "--include-management-account"), Map.of("SPOT_API_TOKEN", TOKEN));
        assertThat(run.exitCode()).as(run.output()).isZero();
        final List<String> commands =
                run.output().lines().filter(line -> line.startsWith("aws ")).toList();
        assertThat(commands).hasSizeGreaterThan(10).noneMatch(line -> line.contains("\\"));

        final List<List<String>> argvs = pasted(commands);
        assertThat(argvs).hasSameSizeAs(commands);
        assertThat(argvs)
                .filteredOn(argv -> argv.contains("put-bucket-policy"))
                .singleElement()
                .satisfies(argv -> assertThat(argv.get(argv.indexOf("--policy") + 1))
                        .startsWith("{\"Version\":\"2012-10-17\"")
                        .endsWith("}]}")
                        .contains("\"aws:PrincipalOrgID\":\"o-abcdefghij\""));
        assertThat(argvs)
                .filteredOn(argv -> argv.contains("spot-onboarding-registry") && argv.contains("create-stack-set"))
                .singleElement()
                .satisfies(argv -> assertThat(argv.get(argv.indexOf("--description") + 1))
                        .isEqualTo("Registers the Spot::Onboarding resource types"));
    }

    @Test
    void theCentralOptionStoresTheTokenOnceAndGivesTheMembersOnlyItsArn(@TempDir final Path dir) throws IOException {
        final Path tmp = Files.createDirectory(dir.resolve("tmp"));
        final Processes.Result run = Processes.run(
                command(packages(dir), "--dry-run", "--include-management-account"),
                Map.of("SPOT_API_TOKEN", TOKEN, "TMPDIR", tmp.toString()));

        assertThat(run.exitCode()).as(run.output()).isZero();
        final String output = run.output();
        assertThat(output).doesNotContain(TOKEN);
        // First the management account's secret and key, with the token masked; then the two StackSets.
        final int central = output.indexOf("create-stack --stack-name spot-onboarding-central-token");
        final int registry = output.indexOf("create-stack-set --stack-set-name spot-onboarding-registry");
        final int onboarding = output.indexOf("create-stack-set --stack-set-name spot-onboarding ");
        assertThat(central).isNotNegative().isLessThan(registry);
        assertThat(registry).isLessThan(onboarding);
        assertThat(lineAt(output, central))
                .contains(
                        "\"SpotApiToken\",\"ParameterValue\":\"****\"",
                        "\"OrganizationId\",\"ParameterValue\":\"o-abcdefghij\"");
        assertThat(output)
                .contains("# **** stands for the Spot token in $SPOT_API_TOKEN: the real run passes these parameters "
                        + "in a file only you can read\naws cloudformation create-stack --stack-name "
                        + "spot-onboarding-central-token");
        assertThat(output)
                .contains("--template-body file://" + CfnYaml.ROOT.resolve("deploy/central-token.yml"))
                .contains("wait stack-create-complete --stack-name spot-onboarding-central-token");
        // The registry lets the handler roles read it; the members get its ARN and an empty token.
        assertThat(output.substring(registry, onboarding))
                .contains("ParameterKey=CentralTokenSecretArn")
                .contains("CAPABILITY_NAMED_IAM");
        assertThat(lineAt(output, onboarding))
                .contains("\"SpotApiToken\",\"ParameterValue\":\"\"}")
                .contains("\"CentralTokenSecretArn\",\"ParameterValue\":\"arn:aws:secretsmanager:")
                .doesNotContain("****");
        try (var left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    /** The printed commands pasted into bash, with aws standing for a command that gives back its arguments. */
    private static List<List<String>> pasted(final List<String> commands) {
        final Processes.Result pasted = Processes.run(
                List.of("bash", "-c", "aws() { printf '%s\\0' \"$@\"; echo; }\n" + String.join("\n", commands)),
                Map.of());
        assertThat(pasted.exitCode()).as(pasted.output()).isZero();
        return pasted.output().lines().map(line -> List.of(line.split("\0"))).toList();
    }

    private static String lineAt(final String output, final int index) {
        final int end = output.indexOf('\n', index);
        return output.substring(output.lastIndexOf('\n', index) + 1, end < 0 ? output.length() : end);
    }

    /**
     * Each printed command is pasted as it is: it parses, names only files that are still there once the
     * script has ended, and gives each template exactly the parameters it declares, in JSON.
     */
    @Test
    void aDryRunsLinesRunAsTheyAreWithTheParametersInline(@TempDir final Path dir) throws IOException {
        final Path tmp = Files.createDirectory(dir.resolve("tmp"));
        final Processes.Result run = Processes.run(
                command(packages(dir), "--dry-run", "--include-management-account", "--apply-guardrails"),
                Map.of("SPOT_API_TOKEN", TOKEN, "TMPDIR", tmp.toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        final List<String> commands =
                run.output().lines().filter(line -> line.startsWith("aws ")).toList();

        final Processes.Result parsed =
                Processes.run(List.of("bash", "-n", "-c", String.join("\n", commands)), Map.of());
        assertThat(parsed.exitCode()).as(parsed.output()).isZero();
        assertThat(run.output()).doesNotContain(tmp.toString()).doesNotContain("file:///tmp");

        final List<List<String>> argvs = pasted(commands);
        for (final List<String> argv : argvs) {
            argv.stream()
                    .filter(word -> word.startsWith("file://"))
                    .forEach(word -> assertThat(Path.of(word.substring("file://".length())))
                            .as("%s in: aws %s", word, String.join(" ", argv))
                            .exists());
        }
        final ObjectMapper json = new ObjectMapper();
        final List<String> onboardingParameters = List.of(
                "SpotApiToken",
                "CentralTokenSecretArn",
                "TokenAdministratorArn",
                "ExistingAccountPolicy",
                "IncludeElastigroupPolicy",
                "IncludeCostIntelligence",
                "RenameToAlias");
        assertThat(argvs)
                .filteredOn(argv -> argv.contains("--parameters")
                        && argv.contains("file://" + CfnYaml.ROOT.resolve("template.yml")))
                .hasSize(2)
                .allSatisfy(argv -> assertThat(json.readTree(argv.get(argv.indexOf("--parameters") + 1))
                                .findValuesAsText("ParameterKey"))
                        .containsExactlyElementsOf(onboardingParameters)
                        .containsExactlyInAnyOrderElementsOf(
                                CfnYaml.map(CfnYaml.load("template.yml").get("Parameters"))
                                        .keySet()));
        assertThat(argvs)
                .filteredOn(argv -> argv.contains("create-policy"))
                .singleElement()
                .satisfies(argv -> assertThat(json.readTree(argv.get(argv.indexOf("--content") + 1)))
                        .isEqualTo(
                                json.readTree(Files.readString(CfnYaml.ROOT.resolve("deploy/token-guardrail-scp.json"))
                                        .replace("<package-bucket>", "spot-onboarding-packages"))));
        try (var left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    /**
     * The parameter names the script passes are checked against each template before any command
     * runs or prints: a template without one stops it, naming it, the nearest declared name and all.
     */
    @Test
    void aParameterTheTemplateDoesNotDeclareStopsTheScriptBeforeAnything(@TempDir final Path dir) throws IOException {
        final Path root = Files.createDirectories(dir.resolve("root/deploy"));
        try (var deploy = Files.list(CfnYaml.ROOT.resolve("deploy"))) {
            for (final Path file : deploy.toList()) {
                Files.copy(file, root.resolve(file.getFileName()));
            }
        }
        Files.copy(CfnYaml.ROOT.resolve("registry.yml"), root.resolveSibling("registry.yml"));
        Files.writeString(
                root.resolveSibling("template.yml"),
                Files.readString(CfnYaml.ROOT.resolve("template.yml"))
                        .replace("\n  RenameToAlias:", "\n  RenameToAliases:"));
        final List<String> renamed = command(packages(dir), "--dry-run");
        renamed.set(1, root.resolve("deploy-stacksets.sh").toString());

        final Processes.Result run = Processes.run(renamed, Map.of("SPOT_API_TOKEN", TOKEN));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output())
                .contains("template.yml declares no parameter RenameToAlias (did you mean RenameToAliases?); its "
                        + "parameters: CentralTokenSecretArn, SpotApiToken, TokenAdministratorArn, "
                        + "IncludeElastigroupPolicy, IncludeCostIntelligence, RenameToAliases, ExistingAccountPolicy. "
                        + "Nothing has run.")
                .doesNotContain("aws ")
                .doesNotContain("==");
        assertThat(Processes.run(command(packages(dir), "--dry-run"), Map.of("SPOT_API_TOKEN", TOKEN))
                        .exitCode())
                .as("the shipped templates declare every parameter the script passes")
                .isZero();
    }

    /** --apply-guardrails: the service control policy first, created then attached to each target in turn. */
    @Test
    void aDryRunShowsTheGuardrailAppliedBeforeTheTokenIsStored(@TempDir final Path dir) throws IOException {
        final Processes.Result run = Processes.run(
                command(packages(dir), "--dry-run", "--apply-guardrails"), Map.of("SPOT_API_TOKEN", TOKEN));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain(TOKEN);
        final List<String> commands =
                run.output().lines().filter(line -> line.startsWith("aws ")).toList();
        assertThat(commands.subList(0, 3))
                .containsExactly(
                        "aws organizations create-policy --name spot-onboarding-token-guardrail --type "
                                + "SERVICE_CONTROL_POLICY --description 'Only StackSets change what guards the Spot "
                                + "token' --content " + contentWord(run.output()),
                        "aws organizations attach-policy --policy-id '<policy id>' --target-id ou-ab12-abcdefgh",
                        "aws organizations attach-policy --policy-id '<policy id>' --target-id r-ab12");
        assertThat(commands.get(3))
                .startsWith("aws cloudformation create-stack --stack-name spot-onboarding-central-token");
        assertThat(run.output())
                .contains("--content is deploy/token-guardrail-scp.json on one line, with <package-bucket> = "
                        + "spot-onboarding-packages")
                .contains("update-policy --policy-id <its id>")
                .doesNotContain("attach the guardrail to the OUs outside --targets");

        final Processes.Result without =
                Processes.run(command(packages(dir), "--dry-run"), Map.of("SPOT_API_TOKEN", TOKEN));
        assertThat(without.output()).doesNotContain("organizations");
    }

    /** The central token is readable from any account of the organization: targets without the root are warned of. */
    @Test
    void aGuardrailOnSomeOusOnlyIsWarnedOfUnderTheCentralOption(@TempDir final Path dir) throws IOException {
        final List<String> someOus = command(packages(dir), "--dry-run", "--apply-guardrails");
        someOus.set(someOus.indexOf("ou-ab12-abcdefgh r-ab12"), "ou-ab12-abcdefgh");

        final Processes.Result central = Processes.run(someOus, Map.of("SPOT_API_TOKEN", TOKEN));
        someOus.addAll(List.of("--token-location", "account"));
        final Processes.Result inAccount = Processes.run(someOus, Map.of("SPOT_API_TOKEN", TOKEN));

        assertThat(central.output()).contains("attach the guardrail to the OUs outside --targets too");
        assertThat(inAccount.output()).doesNotContain("attach the guardrail");
    }

    /** The policy as the script passes it: the file on one line, each line's indent dropped, single-quoted. */
    private static String contentWord(final String output) throws IOException {
        return "'"
                + Files.readString(CfnYaml.ROOT.resolve("deploy/token-guardrail-scp.json"))
                        .replace("<package-bucket>", "spot-onboarding-packages")
                        .lines()
                        .map(String::strip)
                        .collect(java.util.stream.Collectors.joining())
                + "'";
    }

    /** Against moto's Organizations: created once, attached once per target, then updated in place on a rerun. */
    @Test
    void theGuardrailIsAppliedToTheTargetsAndAgainWithoutDuplicates(@TempDir final Path dir) throws IOException {
        final Map<String, String> environment = freshMoto(MotoServer.shared());
        aws(environment, "organizations", "create-organization", "--feature-set", "ALL");
        final String root =
                aws(environment, "organizations", "list-roots", "--query", "Roots[0].Id", "--output", "text");
        aws(
                environment,
                "organizations",
                "enable-policy-type",
                "--root-id",
                root,
                "--policy-type",
                "SERVICE_CONTROL_POLICY");
        final String ou = aws(
                environment,
                "organizations",
                "create-organizational-unit",
                "--parent-id",
                root,
                "--name",
                "workloads",
                "--query",
                "OrganizationalUnit.Id",
                "--output",
                "text");

        final List<String> deploy = command(packages(dir), "--token-location", "account", "--apply-guardrails");
        deploy.set(deploy.indexOf("ou-ab12-abcdefgh r-ab12"), ou);
        final Processes.Result first = Processes.run(deploy, environment);
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).doesNotContain(TOKEN);

        final Processes.Result again = Processes.run(
                List.of(
                        "bash",
                        "deploy/apply-guardrail.sh",
                        "--bucket",
                        "spot-onboarding-packages",
                        "--targets",
                        ou + " " + root),
                environment);
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("exists (p-", "already attached to " + ou);

        final String ids = aws(
                environment,
                "organizations",
                "list-policies",
                "--filter",
                "SERVICE_CONTROL_POLICY",
                "--query",
                "Policies[?Name=='spot-onboarding-token-guardrail'].Id",
                "--output",
                "text");
        assertThat(ids).doesNotContain("\t").startsWith("p-");
        assertThat(aws(
                                environment,
                                "organizations",
                                "list-targets-for-policy",
                                "--policy-id",
                                ids,
                                "--query",
                                "Targets[].TargetId",
                                "--output",
                                "text")
                        .split("\\s+"))
                .containsExactlyInAnyOrder(ou, root);
        final String content = aws(
                environment,
                "organizations",
                "describe-policy",
                "--policy-id",
                ids,
                "--query",
                "Policy.Content",
                "--output",
                "text");
        assertThat(content).contains("arn:*:s3:::spot-onboarding-packages/*").doesNotContain("<package-bucket>");
        assertThat(new ObjectMapper().readTree(content))
                .isEqualTo(new ObjectMapper()
                        .readTree(Files.readString(CfnYaml.ROOT.resolve("deploy/token-guardrail-scp.json"))
                                .replace("<package-bucket>", "spot-onboarding-packages")));
    }

    /** An empty moto_server, and the environment that points the AWS CLI at it with the token set. */
    private static Map<String, String> freshMoto(final MotoServer moto) {
        moto.reset();
        final Map<String, String> environment = new HashMap<>(moto.processEnvironment());
        environment.put("SPOT_API_TOKEN", TOKEN);
        return environment;
    }

    private static String aws(final Map<String, String> environment, final String... arguments) {
        final List<String> command = new ArrayList<>(List.of("aws"));
        command.addAll(List.of(arguments));
        final Processes.Result result = Processes.run(command, environment);
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output().strip();
    }

    @Test
    void badArgumentsAreRefusedNamingTheOption(@TempDir final Path dir) throws IOException {
        final List<String> badOrg = command(packages(dir), "--dry-run");
        badOrg.set(badOrg.indexOf("o-abcdefghij"), "my-org");

        final Processes.Result wrongOrg = Processes.run(badOrg, Map.of("SPOT_API_TOKEN", TOKEN));
        final Processes.Result noToken = Processes.run(command(dir, "--dry-run"), Map.of("SPOT_API_TOKEN", ""));
        final Processes.Result badLocation =
                Processes.run(command(dir, "--dry-run", "--token-location", "s3"), Map.of("SPOT_API_TOKEN", TOKEN));

        assertThat(wrongOrg.exitCode()).isEqualTo(2);
        assertThat(wrongOrg.output()).contains("--org-id must look like o-");
        assertThat(noToken.exitCode()).isEqualTo(2);
        assertThat(noToken.output()).contains("SPOT_API_TOKEN must hold the Spot API token");
        assertThat(badLocation.exitCode()).isEqualTo(2);
        assertThat(badLocation.output()).contains("--token-location must be central or account");
    }

    @Test
    void aRealRunUploadsThePackagesAndCreatesBothStackSets(@TempDir final Path dir) throws IOException {
        final MotoServer moto = MotoServer.shared();
        final Map<String, String> environment = freshMoto(moto);

        // moto's CloudFormation leaves out central-token.yml's secret output: the central option's end to end
        // run against moto is the runner's (spot-runner TokenOptionsTest); here the script's AWS CLI calls.
        final Processes.Result run = Processes.run(command(packages(dir), "--token-location", "account"), environment);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain(TOKEN);
        final StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        try (S3Client s3 = S3Client.builder()
                        .region(Region.US_EAST_1)
                        .credentialsProvider(credentials)
                        .endpointOverride(URI.create(moto.endpoint()))
                        .forcePathStyle(true)
                        .build();
                CloudFormationClient cloudFormation = CloudFormationClient.builder()
                        .region(Region.US_EAST_1)
                        .credentialsProvider(credentials)
                        .endpointOverride(URI.create(moto.endpoint()))
                        .build()) {
            assertThat(s3.listObjectsV2(b -> b.bucket("spot-onboarding-packages"))
                            .contents())
                    .extracting(S3Object::key)
                    .containsExactlyInAnyOrder(
                            "spot-onboarding/1.0.0/spot-onboarding-account.zip",
                            "spot-onboarding/1.0.0/spot-onboarding-linkedcredentials.zip",
                            "spot-onboarding/1.0.0/spot-onboarding-accountalias.zip",
                            "spot-onboarding/1.0.0/spot-onboarding-costintelligence.zip");
            assertThat(s3.getBucketPolicy(b -> b.bucket("spot-onboarding-packages"))
                            .policy())
                    .contains("aws:PrincipalOrgID", "o-abcdefghij");

            final StackSet registry = cloudFormation
                    .describeStackSet(b -> b.stackSetName("spot-onboarding-registry"))
                    .stackSet();
            assertThat(registry.permissionModelAsString()).isEqualTo("SERVICE_MANAGED");
            assertThat(registry.templateBody()).isEqualTo(Files.readString(CfnYaml.ROOT.resolve("registry.yml")));
            assertThat(registry.parameters())
                    .extracting(Parameter::parameterKey, Parameter::parameterValue)
                    .contains(org.assertj.core.groups.Tuple.tuple("PackageBucket", "spot-onboarding-packages"));

            final StackSet onboarding = cloudFormation
                    .describeStackSet(b -> b.stackSetName("spot-onboarding"))
                    .stackSet();
            assertThat(onboarding.permissionModelAsString()).isEqualTo("SERVICE_MANAGED");
            assertThat(onboarding.templateBody()).isEqualTo(Files.readString(CfnYaml.ROOT.resolve("template.yml")));
            for (final String stackSet : List.of("spot-onboarding-registry", "spot-onboarding")) {
                assertThat(cloudFormation
                                .listStackSetOperations(b -> b.stackSetName(stackSet))
                                .summaries())
                        .as("stack instances requested for %s", stackSet)
                        .isNotEmpty();
            }
        }
    }
}
