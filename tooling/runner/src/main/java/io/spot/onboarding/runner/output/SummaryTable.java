package io.spot.onboarding.runner.output;

import io.spot.onboarding.runner.output.RunReport.Operation;
import io.spot.onboarding.runner.output.RunReport.SpotCalls;
import io.spot.onboarding.runner.stackset.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The summary of one stack operation, row by row: printed after each operation, and the table of
 * the HTML report. Both read the operation as the report file holds it, so they show the same figures.
 */
public final class SummaryTable {
    /** Failed stacks listed under the failed row on the console; the report and the page hold them all. */
    private static final int FAILURES_PRINTED = 5;

    public record Row(String label, String value) {}

    private SummaryTable() {}

    public static String heading(final Operation operation) {
        return "Summary of " + operation.command() + " over " + operation.stacks() + " account"
                + (operation.stacks() == 1 ? "" : "s");
    }

    /** A summary for the console, which masks secrets itself. */
    public static List<String> lines(final RunSummary summary) {
        return lines(RunReport.operation(summary, text -> text));
    }

    /** The summary as printed: the heading, then a line per row, the first failures under the failed row. */
    public static List<String> lines(final Operation operation) {
        final List<String> lines = new ArrayList<>();
        lines.add(heading(operation) + ":");
        for (final Row row : rows(operation)) {
            lines.add(String.format("  %-22s %s", row.label(), row.value()));
            if (row.label().equals("failed")) {
                operation.failures().stream().limit(FAILURES_PRINTED).forEach(f -> lines.add("      " + failure(f)));
            }
        }
        return lines;
    }

    /** "account STATUS: reason; reason" */
    public static String failure(final RunReport.Failure failure) {
        return failure.accountId() + " " + failure.status() + ": " + String.join("; ", failure.reasons());
    }

    public static List<Row> rows(final Operation operation) {
        final List<Row> rows = new ArrayList<>();
        rows.add(new Row(verb(operation.command()), Integer.toString(operation.succeeded())));
        rows.add(new Row("failed", Integer.toString(operation.failed())));
        if (operation.drift() != null) {
            rows.add(new Row("drifted", Integer.toString(operation.drift().stacksDrifted())));
        }
        final SpotCalls calls = operation.spotCalls();
        if (calls == null) {
            rows.add(new Row("Spot API calls", "not counted (the real Spot API keeps no log we can read)"));
        } else {
            rows.add(new Row(
                    "Spot API calls",
                    String.format(
                            "%d in all; per account min %d, mean %.1f, max %d; %d organization-wide",
                            calls.total(),
                            calls.minPerAccount(),
                            calls.meanPerAccount(),
                            calls.maxPerAccount(),
                            calls.organizationWide())));
            if (!calls.byRoute().isEmpty()) {
                rows.add(new Row(
                        "by route",
                        calls.byRoute().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", "))));
            }
            final Map.Entry<String, Long> heaviest = calls.responseBytesByRoute().entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElse(Map.entry("none", 0L));
            rows.add(new Row(
                    "Spot responses",
                    String.format(
                            "%s in all, %.1f KB per account; %.0f%% of it %s",
                            calls.responseBytes() < 1e6
                                    ? String.format("%.1f KB", calls.responseBytes() / 1e3)
                                    : String.format("%.1f MB", calls.responseBytes() / 1e6),
                            calls.responseBytes() / 1e3 / Math.max(1, operation.stacks()),
                            100.0 * heaviest.getValue() / Math.max(1, calls.responseBytes()),
                            heaviest.getKey())));
            rows.add(new Row(
                    "handler callbacks",
                    String.format(
                            "%d (IN_PROGRESS, called again after callbackDelaySeconds);"
                                    + " Spot answered 429 %d times, 5xx %d times",
                            operation.callbacks(), calls.throttled(), calls.serverErrors())));
        }
        rows.add(new Row(
                "elapsed",
                String.format(
                        "%.1f s of wall time; %s of simulated time",
                        operation.wallSeconds(), clock(operation.simulatedSeconds()))));
        operation
                .rateLimitUse()
                .forEach(use -> rows.add(new Row(
                        "rate limit",
                        String.format(
                                "%s (%s): %d admitted, %d refused; %.0f%% of the %.0f the limit allows in %s",
                                use.route(),
                                use.limit(),
                                use.admitted(),
                                use.refused(),
                                use.percentOfAllowed(),
                                use.allowed(),
                                clock(operation.simulatedSeconds())))));
        return rows;
    }

    private static String verb(final String command) {
        return switch (command) {
            case "deploy" -> "accounts enrolled";
            case "update" -> "stacks updated";
            case "delete" -> "stacks deleted";
            case "detect-drift" -> "stacks checked";
            default -> "succeeded";
        };
    }

    /** hh:mm:ss, the hours running past a day. */
    public static String clock(final long seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
