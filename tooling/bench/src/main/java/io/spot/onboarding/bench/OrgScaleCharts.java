package io.spot.onboarding.bench;

import io.spot.onboarding.runner.charts.Charts;
import io.spot.onboarding.runner.charts.Svg;
import io.spot.onboarding.runner.output.RunReport.LimitUse;
import io.spot.onboarding.runner.output.RunReport.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Figures 5 and 6 as SVG charts, drawn from the deploys' reports: for each organization size of the
 * sweep, stacks done over simulated time and accounts created a minute against the limit's ceiling,
 * a line per concurrency; and figure 5's calls per account by route, a bar per organization size.
 */
final class OrgScaleCharts {
    /** Where tooling/bench/run writes them, from the repository's root. */
    static final Path FOLDER = Path.of("tooling/bench/target/figures");

    /** A deploy of {@code accounts} at {@code concurrency} in flight, as {@link OrgScale} ran it. */
    interface Deploys {
        Operation deploy(int accounts, int concurrency) throws IOException, InterruptedException;
    }

    private final List<Integer> sizes;
    private final List<Integer> sweepSizes;
    private final Deploys deploys;

    OrgScaleCharts(final List<Integer> sizes, final List<Integer> sweepSizes, final Deploys deploys) {
        this.sizes = sizes;
        this.sweepSizes = sweepSizes;
        this.deploys = deploys;
    }

    /** Writes every chart into {@code folder} and returns the files, in a stable order. */
    List<Path> write(final Path folder) throws IOException, InterruptedException {
        final List<Path> files = new ArrayList<>();
        for (final int accounts : sweepSizes) {
            final Map<String, List<Long>> ends = new LinkedHashMap<>();
            final Map<String, List<Integer>> creates = new LinkedHashMap<>();
            double ceiling = 0;
            for (final int concurrency : OrgScale.sweepLevels(accounts)) {
                final Operation deploy = deploys.deploy(accounts, concurrency);
                final String line = inFlight(accounts, concurrency);
                ends.put(line, deploy.stackEndSeconds());
                final LimitUse use = OrgScale.createLimit(deploy);
                creates.put(line, use.admittedPerMinute());
                ceiling = use.allowedPerMinute();
            }
            files.add(write(
                    Charts.stacksOverTime(
                            String.format("%,d accounts: stacks done over simulated time", accounts), ends),
                    folder.resolve("org-scale-" + accounts + "-accounts-stacks-over-time.svg")));
            files.add(write(
                    Charts.perMinute(
                            String.format(
                                    "%,d accounts: accounts created a minute (%s)", accounts, OrgScale.CREATE_ROUTE),
                            "accounts created a minute",
                            creates,
                            ceiling,
                            String.format("ceiling: %.0f a minute, the assumed limit", ceiling)),
                    folder.resolve("org-scale-" + accounts + "-accounts-creates-a-minute.svg")));
        }
        final Map<String, Map<String, Double>> perAccount = new LinkedHashMap<>();
        for (final int accounts : sizes) {
            final Operation deploy = deploys.deploy(accounts, Math.min(accounts, OrgScale.CONCURRENCY));
            final Map<String, Double> byRoute = new LinkedHashMap<>();
            deploy.spotCalls()
                    .byRoute()
                    .forEach((route, calls) -> byRoute.put(route, calls / (double) Math.max(1, deploy.stacks())));
            perAccount.put(String.format("%,d accounts", accounts), byRoute);
        }
        files.add(write(
                Charts.callsByRoute(
                        "Spot calls per account by route, " + OrgScale.CONCURRENCY
                                + " in flight (a route's calls over the accounts)",
                        "calls per account",
                        perAccount),
                folder.resolve("org-scale-calls-per-account-by-route.svg")));
        return files;
    }

    /** Copies {@code charts} into {@code folder}, replacing the charts of an earlier run. */
    static void copy(final List<Path> charts, final Path folder) throws IOException {
        Files.createDirectories(folder);
        for (final Path chart : charts) {
            Files.copy(chart, folder.resolve(chart.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String inFlight(final int accounts, final int concurrency) {
        final List<String> notes = new ArrayList<>();
        if (concurrency == OrgScale.SHIPPED_CONCURRENCY) {
            notes.add("shipped");
        }
        if (concurrency == accounts) {
            notes.add("all");
        }
        return concurrency + " in flight" + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
    }

    private static Path write(final Chart<?, ?> chart, final Path file) {
        Svg.write(chart, file);
        return file;
    }
}
