package io.spot.onboarding.bench;

import io.spot.onboarding.runner.output.RunReport;
import io.spot.onboarding.runner.output.RunReport.Operation;
import io.spot.onboarding.runner.output.SummaryTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Figure 5: a service-managed StackSet enrolling N accounts, simulated by ./spot-local's runner
 * (real handlers, emulator, moto, simulated clock) under per-route rate limits.
 *
 * <p>Spot publishes no per-route numbers (its docs' examples are illustrative), so the limits are
 * our assumption, stated in the output: 60 calls a minute on each write route a new account
 * needs, 600 on the reads. Each run is a runner process of its own (fresh heap, private tmpdir) that
 * writes its results with --report; the figures read that file, never the runner's console text.
 */
final class OrgScale {
    static final List<String> LIMITS = List.of(
            "POST:/setup/account=60/60s",
            "POST:/setup/credentials/aws=60/60s",
            "POST:/setup/credentials/aws/externalId=60/60s",
            "PUT:/setup/account/{id}=60/60s",
            "POST:/cbi/v1/setup/account=60/60s",
            "POST:/cbi/v1/setup/account/validation=60/60s",
            "GET:/setup/account=600/60s",
            "GET:/setup/account/{id}=600/60s",
            "GET:/setup/credentials/aws=600/60s",
            "GET:/cbi/v1/setup/account=600/60s");
    /**
     * Figure 5's MaxConcurrentCount: a quarter of the shipped count ({@link #SHIPPED_CONCURRENCY}), which
     * figure 6 sweeps with others.
     */
    static final int CONCURRENCY = 25;

    /** The route whose limit bounds the whole StackSet: every new account needs one create. */
    static final String CREATE_ROUTE = "POST /setup/account";
    /** Failed stacks listed under a row; the report holds them all. */
    private static final int FAILURES_SHOWN = 5;

    /** StackSets' MaxConcurrentCount of the sweep, besides 100% of the accounts and the shipped count. */
    static final List<Integer> SWEEP_CONCURRENCY = List.of(25, 250);
    /** The MaxConcurrentCount deploy/deploy-stacksets.sh ships. */
    static final int SHIPPED_CONCURRENCY = 100;
    /**
     * Figure 7's MaxConcurrentCount. Drift detection is a StackSet operation of its own, with the
     * operation preferences its caller passes, and a Read may not wait out Spot's minute: at a Read
     * every 5 s per stack, 50 in flight read each route 600 times a minute, the assumed read limit,
     * while the shipped 100 would have Spot refuse half the reads (docs/organization-scale.md, "Drift detection").
     */
    static final int LIFECYCLE_CONCURRENCY = 50;
    /**
     * Figure 7's StackSet update: a parameter change that updates a Spot resource in every
     * instance (AccountAlias puts the name it recorded back), as a new template version re-runs them.
     */
    static final List<String> UPDATE = List.of("update", "RenameToAlias=false");

    private final Path root;
    private final List<Integer> sizes;
    private final List<Integer> sweepSizes;
    private final List<Integer> lifecycleSizes;
    /** Deploys by "accounts/concurrency": the sweep reuses the rows figure 5 has run. */
    private final Map<String, Operation> deploys = new HashMap<>();

    OrgScale(
            final Path root,
            final List<Integer> sizes,
            final List<Integer> sweepSizes,
            final List<Integer> lifecycleSizes) {
        this.root = root;
        this.sizes = sizes;
        this.sweepSizes = sweepSizes;
        this.lifecycleSizes = lifecycleSizes;
    }

    void print(final PrintStream out) throws IOException, InterruptedException {
        out.println("5. Organization scale: a StackSet of N accounts, " + CONCURRENCY + " in flight, simulated clock");
        out.println(
                "   assumed Spot limits per (route, method) and rolling minute: 60 on each write route, 600 on reads");
        header(out, "");
        final List<double[]> growth = new ArrayList<>();
        for (final int accounts : sizes) {
            final Operation deploy = deploy(accounts, Math.min(accounts, CONCURRENCY));
            row(out, accounts, deploy, "");
            growth.add(new double[] {accounts, calls(deploy).meanPerAccount(), kilobytesPerAccount(deploy)});
        }
        out.println(
                "   create rate: accounts created per minute as a share of the 60 the limit on POST /setup/account allows");
        if (growth.size() > 1) {
            final double[] first = growth.get(0);
            final double[] last = growth.get(growth.size() - 1);
            out.printf(
                    "   growth from %.0f to %.0f accounts (x%.0f): calls per account x%.2f, response KB per account x%.1f%n",
                    first[0], last[0], last[0] / first[0], last[1] / first[1], last[2] / first[2]);
        }
        printSweep(out);
        printLifecycle(out);
    }

    /**
     * Figure 7: after the deploy, a StackSet update that touches every instance and drift detection
     * of the whole StackSet, at the shipped concurrency and the same limits, in one runner process.
     */
    private void printLifecycle(final PrintStream out) throws IOException, InterruptedException {
        out.println();
        out.println("7. Deploy, update (" + UPDATE.get(1) + ") and drift detection of the StackSet, "
                + LIFECYCLE_CONCURRENCY + " in flight (drift detection's), same limits");
        out.printf(
                "   %8s %-13s %6s %7s %8s %10s %8s %9s %7s %11s %9s%n",
                "accounts",
                "operation",
                "done",
                "failed",
                "drifted",
                "calls/acct",
                "KB/acct",
                "org-wide",
                "429s",
                "simulated",
                "wall s");
        for (final int accounts : lifecycleSizes) {
            final List<String> commands = new ArrayList<>(List.of("deploy"));
            commands.addAll(UPDATE);
            commands.add("detect-drift");
            lifecycleRows(out, accounts, run(accounts, LIFECYCLE_CONCURRENCY, LIMITS, List.of(), commands));
        }
    }

    /** Figure 7's rows of one report: one for each command it ran. */
    static void lifecycleRows(final PrintStream out, final int accounts, final RunReport report) {
        for (final String command : List.of("deploy", "update", "detect-drift")) {
            final Operation operation = only(report, command, accounts);
            final RunReport.SpotCalls calls = calls(operation);
            out.printf(
                    "   %8d %-13s %6s %7s %8s %10s %8s %9s %7s %11s %9s%n",
                    accounts,
                    command,
                    operation.succeeded(),
                    operation.failed(),
                    operation.drift() == null ? "" : operation.drift().stacksDrifted(),
                    String.format("%.1f", calls.meanPerAccount()),
                    String.format("%.1f", kilobytesPerAccount(operation)),
                    calls.organizationWide(),
                    calls.throttled(),
                    clock(operation.simulatedSeconds()),
                    String.format("%.1f", operation.wallSeconds()));
            failures(out, operation);
        }
    }

    /** Figure 6: the same StackSet at the concurrency a user may pick, up to every account at once. */
    private void printSweep(final PrintStream out) throws IOException, InterruptedException {
        out.println();
        out.println("6. Concurrency sweep: the StackSet at " + SWEEP_CONCURRENCY.get(0) + ", "
                + SHIPPED_CONCURRENCY + " (shipped), " + SWEEP_CONCURRENCY.get(1)
                + " and 100% of the accounts in flight, same limits");
        header(out, String.format(" %9s", "in flight"));
        for (final int accounts : sweepSizes) {
            for (final int concurrency : sweepLevels(accounts)) {
                row(out, accounts, deploy(accounts, concurrency), String.format(" %9d", concurrency));
            }
        }
    }

    /** Figure 6's MaxConcurrentCounts for an organization of {@code accounts}, the last all of them. */
    static List<Integer> sweepLevels(final int accounts) {
        final List<Integer> levels = new ArrayList<>(SWEEP_CONCURRENCY);
        levels.add(SHIPPED_CONCURRENCY);
        levels.add(accounts);
        return levels.stream().filter(c -> c <= accounts).distinct().sorted().toList();
    }

    /** Charts of figures 5 and 6, from the deploys they ran (none is run again). */
    OrgScaleCharts charts() {
        return new OrgScaleCharts(sizes, sweepSizes, this::deploy);
    }

    /** The header of figures 5 and 6, whose rows differ only by figure 6's in-flight column. */
    private static void header(final PrintStream out, final String inFlight) {
        out.printf(
                "   %8s%s %9s %7s %10s %8s %9s %7s %11s %9s %12s%n",
                "accounts",
                inFlight,
                "enrolled",
                "failed",
                "calls/acct",
                "KB/acct",
                "org-wide",
                "429s",
                "simulated",
                "wall s",
                "create rate");
    }

    /** A row of figures 5 and 6: one deploy. */
    static void row(final PrintStream out, final int accounts, final Operation deploy, final String inFlight) {
        final RunReport.SpotCalls calls = calls(deploy);
        out.printf(
                "   %8d%s %9s %7s %10s %8s %9s %7s %11s %9s %11s%%%n",
                accounts,
                inFlight,
                deploy.succeeded(),
                deploy.failed(),
                String.format("%.1f", calls.meanPerAccount()),
                String.format("%.1f", kilobytesPerAccount(deploy)),
                calls.organizationWide(),
                calls.throttled(),
                clock(deploy.simulatedSeconds()),
                String.format("%.1f", deploy.wallSeconds()),
                String.format("%.0f", createRate(deploy)));
        failures(out, deploy);
    }

    /** The first failed stacks, each with what failed in it. */
    static void failures(final PrintStream out, final Operation operation) {
        operation.failures().stream()
                .limit(FAILURES_SHOWN)
                .forEach(f -> out.println(
                        "   failed:      " + f.accountId() + " " + f.status() + ": " + String.join("; ", f.reasons())));
    }

    private static RunReport.SpotCalls calls(final Operation operation) {
        if (operation.spotCalls() == null) {
            throw new IllegalStateException(
                    operation.command() + " counted no Spot calls: the runner did not use the emulator");
        }
        return operation.spotCalls();
    }

    private static double kilobytesPerAccount(final Operation operation) {
        return calls(operation).responseBytes() / 1e3 / Math.max(1, operation.stacks());
    }

    /** Creates admitted as a percentage of what the limit on POST /setup/account allows. */
    private static double createRate(final Operation deploy) {
        return createLimit(deploy).percentOfAllowed();
    }

    /** The deploy's use of the limit on {@link #CREATE_ROUTE}. */
    static RunReport.LimitUse createLimit(final Operation deploy) {
        return deploy.rateLimitUse().stream()
                .filter(use -> use.route().equals(CREATE_ROUTE))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalStateException("the deploy's report has no use of the limit on " + CREATE_ROUTE));
    }

    /** A file-name-safe form of the first limit, e.g. {@code POST-setup-account-60}. */
    private static String limitName(final String limit) {
        return limit.substring(0, limit.indexOf('/', limit.indexOf('=')))
                .replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }

    static String clock(final long seconds) {
        return SummaryTable.clock(seconds);
    }

    Operation deploy(final int accounts, final int concurrency) throws IOException, InterruptedException {
        return deploy(accounts, concurrency, LIMITS, List.of());
    }

    /** One deploy under {@code limits} and the runner's {@code options}, run once however often it is asked for. */
    Operation deploy(final int accounts, final int concurrency, final List<String> limits, final List<String> options)
            throws IOException, InterruptedException {
        final String key = accounts + "/" + concurrency + "/" + limits + "/" + options;
        if (!deploys.containsKey(key)) {
            deploys.put(key, only(run(accounts, concurrency, limits, options, List.of("deploy")), "deploy", accounts));
        }
        return deploys.get(key);
    }

    private static Operation only(final RunReport report, final String command, final int accounts) {
        final List<Operation> operations = report.operations(command);
        if (operations.size() != 1) {
            throw new IllegalStateException("the " + accounts + "-account run's report has " + operations.size()
                    + " operations named " + command + ", not one");
        }
        return operations.get(0);
    }

    /**
     * Runs the commands in order in one runner process over one StackSet, and reads its report. Its
     * console goes to a log beside the report, named when the run fails.
     */
    private RunReport run(
            final int accounts,
            final int concurrency,
            final List<String> limits,
            final List<String> options,
            final List<String> commands)
            throws IOException, InterruptedException {
        final Path out = Files.createDirectories(root.resolve("tooling/bench/target/org-scale"));
        // Its own tmpdir, not spot-local's: the handlers' wrapper empties it, whoever else uses it.
        final Path tmp = Files.createDirectories(out.resolve("tmp"));
        final String name = accounts + "-accounts-" + concurrency + "-in-flight-" + String.join("-", commands)
                + (limits.equals(LIMITS) ? "" : "-limits-" + (limits.isEmpty() ? "none" : limitName(limits.get(0))))
                + (options.isEmpty() ? "" : "-" + String.join("-", options).replace("--rate-limit-", ""));
        final Path report = out.resolve(name + ".json");
        final Path log = out.resolve(name + ".log");
        final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
                "-jar",
                root.resolve("tooling/runner/target/spot-runner.jar").toString(),
                "--template",
                root.resolve("template.yml").toString(),
                "--accounts",
                Integer.toString(accounts),
                "--concurrency",
                Integer.toString(concurrency),
                "--quiet",
                "--report",
                report.toString()));
        limits.forEach(limit -> command.addAll(List.of("--rate-limit", limit)));
        command.addAll(options);
        command.addAll(commands);
        final Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(12, TimeUnit.HOURS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the " + accounts + "-account run took over 12 hours; its output: " + log);
        }
        // Exit 1 is a run with failed stacks: it still has its figures, and the failed column shows them.
        if (process.exitValue() > 1) {
            throw new IllegalStateException(
                    "the " + accounts + "-account run stopped (exit " + process.exitValue() + "); its output: " + log);
        }
        return RunReport.read(report);
    }
}
