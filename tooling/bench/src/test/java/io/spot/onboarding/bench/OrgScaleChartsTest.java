package io.spot.onboarding.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.runner.output.RunReport.LimitUse;
import io.spot.onboarding.runner.output.RunReport.Operation;
import io.spot.onboarding.runner.output.RunReport.SpotCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charts of figures 5 and 6, drawn from the deploys figure 5 and the sweep ran, each asked for once. */
class OrgScaleChartsTest {
    /** A stroked series segment and its colour, as the SVG encoder writes it. */
    private static final Pattern SERIES =
            Pattern.compile("<line style=\"fill:none;stroke:(rgb\\([0-9,]+\\));[^\"]*stroke-width:2;");

    private final List<String> asked = new ArrayList<>();

    /** A deploy whose stacks end faster the more are in flight, creating up to 60 accounts a minute. */
    private Operation deploy(final int accounts, final int concurrency) {
        asked.add(accounts + "/" + concurrency);
        final long pace = Math.max(1, 60 / Math.min(concurrency, 60));
        final List<Long> ends =
                LongStream.range(0, accounts).map(i -> 12 + i * pace).boxed().toList();
        final int minutes = (int) (ends.get(accounts - 1) / 60 + 1);
        final List<Integer> creates = IntStream.range(0, minutes)
                .mapToObj(i -> (int) Math.min(60, 60 / pace))
                .toList();
        return new Operation(
                "deploy",
                accounts,
                accounts,
                0,
                List.of(),
                null,
                accounts,
                1.0,
                minutes * 60L,
                ends,
                new SpotCalls(
                        accounts * 13,
                        accounts * 2,
                        11,
                        11.0,
                        11,
                        0,
                        0,
                        0,
                        1000L,
                        Map.of("POST /setup/account", accounts, "GET /setup/account", accounts * 3 + accounts / 10),
                        Map.of()),
                List.of(new LimitUse(
                        "POST:/setup/account=60/60s",
                        "POST /setup/account",
                        accounts,
                        0,
                        minutes * 60.0,
                        50,
                        60,
                        creates)));
    }

    @Test
    void eachSweepSizeGetsALinePerConcurrencyAndFigureFiveItsBars(@TempDir final Path dir) throws Exception {
        final List<Path> files = new OrgScaleCharts(List.of(10, 1000), List.of(1000), this::deploy).write(dir);

        assertThat(files)
                .extracting(f -> f.getFileName().toString())
                .containsExactly(
                        "org-scale-1000-accounts-stacks-over-time.svg",
                        "org-scale-1000-accounts-creates-a-minute.svg",
                        "org-scale-calls-per-account-by-route.svg");
        // The sweep's 25, 100, 250 and 1,000 in flight, and figure 5's 10 and 1,000 at 25: nothing else.
        assertThat(asked).containsOnly("1000/25", "1000/100", "1000/250", "1000/1000", "10/10");
        assertThat(colours(files.get(0))).hasSize(4);
        // The same four lines, and the ceiling in a grey of its own.
        assertThat(colours(files.get(1)))
                .hasSize(5)
                .containsKeys(colours(files.get(0)).keySet().toArray(String[]::new))
                .containsKey("rgb(90,90,90)");
        // One bar per (size, route): filled rectangles in two series colours.
        final String bars = Files.readString(files.get(2));
        assertThat(bars).startsWith("<?xml");
        assertThat(Pattern.compile("<path d=\"M[^\"]+\" style=\"fill:(rgb\\([0-9,]+\\));stroke:none;\"")
                        .matcher(bars)
                        .results()
                        .map(m -> m.group(1))
                        .filter(c -> !c.equals("rgb(0,0,0)") && !c.equals("rgb(255,255,255)"))
                        .count())
                .isGreaterThanOrEqualTo(4);
    }

    private static Map<String, Long> colours(final Path svg) throws Exception {
        return SERIES.matcher(Files.readString(svg))
                .results()
                .collect(Collectors.groupingBy(m -> m.group(1), Collectors.counting()));
    }
}
