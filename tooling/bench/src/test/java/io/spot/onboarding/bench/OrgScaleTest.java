package io.spot.onboarding.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spot.onboarding.runner.output.RunReport;
import io.spot.onboarding.runner.output.RunReport.LimitUse;
import io.spot.onboarding.runner.output.RunReport.Operation;
import io.spot.onboarding.runner.output.RunReport.SpotCalls;
import io.spot.onboarding.runner.stack.DriftResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures 5 to 7 print from the runner's report in the layout they had when they were read off its
 * console: the expected rows are a figure 5 row for 1,000 accounts as the console printed it, and the
 * report goes through the file, as a run writes it.
 */
class OrgScaleTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private static Operation deploy(final int failed, final List<RunReport.Failure> failures) {
        return new Operation(
                "deploy",
                1000,
                1000 - failed,
                failed,
                failures,
                null,
                2210,
                84.04,
                1943,
                List.of(),
                new SpotCalls(
                        15_000,
                        2000,
                        12,
                        13.04,
                        14,
                        516,
                        0,
                        0,
                        374_100_000L,
                        Map.of("POST /setup/account", 1516),
                        Map.of()),
                List.of(
                        new LimitUse(
                                "GET:/setup/account=600/60s",
                                "GET /setup/account",
                                2000,
                                0,
                                19_430,
                                10.3,
                                600,
                                List.of()),
                        new LimitUse(
                                "POST:/setup/account=60/60s",
                                "POST /setup/account",
                                1000,
                                516,
                                1943,
                                51.47,
                                60,
                                List.of())));
    }

    private String lines() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDeployRowKeepsFigureFivesLayout() {
        OrgScale.row(out, 1000, deploy(0, List.of()), "");

        assertThat(lines())
                .isEqualTo("       1000      1000       0       13.0    374.1      2000     516    00:32:23      84.0"
                        + "          51%" + System.lineSeparator());
    }

    @Test
    void aSweepRowSaysHowManyWereInFlightAndListsTheFirstFailures() {
        final List<RunReport.Failure> failures = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> new RunReport.Failure(
                        "10000000000" + i,
                        "StackSet-x-" + i,
                        "ROLLBACK_COMPLETE",
                        List.of("SpotLinkedCredentials: Throttled for 100 minutes", "SpotAccount: gave up")))
                .toList();

        OrgScale.row(out, 1000, deploy(7, failures), String.format(" %9d", 250));

        assertThat(lines().lines().toList())
                .hasSize(6)
                .startsWith("       1000       250       993       7       13.0    374.1      2000     516    00:32:23"
                        + "      84.0          51%")
                .contains("   failed:      100000000004 ROLLBACK_COMPLETE: SpotLinkedCredentials: Throttled for 100 "
                        + "minutes; SpotAccount: gave up")
                .noneMatch(line -> line.contains("100000000005"));
    }

    @Test
    void lifecycleRowsReadEachCommandOfOneReportFile(@TempDir final Path dir) {
        final Operation deploy = deploy(0, List.of());
        final Operation update = new Operation(
                "update",
                1000,
                1000,
                0,
                List.of(),
                null,
                0,
                12.5,
                125,
                List.of(),
                new SpotCalls(2000, 0, 2, 2.0, 2, 0, 0, 0, 1_500_000L, Map.of(), Map.of()),
                List.of());
        final Operation drift = new Operation(
                "detect-drift",
                1000,
                1000,
                0,
                List.of(),
                new RunReport.Drift(
                        3,
                        Map.of(
                                DriftResult.Status.IN_SYNC, 3997,
                                DriftResult.Status.MODIFIED, 2,
                                DriftResult.Status.DELETED, 0,
                                DriftResult.Status.NOT_CHECKED, 1)),
                0,
                30.25,
                3725,
                List.of(),
                new SpotCalls(4000, 1000, 3, 3.0, 3, 17, 0, 0, 22_600_000L, Map.of(), Map.of()),
                List.of());
        final Path file = dir.resolve("report.json");
        new RunReport("template.yml", 1000, 50, OrgScale.LIMITS, List.of(deploy, update, drift)).write(file);

        OrgScale.lifecycleRows(out, 1000, RunReport.read(file));

        assertThat(lines().lines().toList())
                .containsExactly(
                        "       1000 deploy          1000       0                13.0    374.1      2000     516    "
                                + "00:32:23      84.0",
                        "       1000 update          1000       0                 2.0      1.5         0       0    "
                                + "00:02:05      12.5",
                        "       1000 detect-drift    1000       0        3        3.0     22.6      1000      17    "
                                + "01:02:05      30.3");
    }

    @Test
    void aReportWithoutTheCommandIsAnError(@TempDir final Path dir) {
        final Path file = dir.resolve("report.json");
        new RunReport("template.yml", 1000, 50, OrgScale.LIMITS, List.of(deploy(0, List.of()))).write(file);

        assertThatThrownBy(() -> OrgScale.lifecycleRows(out, 1000, RunReport.read(file)))
                .hasMessageContaining("0 operations named update");
    }

    @Test
    void simulatedTimeReadsAsAClockPastADay() {
        assertThat(OrgScale.clock(16_458)).isEqualTo("04:34:18");
        assertThat(OrgScale.clock(90_061)).isEqualTo("25:01:01");
    }

    /** Figure 7 measures what users get: the concurrency deploy/deploy-stacksets.sh gives the onboarding StackSet. */
    @Test
    void theShippedConcurrencyIsTheDeployScripts() throws IOException {
        final Path script = Path.of(System.getProperty("user.dir"))
                .resolve("../../deploy/deploy-stacksets.sh")
                .normalize();
        final Matcher shipped = Pattern.compile("MaxConcurrentCount=(\\d+)").matcher(Files.readString(script));

        assertThat(shipped.find()).as("MaxConcurrentCount in %s", script).isTrue();
        assertThat(Integer.parseInt(shipped.group(1))).isEqualTo(OrgScale.SHIPPED_CONCURRENCY);
    }
}
