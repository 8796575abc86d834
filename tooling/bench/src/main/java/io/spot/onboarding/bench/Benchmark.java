package io.spot.onboarding.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Prints every figure of the benchmark in a stable layout: package size, cold start, warm latency,
 * Spot API calls per account, organization scale, the concurrency sweep, and a StackSet's
 * update and drift detection. Run through tooling/bench/run, which builds first and
 * gives this JVM a private tmpdir (the handlers' wrapper empties it on every invocation).
 */
public final class Benchmark {

    private Benchmark() {}

    public static void main(final String[] args) throws Exception {
        final Path root =
                Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        final boolean quick = args.length > 1 && "--quick".equals(args[1]);
        final PrintStream out = System.out;
        final Instant start = Instant.now();
        out.println("Spot onboarding benchmark — " + Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / 1_048_576 + " MB heap, Java " + System.getProperty("java.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        out.println();
        PackageSizes.print(root, out);
        out.println();
        new ColdStart(root, quick ? 3 : 7).print(out);
        out.println();
        new WarmLatency(quick ? 20 : 100).print(out);
        out.println();
        ApiCalls.print(out);
        out.println();
        new OrgScale(
                        root,
                        quick ? List.of(10, 100, 1000) : List.of(10, 100, 1000, 10_000),
                        quick ? List.of(1000) : List.of(1000, 10_000),
                        List.of(200, 1000))
                .print(out);
        out.println();
        out.println("benchmark took " + Duration.between(start, Instant.now()).toSeconds() + " s");
    }
}
