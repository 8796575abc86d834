package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * help and validate need no AWS: they run in a JVM whose PATH holds neither moto_server nor
     * python3, as on a machine where moto was never installed. Only a command that makes AWS
     * resources asks for it, and says how to install it.
     */
    @Test
    void helpAndValidateRunWithoutMotoOnlyDeployNeedsIt(@TempDir final Path dir) throws Exception {
        final Path template = Path.of("../..", "template.yml").toAbsolutePath();

        final Process help = withoutMoto(dir, "help");
        assertThat(help.exitValue()).isZero();
        assertThat(output(help)).contains("Usage: spot-local");

        final Process validate = withoutMoto(dir, "--template", template.toString(), "validate");
        final String validated = output(validate);
        assertThat(validate.exitValue()).as(validated).isZero();
        assertThat(validated).contains("Checked " + template).doesNotContain("moto");

        final Process deploy = withoutMoto(dir, "--template", template.toString(), "deploy");
        final String refused = output(deploy);
        assertThat(deploy.exitValue()).as(refused).isEqualTo(2);
        assertThat(refused).contains("moto_server").contains("pip install 'moto[server]'");
    }

    /** Main in a JVM of its own, with a private tmpdir and a PATH that holds nothing (no moto_server, no python3). */
    private static Process withoutMoto(final Path dir, final String... args) throws Exception {
        final Path tmp = Files.createTempDirectory(dir, "tmp");
        final Path emptyPath = Files.createTempDirectory(dir, "path");
        final List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", emptyPath.toString());
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
    void aMisspelledCommandShowsTheUsage() {
        assertThat(run("deplyo")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'deplyo'").contains("Usage: spot-local");
    }
}
