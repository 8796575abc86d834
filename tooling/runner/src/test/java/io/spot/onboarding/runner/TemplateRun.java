package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.harness.MotoServer;
import io.spot.onboarding.harness.SecretScanner;
import io.spot.onboarding.runner.cli.CommandLine;
import io.spot.onboarding.runner.output.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link LocalRun} of the repository's {@code template.yml} per test, against a reset moto: what
 * it printed is kept for the test's assertions and scanned for the token when the test ends, so no
 * runner test can forget the scan.
 */
final class TemplateRun implements BeforeEachCallback, AfterEachCallback {
    private static final Path ONBOARDING = Path.of("../..", "template.yml");

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private LocalRun run;

    @Override
    public void beforeEach(final ExtensionContext context) {
        assumeThat(Files.exists(ONBOARDING)).as("the repository's template.yml").isTrue();
        MotoServer.shared().reset();
    }

    @Override
    public void afterEach(final ExtensionContext context) {
        if (run != null) {
            run.close();
            new SecretScanner(run.token()).scan(printed(), "the runner's output");
        }
    }

    /** Starts the runner on template.yml with these further arguments. */
    LocalRun start(final String... args) {
        final List<String> all = new ArrayList<>(List.of("--template", ONBOARDING.toString()));
        all.addAll(List.of(args));
        run = new LocalRun(
                CommandLine.parse(all.toArray(String[]::new)),
                new Console(new PrintStream(output, true, StandardCharsets.UTF_8)));
        assertThat(run.start()).isTrue();
        return run;
    }

    SpotEmulator spot() {
        return run.environment().spot().emulator().orElseThrow();
    }

    String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
