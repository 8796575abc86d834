package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spot.onboarding.harness.MotoServer;
import io.spot.onboarding.harness.SecretScanner;
import io.spot.onboarding.runner.output.HtmlReport;
import io.spot.onboarding.runner.output.RunReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spot-local --report FILE}, as a CI job uses it: the command line in, a JSON file out that
 * says what the printed summaries say, under the documented field names (read here as plain JSON,
 * not through the runner's records), even when stacks failed, and never with the token in it.
 */
class ReportOptionTest {
    private static final Path TEMPLATE = Path.of("../..", "template.yml");
    private static final String TOKEN = "spotLocalReportTestToken0123456789";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void freshMoto() {
        assumeThat(Files.exists(TEMPLATE)).as("the repository's template.yml").isTrue();
        MotoServer.shared().reset();
    }

    private int spotLocal(final Path report, final String... args) {
        final List<String> all = new ArrayList<>(List.of(
                "--template",
                TEMPLATE.toString(),
                "--param",
                "SpotApiToken=" + TOKEN,
                "--quiet",
                "--report",
                report.toString()));
        all.addAll(List.of(args));
        return Main.run(
                all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static JsonNode read(final Path report) throws Exception {
        final String text = Files.readString(report);
        new SecretScanner(TOKEN).scan(text, "the --report file");
        return new ObjectMapper().readTree(text);
    }

    private static JsonNode operation(final JsonNode report, final String command) {
        return StreamSupport.stream(report.get("operations").spliterator(), false)
                .filter(o -> o.get("command").asText().equals(command))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + command + " in " + report.toPrettyString()));
    }

    private static long sum(final JsonNode object) {
        long total = 0;
        for (final JsonNode value : object) {
            total += value.asLong();
        }
        return total;
    }

    @Test
    void aStackSetRunWritesEachOperationAsTheSummaryPrintsIt(@TempDir final Path dir) throws Exception {
        final Path report = dir.resolve("ci/spot-local.json");

        final int exit = spotLocal(
                report,
                "--accounts",
                "3",
                "--concurrency",
                "3",
                "--rate-limit",
                "POST:/setup/account=2/60s",
                "deploy",
                "detect-drift",
                "delete");

        final String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + err).isZero();
        final JsonNode json = read(report);
        assertThat(json.get("accounts").asInt()).isEqualTo(3);
        assertThat(json.get("concurrency").asInt()).isEqualTo(3);
        assertThat(json.get("rateLimits")).extracting(JsonNode::asText).containsExactly("POST:/setup/account=2/60s");
        assertThat(json.get("operations"))
                .extracting(o -> o.get("command").asText())
                .containsExactly("deploy", "detect-drift", "delete");

        final JsonNode deploy = operation(json, "deploy");
        assertThat(deploy.get("stacks").asInt()).isEqualTo(3);
        assertThat(deploy.get("succeeded").asInt()).isEqualTo(3);
        assertThat(deploy.get("failed").asInt()).isZero();
        assertThat(deploy.get("failures")).isEmpty();
        assertThat(deploy.has("drift")).isFalse();
        final JsonNode calls = deploy.get("spotCalls");
        assertThat(calls.get("total").asLong()).isPositive().isEqualTo(sum(calls.get("byRoute")));
        assertThat(calls.get("responseBytes").asLong()).isPositive().isEqualTo(sum(calls.get("responseBytesByRoute")));
        assertThat(calls.get("byRoute").get("POST /setup/account").asInt()).isGreaterThanOrEqualTo(3);
        // Two creates a minute for three accounts: the third waits out a 429.
        assertThat(calls.get("throttled").asInt()).isPositive();
        assertThat(deploy.get("simulatedSeconds").asLong()).isGreaterThanOrEqualTo(60);
        final JsonNode creates = deploy.get("rateLimitUse").get(0);
        assertThat(creates.get("limit").asText()).isEqualTo("POST:/setup/account=2/60s");
        assertThat(creates.get("route").asText()).isEqualTo("POST /setup/account");
        assertThat(creates.get("admitted").asInt()).isEqualTo(3);
        assertThat(creates.get("refused").asInt()).isPositive();
        assertThat(creates.get("allowed").asDouble())
                .isCloseTo(
                        2 * deploy.get("simulatedSeconds").asDouble() / 60, org.assertj.core.data.Offset.offset(0.05));
        assertThat(creates.get("percentOfAllowed").asDouble())
                .isEqualTo(100.0 * 3 / creates.get("allowed").asDouble());
        // Minute by minute: the three creates, never more than the two a minute allows.
        assertThat(creates.get("allowedPerMinute").asDouble()).isEqualTo(2.0);
        assertThat(sum(creates.get("admittedPerMinute"))).isEqualTo(3);
        assertThat(creates.get("admittedPerMinute"))
                .hasSize((int) Math.ceil(deploy.get("simulatedSeconds").asDouble() / 60))
                .allSatisfy(minute -> assertThat(minute.asInt()).isBetween(0, 2));
        // Each stack's end on the run's clock: the last one ends the operation.
        assertThat(deploy.get("stackEndSeconds"))
                .hasSize(3)
                .allSatisfy(end -> assertThat(end.asLong()).isPositive())
                .anySatisfy(end -> assertThat(end.asLong())
                        .isEqualTo(deploy.get("simulatedSeconds").asLong()));
        // The same figures as the summary on the screen.
        assertThat(printed)
                .contains(String.format(
                        "%-22s %d in all; per account min %d, mean %.1f, max %d; %d organization-wide",
                        "Spot API calls",
                        calls.get("total").asInt(),
                        calls.get("minPerAccount").asInt(),
                        calls.get("meanPerAccount").asDouble(),
                        calls.get("maxPerAccount").asInt(),
                        calls.get("organizationWide").asInt()))
                .contains(String.format(
                        "POST /setup/account (POST:/setup/account=2/60s): 3 admitted, %d refused; %.0f%% of the",
                        creates.get("refused").asInt(),
                        creates.get("percentOfAllowed").asDouble()))
                .contains(String.format(
                        "Spot answered 429 %d times", calls.get("throttled").asInt()));

        final JsonNode drift = operation(json, "detect-drift").get("drift");
        assertThat(drift.get("stacksDrifted").asInt()).isZero();
        assertThat(drift.get("resources").get("IN_SYNC").asInt()).isGreaterThanOrEqualTo(3 * 4);
        assertThat(drift.get("resources").get("MODIFIED").asInt()).isZero();
        assertThat(drift.get("resources").get("NOT_CHECKED").asInt()).isZero();
        assertThat(operation(json, "delete").get("succeeded").asInt()).isEqualTo(3);
        // The runner's own records read the file back whole: what the benchmark reads.
        assertThat(RunReport.read(report).operations("deploy"))
                .singleElement()
                .satisfies(d -> assertThat(d.spotCalls().total())
                        .isEqualTo(calls.get("total").asInt()));
    }

    /** The page shows every row the console printed, and draws the stacks done. */
    @Test
    void theHtmlReportHasEachPrintedSummaryRowAndTheStacksChart(@TempDir final Path dir) throws Exception {
        final Path page = dir.resolve("html/spot-local.html");

        final int exit = spotLocal(
                dir.resolve("spot-local.json"),
                "--report-html",
                page.toString(),
                "--accounts",
                "2",
                "deploy",
                "delete");

        final String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + err).isZero();
        final String html = Files.readString(page);
        new SecretScanner(TOKEN).scan(html, "the --report-html page");
        final List<String> rows =
                printed.lines().filter(line -> line.matches("  \\S.{21} \\S.*")).toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2 * 6);
        rows.forEach(line -> assertThat(html)
                .contains("<tr><th>" + HtmlReport.escape(line.substring(2, 24).strip()) + "</th><td>"
                        + HtmlReport.escape(line.substring(25)) + "</td></tr>"));
        assertThat(html)
                .contains("<h2>Summary of deploy over 2 accounts</h2>", "<h2>Summary of delete over 2 accounts</h2>")
                .contains("aria-label=\"Stacks done over simulated time: deploy, delete\"")
                .containsPattern("<line style=\"fill:none;stroke:rgb\\([0-9,]+\\);[^\"]*stroke-width:2;");
    }

    @Test
    void aDeployThatFailsStillWritesTheReportWithEachStackAndWhy(@TempDir final Path dir) throws Exception {
        final Path report = dir.resolve("spot-local.json");
        Files.writeString(report, "{\"stale\": \"from an earlier run\"}");

        // Spot accounts that predate the stack fail Cost Intelligence's pre-flight: each adoption rolls back.
        final int exit =
                spotLocal(report, "--accounts", "2", "connect-existing", "deploy", "ExistingAccountPolicy=Adopt");

        assertThat(exit).isEqualTo(1);
        final JsonNode deploy = operation(read(report), "deploy");
        assertThat(deploy.get("succeeded").asInt()).isZero();
        assertThat(deploy.get("failed").asInt()).isEqualTo(2);
        assertThat(deploy.get("failures")).hasSize(2).allSatisfy(failure -> {
            assertThat(failure.get("accountId").asText()).matches("\\d{12}");
            assertThat(failure.get("stackName").asText()).startsWith("StackSet-spot-onboarding-");
            assertThat(failure.get("status").asText()).isEqualTo("ROLLBACK_COMPLETE");
            assertThat(failure.get("reasons"))
                    .extracting(JsonNode::asText)
                    .anyMatch(reason -> reason.startsWith("SpotCostIntelligence: "));
        });
    }

    @Test
    void aReportThatCannotBeWrittenStopsTheRunBeforeItStarts(@TempDir final Path dir) throws Exception {
        final Path file = Files.writeString(dir.resolve("a-file"), "");

        final int exit = spotLocal(file.resolve("report.json"), "deploy");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--report " + file.resolve("report.json"));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .doesNotContain("Checked")
                .doesNotContain("Summary of");
    }
}
