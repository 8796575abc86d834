package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.runner.check.LintFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as a user meets it: exit codes and what it says when something is wrong. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args) {
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void refusesToStartWithASharedTmpdir() {
        final String own = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", "/tmp");
        try {
            assertThat(run("validate")).isEqualTo(2);
        } finally {
            System.setProperty("java.io.tmpdir", own);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("java.io.tmpdir is /tmp")
                .contains("-Djava.io.tmpdir");
    }

    @Test
    void listsEveryTemplateProblemWithItsLineBeforeAnythingRuns(@TempDir final Path dir) throws Exception {
        final Path template = dir.resolve("broken.yml");
        Files.writeString(template, """
            Resources:
              Account:
                Type: Spot::Onboarding::Account
                Properties:
                  ExistingAccountPolicy: Sometimes
                  Colour: blue
            Outputs:
              External:
                Value: !GetAtt Account.Name
            """);

        assertThat(run("--template", template.toString(), "deploy")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("the template has 3 problems")
                .contains("broken.yml:5:30: Resources/Account/Properties/ExistingAccountPolicy: 'Sometimes' is not an "
                        + "allowed value")
                .contains("broken.yml:6:7: Resources/Account/Properties/Colour: unknown property Colour")
                .contains("broken.yml:9:");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("CREATE_IN_PROGRESS");
    }

    /** What CloudFormation checks, cfn-lint finds: the runner refuses with its message, at the file and line. */
    @Test
    void validateRefusesWhatCfnLintFindsWithItsFileAndLine(@TempDir final Path dir) throws Exception {
        final Path template = LintFixtures.misspelledAwsProperty(dir);

        assertThat(run("--template", template.toString(), "validate")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("the template has 1 problem:")
                .contains(template + ":6:7: Additional properties are not allowed ('ReplicaRegion' was unexpected")
                .contains("(cfn-lint E3002)");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Checked");
    }

    /**
     * help needs nothing; validate needs cfn-lint and no AWS. They run in a JVM whose PATH holds
     * neither moto_server nor python3, as on a machine where moto was never installed; cfn-lint,
     * where given, is a script that runs the installed one. Only a command that makes AWS resources
     * asks for moto, and says how to install it.
     */
    @Test
    void helpRunsWithoutCfnLintAndValidateWithoutMotoOnlyDeployNeedsIt(@TempDir final Path dir) throws Exception {
        final Path template = Path.of("../..", "template.yml").toAbsolutePath();
        final Path empty = Files.createTempDirectory(dir, "path");
        final Path cfnLintOnly = cfnLintOnly(dir);

        final Process help = withPath(dir, empty, "help");
        assertThat(help.exitValue()).isZero();
        assertThat(output(help)).contains("Usage: spot-local").contains("pip install cfn-lint");

        final Process unlinted = withPath(dir, empty, "--template", template.toString(), "validate");
        final String noLint = output(unlinted);
        assertThat(unlinted.exitValue()).as(noLint).isEqualTo(2);
        assertThat(noLint).contains("cfn-lint is not installed").contains("pip install cfn-lint");

        final Process validate = withPath(dir, cfnLintOnly, "--template", template.toString(), "validate");
        final String validated = output(validate);
        assertThat(validate.exitValue()).as(validated).isZero();
        assertThat(validated).contains("Checked " + template).doesNotContain("moto");

        final Process deploy = withPath(dir, cfnLintOnly, "--template", template.toString(), "deploy");
        final String refused = output(deploy);
        assertThat(deploy.exitValue()).as(refused).isEqualTo(2);
        assertThat(refused).contains("moto_server").contains("pip install 'moto[server]'");
    }

    /** A folder whose only command is cfn-lint: a script running the installed one with this JVM's PATH. */
    private static Path cfnLintOnly(final Path dir) throws Exception {
        final Path folder = Files.createTempDirectory(dir, "lint");
        final Path script = folder.resolve("cfn-lint");
        Files.writeString(script, "#!/bin/sh\nPATH='" + System.getenv("PATH") + "' exec cfn-lint \"$@\"\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        return folder;
    }

    /** Main in a JVM of its own, with a private tmpdir and only {@code path} on PATH (no moto_server, no python3). */
    private static Process withPath(final Path dir, final Path path, final String... args) throws Exception {
        final Path tmp = Files.createTempDirectory(dir, "tmp");
        final List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", path.toString());
        final Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("spot-local " + String.join(" ", args) + " still running after 2 minutes");
        }
        return process;
    }

    private static String output(final Process process) throws Exception {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aMisspelledCommandSaysSoInOneLineThatPointsAtHelp() {
        assertThat(run("deplyo")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("'deplyo'")
                .contains("spot-local help")
                .doesNotContain("Usage: spot-local")
                .hasLineCount(1);
    }

    @Test
    void aNegativeCountIsRefusedWithWhatItTakesAsTheLastLine() {
        assertThat(run("--accounts", "-5", "deploy")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--accounts takes a whole number from 1 to 2147483647, got '-5'")
                .doesNotContain("Usage: spot-local")
                .hasLineCount(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /**
     * A misspelt parameter of a later command stops the run before the first command runs (no
     * environment is started, no stack created), naming it, the nearest declared name and all of them.
     */
    @Test
    void aMisspeltParameterOfAnyCommandIsRefusedBeforeAnythingRuns() {
        final String template =
                Path.of("../..", "template.yml").toAbsolutePath().toString();

        assertThat(run("--template", template, "deploy", "update", "RenameToAlas=false", "ExistingAccountPolicy=Own"))
                .isEqualTo(2);

        final String refused = err.toString(StandardCharsets.UTF_8);
        assertThat(refused)
                .contains("nothing has run, since 2 parameter values are refused")
                .contains("update: RenameToAlas does not exist in the template: did you mean RenameToAlias? "
                        + "(it declares CentralTokenSecretArn, SpotApiToken, TokenAdministratorArn, "
                        + "IncludeElastigroupPolicy, IncludeCostIntelligence, RenameToAlias, ExistingAccountPolicy)")
                .contains("update: ExistingAccountPolicy: 'Own' is not one of the AllowedValues");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .doesNotContain("== deploy")
                .doesNotContain("CREATE");

        err.reset();
        assertThat(run("--template", template, "--param", "Colour=blue", "migrate", "Policy=Adopt"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--param Colour does not exist in the template (it declares")
                .doesNotContain("did you mean Co")
                .contains("migrate takes only ExistingAccountPolicy=Reuse|Adopt, not Policy");
    }
}
