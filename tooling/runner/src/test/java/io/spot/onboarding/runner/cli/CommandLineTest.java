package io.spot.onboarding.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThatThrownBy(() -> CommandLine.parse("--accounts", "0")).hasMessageContaining("1 or more, got '0'");
        assertThatThrownBy(() -> CommandLine.parse("--rate-limit", "lots")).hasMessageContaining("METHOD:ROUTE");
        assertThatThrownBy(() -> CommandLine.parse("deploy", "--report"))
                .hasMessageContaining("--report needs a value");
    }
}
