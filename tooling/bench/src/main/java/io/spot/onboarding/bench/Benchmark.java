package io.spot.onboarding.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints every figure of the benchmark in a stable layout: package size, cold start, warm latency,
 * Spot API calls per account, organization scale, the concurrency sweep, and a StackSet's
 * update and drift detection; figures 5 and 6 also as SVG charts ({@link OrgScaleCharts}, copied
 * with --figures-to DIR where the docs show them). Run through tooling/bench/run, which builds first and
 * gives this JVM a private tmpdir (the handlers' wrapper empties it on every invocation).
 */
public final class Benchmark {

    private Benchmark() {}

    public static void main(final String[] args) throws Exception {
        final Path root =
                Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        final List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        final boolean quick = options.contains("--quick");
        final int only = options.indexOf("--only");
        final Set<String> figures = only >= 0 && only + 1 < options.size()
                ? Set.of(options.get(only + 1).split(","))
                : Set.of("1", "2", "3", "4", "5", "8");
        final int copy = options.indexOf("--figures-to");
        final Path copyTo = copy >= 0 && copy + 1 < options.size() ? root.resolve(options.get(copy + 1)) : null;
        if (copy >= 0 && (copyTo == null || !figures.contains("5"))) {
            // The committed charts must be the run whose text docs/benchmarks.md quotes.
            System.err.println(
                    "--figures-to DIR copies the charts of the run's figure 5: with figure 5 among those run");
            System.exit(2);
        }
        final PrintStream out = System.out;
        final Instant start = Instant.now();
        out.println("Spot onboarding benchmark — " + Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / 1_048_576 + " MB heap, Java " + System.getProperty("java.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        out.println();
        if (figures.contains("1")) {
            PackageSizes.print(root, out);
            out.println();
        }
        if (figures.contains("2")) {
            new ColdStart(root, quick ? 3 : 11).print(out);
            out.println();
        }
        if (figures.contains("3")) {
            new WarmLatency(quick ? 20 : 100).print(out);
            out.println();
        }
        if (figures.contains("4")) {
            ApiCalls.print(out);
            out.println();
        }
        final OrgScale orgScale = new OrgScale(
                root,
                quick ? List.of(10, 100, 1000) : List.of(10, 100, 1000, 10_000),
                quick ? List.of(1000) : List.of(1000, 10_000),
                List.of(200, 1000));
        final List<Path> charts = new ArrayList<>();
        if (figures.contains("5")) {
            orgScale.print(out);
            out.println();
            charts.addAll(orgScale.charts().write(root.resolve(OrgScaleCharts.FOLDER)));
        }
        if (figures.contains("8")) {
            new PaceGrid(orgScale).print(out);
            out.println();
        }
        if (!charts.isEmpty()) {
            out.println("charts of figures 5 and 6 (SVG) in " + root.resolve(OrgScaleCharts.FOLDER) + ": "
                    + charts.stream().map(c -> c.getFileName().toString()).collect(Collectors.joining(", ")));
        }
        if (copyTo != null) {
            OrgScaleCharts.copy(charts, copyTo);
            out.println("copied to " + copyTo);
        }
        out.println("benchmark took " + Duration.between(start, Instant.now()).toSeconds() + " s");
    }
}
