package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.harness.MotoServer;
import io.spot.onboarding.harness.SecretScanner;
import io.spot.onboarding.runner.cli.Command;
import io.spot.onboarding.runner.cli.CommandLine;
import io.spot.onboarding.runner.output.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * --spot-url and --spot-token-env: the runner drives a Spot API it does not own (here a separate
 * emulator on the real clock, standing in for api.spotinst.io), with the token only in the
 * environment, and never prints it.
 */
class RealSpotApiTest {
    private static final String TOKEN = "spotRealToken1234567890";

    @Test
    void runsAgainstAGivenSpotUrlWithTheTokenFromTheEnvironment() {
        MotoServer.shared().reset();
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (SpotEmulator spot = SpotEmulator.builder().token(TOKEN).build().start();
                LocalRun run = new LocalRun(
                        CommandLine.parse(
                                "--template",
                                "src/test/resources/templates/account-stack.yml",
                                "--spot-url",
                                spot.baseUrl(),
                                "--spot-token-env",
                                "SPOT_TOKEN"),
                        new Console(new PrintStream(output, true, StandardCharsets.UTF_8)),
                        Map.of("SPOT_TOKEN", TOKEN)::get)) {
            assertThat(run.start()).isTrue();

            assertThat(run.run(Command.of(Command.DEPLOY))).isTrue();
            final String account =
                    run.stacks().get(0).resource("Account").state().physicalId();
            assertThat(spot.state().account(account)).isPresent();
            assertThat(run.run(Command.of(Command.TAMPER))).isTrue();
            assertThat(run.run(Command.of(Command.DELETE))).isTrue();
            assertThat(spot.state().account(account)).isEmpty();
        }
        final String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("the Spot API at http://127.0.0.1:")
                .contains("(real time)")
                .contains("not counted")
                .contains("tamper: skipped");
        new SecretScanner(TOKEN).scan(printed, "the runner's output");
    }
}
