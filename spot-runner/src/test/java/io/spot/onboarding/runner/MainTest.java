package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as a user meets it: exit codes and what it says when something is wrong. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
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
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("java.io.tmpdir is /tmp")
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
            .contains("broken.yml:9:"  );
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("CREATE_IN_PROGRESS");
    }

    @Test
    void aMisspelledCommandShowsTheUsage() {
        assertThat(run("deplyo")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'deplyo'").contains("Usage: spot-local");
    }
}
