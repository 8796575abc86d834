package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.emulator.VisibleAccount;
import io.spot.onboarding.runner.cli.Command;
import io.spot.onboarding.runner.cli.CommandLine;
import io.spot.onboarding.runner.output.Console;
import io.spot.onboarding.testing.MotoServer;
import io.spot.onboarding.testing.SecretScanner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole onboarding template over AWS accounts already connected to Spot, its last resource
 * (Cost Intelligence) failing: the stack rolls back through every type's real handlers with
 * CloudFormation's rollback flag, and Spot ends exactly as it was before the stack.
 */
class ExistingAccountRollbackTest {
    private static final Path ONBOARDING = Path.of("..", "template.yml");

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private LocalRun run;

    @BeforeEach
    void moto() {
        assumeThat(Files.exists(ONBOARDING)).as("the repository's template.yml").isTrue();
        MotoServer.shared().reset();
    }

    @AfterEach
    void stop() {
        if (run != null) {
            run.close();
            new SecretScanner(run.token()).scan(printed(), "the runner's output");
        }
    }

    @ParameterizedTest(name = "ExistingAccountPolicy {0}")
    @ValueSource(strings = {"Reuse", "Adopt"})
    void aRollbackOverConnectedAccountsLeavesSpotExactlyAsItWas(final String policy) {
        run = new LocalRun(CommandLine.parse("--template", ONBOARDING.toString(), "--accounts", "3", "--concurrency",
            "3", "--events"), new Console(new PrintStream(output, true, StandardCharsets.UTF_8)));
        assertThat(run.start()).isTrue();
        final SpotEmulator spot = run.environment().spot().emulator().orElseThrow();

        assertThat(run.run(Command.of(Command.CONNECT_EXISTING))).isTrue();
        final List<VisibleAccount> before = spot.state().visibleAccounts();
        assertThat(run.run(new Command(Command.DEPLOY, Map.of("ExistingAccountPolicy", policy)))).isFalse();

        assertThat(run.stacks()).hasSize(3).allSatisfy(stack -> assertThat(stack.status()).isEqualTo("ROLLBACK_COMPLETE"));
        assertThat(printed()).containsPattern("SpotCostIntelligence +Spot::Onboarding::CostIntelligence +CREATE_FAILED")
            // Each DELETE_COMPLETE says what it left in Spot and why, as the handler put it.
            .containsPattern("SpotAccount +Spot::Onboarding::Account +DELETE_COMPLETE +Spot account \\S+ was "
                + ("Reuse".equals(policy) ? "Reused, not created by this stack: left untouched"
                : "Adopted by a Create that is being rolled back: released as it was found, not deleted"));
        assertThat(spot.state().visibleAccounts()).isEqualTo(before);
        assertThat(run.run(Command.of(Command.CHECK_UNCHANGED))).isTrue();
        assertThat(printed()).contains("Spot is exactly as it was before the stack");
    }

    @ParameterizedTest(name = "a difference is reported: {0}")
    @ValueSource(strings = {"renamed", "deleted"})
    void checkUnchangedFailsOnAnyDifference(final String change) {
        run = new LocalRun(CommandLine.parse("--template", ONBOARDING.toString()),
            new Console(new PrintStream(output, true, StandardCharsets.UTF_8)));
        assertThat(run.start()).isTrue();
        final SpotEmulator spot = run.environment().spot().emulator().orElseThrow();
        assertThat(run.run(Command.of(Command.CONNECT_EXISTING))).isTrue();
        final String existing = spot.state().visibleAccounts().stream()
            .filter(a -> a.name().startsWith("connected-")).findFirst().orElseThrow().accountId();

        if ("renamed".equals(change)) {
            spot.state().rename(existing, "someone else's name");
        } else {
            spot.state().delete(existing);
        }

        assertThat(run.run(Command.of(Command.CHECK_UNCHANGED))).isFalse();
        assertThat(printed()).contains(existing).contains("difference(s) from Spot as it was before the stack");
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
