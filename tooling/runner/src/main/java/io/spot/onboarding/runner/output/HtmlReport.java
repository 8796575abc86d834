package io.spot.onboarding.runner.output;

import io.spot.onboarding.runner.charts.Charts;
import io.spot.onboarding.runner.charts.Svg;
import io.spot.onboarding.runner.output.RunReport.Operation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code --report-html FILE} writes: one self-contained page (no script, no link out) with the
 * run's settings, each operation's summary as the console prints it, every failed stack with why,
 * and the stacks done over simulated time as an inline SVG chart. Built from the same report as
 * {@code --report}'s JSON, so the two never disagree.
 */
public final class HtmlReport {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1000px;"
            + "color:#222}table{border-collapse:collapse;margin-bottom:1em}th,td{text-align:left;"
            + "vertical-align:top;padding:.3em .8em;border-bottom:1px solid #ddd}th{white-space:nowrap}"
            + "figure{margin:1em 0}svg{max-width:100%;height:auto}.failures li{font-family:monospace}";

    private HtmlReport() {}

    public static void write(final RunReport report, final Path file) {
        ReportFile.write(file, page(report), "--report-html");
    }

    public static String page(final RunReport report) {
        final String title = "spot-local: " + report.template() + " over " + report.accounts() + " account"
                + (report.accounts() == 1 ? "" : "s");
        final StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title))
                .append("</title>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>")
                .append(escape(title))
                .append("</h1>\n");
        settings(report, html);
        chart(report, html);
        report.operations().forEach(operation -> operation(operation, html));
        return html.append("</body>\n</html>\n").toString();
    }

    private static void settings(final RunReport report, final StringBuilder html) {
        html.append("<table class=\"settings\">\n");
        row(html, "accounts in flight", Integer.toString(report.concurrency()));
        row(html, "rate limits", report.rateLimits().isEmpty() ? "none" : String.join(", ", report.rateLimits()));
        row(
                html,
                "Spot",
                report.spotAnswers() == null
                        ? "the real Spot API"
                        : "the emulator, answering " + String.join(" ", report.spotAnswers()));
        html.append("</table>\n");
    }

    /** One line per operation that ran stacks, each from its own start. */
    private static void chart(final RunReport report, final StringBuilder html) {
        final Map<String, List<Long>> lines = new LinkedHashMap<>();
        for (final Operation operation : report.operations()) {
            if (operation.stackEndSeconds() != null
                    && !operation.stackEndSeconds().isEmpty()) {
                String name = operation.command();
                for (int n = 2; lines.containsKey(name); n++) {
                    name = operation.command() + " (" + n + ")";
                }
                lines.put(name, operation.stackEndSeconds());
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        final String title = "Stacks done over simulated time";
        html.append("<h2>")
                .append(title)
                .append("</h2>\n<figure role=\"img\" aria-label=\"")
                .append(escape(title + ": " + String.join(", ", lines.keySet())))
                .append("\">\n")
                .append(Svg.inline(Charts.stacksOverTime(title, lines)))
                .append("\n</figure>\n");
    }

    private static void operation(final Operation operation, final StringBuilder html) {
        html.append("<h2>").append(escape(SummaryTable.heading(operation))).append("</h2>\n");
        html.append("<table class=\"summary\">\n");
        SummaryTable.rows(operation).forEach(r -> row(html, r.label(), r.value()));
        html.append("</table>\n");
        if (!operation.failures().isEmpty()) {
            html.append("<h3>Failed stacks</h3>\n<ul class=\"failures\">\n");
            operation
                    .failures()
                    .forEach(f -> html.append("<li>")
                            .append(escape(SummaryTable.failure(f)))
                            .append("</li>\n"));
            html.append("</ul>\n");
        }
    }

    private static void row(final StringBuilder html, final String label, final String value) {
        html.append("<tr><th>")
                .append(escape(label))
                .append("</th><td>")
                .append(escape(value))
                .append("</td></tr>\n");
    }

    /** Text as HTML shows it, in an element or an attribute. */
    public static String escape(final String text) {
        final StringBuilder escaped = new StringBuilder(text.length());
        for (final char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
