package io.spot.onboarding.runner.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.runner.output.RunReport.Failure;
import io.spot.onboarding.runner.output.RunReport.LimitUse;
import io.spot.onboarding.runner.output.RunReport.Operation;
import io.spot.onboarding.runner.output.RunReport.SpotCalls;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The page {@code --report-html} writes, built from a small report: the summary's rows, the failures
 * with their reasons, every string escaped, and a chart that a browser draws.
 */
class HtmlReportTest {
    private static final Pattern SERIES_SEGMENT =
            Pattern.compile("<line style=\"fill:none;stroke:(rgb\\([0-9,]+\\));[^\"]*stroke-width:2;");
    private static final Pattern GLYPHS = Pattern.compile("<path d=\"M[^\"]+Q[^\"]+\" style=\"fill:rgb\\(0,0,0\\)");

    /** 40 stacks ending a minute apart in pairs, two of them failed with reasons HTML must not take as markup. */
    private static RunReport report() {
        final Operation deploy = new Operation(
                "deploy",
                40,
                38,
                2,
                List.of(
                        new Failure(
                                "100000000007",
                                "StackSet-x-7",
                                "ROLLBACK_COMPLETE",
                                List.of("SpotAccount: <script>alert('x')</script> & \"quoted\"")),
                        new Failure("100000000009", "StackSet-x-9", "ROLLBACK_COMPLETE", List.of("SpotRole: denied"))),
                null,
                80,
                12.5,
                1260,
                LongStream.range(0, 40).map(i -> 30 + i * 30).boxed().toList(),
                new SpotCalls(
                        520,
                        40,
                        12,
                        12.0,
                        12,
                        7,
                        0,
                        0,
                        400_000L,
                        Map.of("POST /setup/account", 47, "GET /setup/account", 473),
                        Map.of("GET /setup/account", 390_000L, "POST /setup/account", 10_000L)),
                List.of(new LimitUse(
                        "POST:/setup/account=2/60s",
                        "POST /setup/account",
                        40,
                        7,
                        42,
                        95.2,
                        2,
                        LongStream.range(0, 21).mapToObj(i -> 2).toList())));
        final Operation delete = new Operation(
                "delete",
                38,
                38,
                0,
                List.of(),
                null,
                0,
                3.0,
                100,
                LongStream.range(0, 38).map(i -> 5 + i * 2).boxed().toList(),
                null,
                List.of());
        return new RunReport(
                "template.yml", 40, 5, List.of("POST:/setup/account=2/60s"), List.of("--x=y"), List.of(deploy, delete));
    }

    @Test
    void thePageHasEachOperationsSummaryRowsAndEveryFailureEscaped() {
        final RunReport report = report();

        final String page = HtmlReport.page(report);

        for (final Operation operation : report.operations()) {
            assertThat(page).contains("<h2>" + SummaryTable.heading(operation) + "</h2>");
            // Every row the console prints for the operation, label and value.
            SummaryTable.lines(operation).stream()
                    .filter(line -> line.matches("  \\S.*"))
                    .forEach(line -> assertThat(page)
                            .contains("<tr><th>"
                                    + HtmlReport.escape(line.substring(2, 24).strip()) + "</th><td>"
                                    + HtmlReport.escape(line.substring(25)) + "</td></tr>"));
        }
        assertThat(page)
                .contains("<tr><th>accounts enrolled</th><td>38</td></tr>")
                .contains("<tr><th>failed</th><td>2</td></tr>")
                .contains("<tr><th>stacks deleted</th><td>38</td></tr>")
                .contains("<li>100000000007 ROLLBACK_COMPLETE: SpotAccount: &lt;script&gt;alert(&#39;x&#39;)"
                        + "&lt;/script&gt; &amp; &quot;quoted&quot;</li>")
                .contains("<li>100000000009 ROLLBACK_COMPLETE: SpotRole: denied</li>")
                .doesNotContain("<script")
                .doesNotContain("<?xml")
                .doesNotContain("<!DOCTYPE svg");
    }

    @Test
    void thePageDrawsALinePerOperationInItsSvg() {
        final String page = HtmlReport.page(report());

        assertThat(page).contains("aria-label=\"Stacks done over simulated time: deploy, delete\"");
        final String svg = page.substring(page.indexOf("<svg"), page.indexOf("</svg>") + 6);
        // A series is drawn as stroked segments, two pixels wide, in a colour of its own.
        final Map<String, Long> segmentsByColour = SERIES_SEGMENT
                .matcher(svg)
                .results()
                .collect(Collectors.groupingBy(m -> m.group(1), Collectors.counting()));
        assertThat(segmentsByColour)
                .hasSize(2)
                .allSatisfy((colour, segments) -> assertThat(segments).isGreaterThanOrEqualTo(38));
        // Titles, tick labels and the legend are glyph outlines: the page needs no font of the chart's.
        assertThat(GLYPHS.matcher(svg).results().count()).isGreaterThan(20);
        assertThat(page.length()).as("the page's size").isLessThan(300_000);
    }

    @Test
    void aPageWithoutStacksHasNoChart() {
        final String page = HtmlReport.page(new RunReport("template.yml", 1, 1, List.of(), List.of()));

        assertThat(page)
                .contains("<h1>spot-local: template.yml over 1 account</h1>")
                .doesNotContain("<svg");
    }

    /** The page in headless Chromium: the chart below the settings shows as coloured lines, not a blank. */
    @Test
    void chromiumRendersTheChart() throws Exception {
        HeadlessChromium.assumeInstalled();
        final Path work =
                Files.createDirectories(Path.of("target", "html-report-render")).toAbsolutePath();
        final Path page = work.resolve("report.html");
        HtmlReport.write(report(), page);

        final BufferedImage shot = HeadlessChromium.screenshot(page, work);

        assertThat(shot.getWidth()).isEqualTo(1200);
        final Set<Integer> colours = new HashSet<>();
        int coloured = 0;
        int inked = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                final int rgb = shot.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                final int r = rgb >> 16;
                final int g = rgb >> 8 & 0xff;
                final int b = rgb & 0xff;
                inked += r + g + b < 600 ? 1 : 0;
                // Text is grey; the series are not.
                coloured += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 100 ? 1 : 0;
            }
        }
        assertThat(colours)
                .as("distinct colours in %s", work.resolve("screenshot.png"))
                .hasSizeGreaterThan(30);
        assertThat(inked).as("dark pixels").isGreaterThan(5_000);
        assertThat(coloured).as("strongly coloured pixels: the chart's lines").isGreaterThan(500);
    }
}
