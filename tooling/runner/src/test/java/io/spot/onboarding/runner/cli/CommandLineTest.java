package io.spot.onboarding.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spot.onboarding.emulator.RateLimitAnswers;
import io.spot.onboarding.emulator.SpotAnswers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void noCommandMeansTheDemo() {
        final Options options = CommandLine.parse();
        assertThat(options.commands()).containsExactly(Command.of(Command.DEMO));
        assertThat(options.accounts()).isEqualTo(1);
        assertThat(options.concurrency()).isEqualTo(1);
    }

    @Test
    void commandsChainWithTheirParameterValues() {
        final Options options = CommandLine.parse(
                "--accounts",
                "1000",
                "--param",
                "RenameToAlias=false",
                "--rate-limit=POST:/setup/account=30/1m",
                "--report",
                "target/run.json",
                "deploy",
                "update",
                "IncludeCostIntelligence=false",
                "A=b",
                "detect-drift",
                "delete");
        assertThat(options.commands())
                .containsExactly(
                        Command.of(Command.DEPLOY),
                        new Command(Command.UPDATE, Map.of("IncludeCostIntelligence", "false", "A", "b")),
                        Command.of(Command.DETECT_DRIFT),
                        Command.of(Command.DELETE));
        assertThat(options.parameters()).containsEntry("RenameToAlias", "false");
        assertThat(options.concurrency()).isEqualTo(50);
        assertThat(options.report()).isEqualTo(Path.of("target/run.json"));
        assertThat(CommandLine.parse("deploy").report()).isNull();
        assertThat(options.rateLimits()).singleElement().satisfies(limit -> {
            assertThat(limit.route()).isEqualTo("/setup/account");
            assertThat(limit.limit()).isEqualTo(30);
            assertThat(limit.window()).isEqualTo(Duration.ofMinutes(1));
        });
    }

    @Test
    void refusesWhatItCannotDo() {
        assertThatThrownBy(() -> CommandLine.parse("deploy", "sideways"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'sideways'");
        assertThatThrownBy(() -> CommandLine.parse("update")).hasMessageContaining("update needs new parameter values");
        assertThatThrownBy(() -> CommandLine.parse("--spot-url", "https://api.spotinst.io"))
                .hasMessageContaining("--spot-token-env");
        assertThatThrownBy(() -> CommandLine.parse("--accounts", "0"))
                .hasMessageContaining("from 1 to 2147483647, got '0'");
        assertThatThrownBy(() -> CommandLine.parse("--accounts", "99999999999"))
                .hasMessageContaining("from 1 to 2147483647, got '99999999999'");
        assertThatThrownBy(() -> CommandLine.parse("--rate-limit", "lots")).hasMessageContaining("METHOD:ROUTE");
        assertThatThrownBy(() -> CommandLine.parse("deploy", "--report"))
                .hasMessageContaining("--report needs a value");
    }

    @Test
    void theRateLimitAnswersAreOptionsWithTodaysLimiterAsTheirDefault() {
        final Options options = CommandLine.parse(
                "--rate-limit-scope",
                "path",
                "--rate-limit-headers=off",
                "--rate-limit-counts-refused",
                "off",
                "deploy");

        assertThat(options.answers().rateLimits())
                .isEqualTo(new RateLimitAnswers(
                        RateLimitAnswers.Scope.PATH, RateLimitAnswers.Headers.OFF, RateLimitAnswers.CountsRefused.OFF));
        assertThat(options.answers().externalIds()).isEqualTo(SpotAnswers.ExternalIds.KEEPS_OLD);
        assertThat(CommandLine.parse("--rate-limit-scope=organization")
                        .answers()
                        .rateLimits()
                        .scope())
                .isEqualTo(RateLimitAnswers.Scope.ORGANIZATION);
        assertThat(CommandLine.parse("deploy").answers()).isEqualTo(SpotAnswers.DEFAULT);
        assertThat(CommandLine.parse(SpotAnswers.STRICT.options().toArray(String[]::new))
                        .answers())
                .isEqualTo(SpotAnswers.STRICT);
    }

    @Test
    void aRateLimitAnswerItDoesNotKnowIsAUsageErrorListingTheValues() {
        assertThatThrownBy(() -> CommandLine.parse("--rate-limit-scope", "foo"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--rate-limit-scope takes template or path or organization, got 'foo'");
        assertThatThrownBy(() -> CommandLine.parse("--rate-limit-headers=sometimes"))
                .hasMessage("--rate-limit-headers takes on or off, got 'sometimes'");
        assertThatThrownBy(() -> CommandLine.parse("--rate-limit-counts-refused", "1"))
                .hasMessage("--rate-limit-counts-refused takes on or off, got '1'");
        assertThatThrownBy(() -> CommandLine.parse("--rate-limit-scope"))
                .hasMessage("--rate-limit-scope needs a value");
        assertThatThrownBy(() -> CommandLine.parse("--rate-limit-window=60"))
                .hasMessage("unknown option --rate-limit-window=60");
    }

    @Test
    void theUsageDocumentsEveryAnswerWithItsValues() {
        assertThat(CommandLine.USAGE)
                .contains("--rate-limit-scope template|path|organization")
                .contains("--rate-limit-headers on|off")
                .contains("--rate-limit-counts-refused on|off");
        SpotAnswers.OPTIONS.forEach(option -> assertThat(CommandLine.USAGE).contains("  " + option + " "));
    }
}
