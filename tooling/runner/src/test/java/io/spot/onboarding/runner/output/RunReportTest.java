package io.spot.onboarding.runner.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spot.onboarding.runner.cli.CommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's settings in {@code --report}: what a benchmark reading the file shows beside its figures. */
class RunReportTest {

    @Test
    void theReportRecordsHowTheEmulatorAnsweredSpotsOpenQuestions(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("run.json");

        RunReport.of(
                        CommandLine.parse(
                                "--rate-limit",
                                "PUT:/setup/account/{id}=60/60s",
                                "--rate-limit-scope",
                                "path",
                                "--rate-limit-headers",
                                "off",
                                "deploy"),
                        List.of(),
                        UnaryOperator.identity())
                .write(file);

        final List<String> expected = List.of(
                "--new-external-id=keeps-old",
                "--digits-only-names=accepted",
                "--organization-header=optional",
                "--rate-limit-scope=path",
                "--rate-limit-headers=off",
                "--rate-limit-counts-refused=on");
        assertThat(new ObjectMapper().readTree(Files.readString(file)).get("spotAnswers"))
                .extracting(node -> node.asText())
                .containsExactlyElementsOf(expected);
        assertThat(RunReport.read(file).spotAnswers()).isEqualTo(expected);
        assertThat(RunReport.read(file).rateLimits()).containsExactly("PUT:/setup/account/{id}=60/60s");
    }

    @Test
    void againstTheRealSpotApiNoAnswersAreRecorded(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("run.json");

        RunReport.of(
                        CommandLine.parse("--spot-url", "https://api.spotinst.io", "--spot-token-env", "T", "deploy"),
                        List.of(),
                        UnaryOperator.identity())
                .write(file);

        assertThat(new ObjectMapper().readTree(Files.readString(file)).has("spotAnswers"))
                .isFalse();
        assertThat(RunReport.read(file).spotAnswers()).isNull();
    }

    @Test
    void aReportBuiltWithoutAnswersReadsBackWithout(@TempDir final Path dir) {
        final Path file = dir.resolve("run.json");

        new RunReport("template.yml", 3, 3, List.of(), List.of()).write(file);

        assertThat(RunReport.read(file)).isEqualTo(new RunReport("template.yml", 3, 3, List.of(), null, List.of()));
    }
}
