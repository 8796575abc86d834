package io.spot.onboarding.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure 5: a service-managed StackSet enrolling N accounts, simulated by ./spot-local's runner
 * (real handlers, emulator, moto, simulated clock) under per-route rate limits.
 *
 * <p>Spot publishes no per-route numbers (its docs' examples are illustrative), so the limits are
 * our assumption, stated in the output: 60 calls a minute on each write route a new account
 * needs, 600 on the reads.
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
     * StackSets' MaxConcurrentCount. Linking takes two or three calls of a route limited to 60 a
     * minute; at 100 accounts in flight the herd on that route kept some accounts waiting past their
     * 45-minute budget (77 of 1,000 failed), at 25 none does and the route runs at about 60%.
     */
    static final int CONCURRENCY = 25;

    private static final Pattern ENROLLED = Pattern.compile("accounts enrolled\\s+(\\d+)");
    private static final Pattern FAILED = Pattern.compile("failed\\s+(\\d+)");
    private static final Pattern CALLS = Pattern.compile("Spot API calls\\s+(\\d+) in all; per account min (\\d+), "
            + "mean ([\\d.]+), max (\\d+); (\\d+) organization-wide");
    private static final Pattern BYTES =
            Pattern.compile("Spot responses\\s+([\\d.]+) MB in all, ([\\d.]+) KB per account");
    private static final Pattern RETRIES = Pattern.compile("Spot answered 429 (\\d+) times, 5xx (\\d+) times");
    private static final Pattern ELAPSED =
            Pattern.compile("elapsed\\s+([\\d.]+) s of wall time; ([\\d:]+) of simulated");
    private static final Pattern CREATE_SHARE =
            Pattern.compile("POST /setup/account \\(.*?\\): (\\d+) admitted, (\\d+) " + "refused; (\\d+)% of the");

    /** StackSets' MaxConcurrentCount of the sweep, besides 100% of the accounts. */
    static final List<Integer> SWEEP_CONCURRENCY = List.of(25, 250);
    /** The MaxConcurrentCount deploy/deploy-stacksets.sh ships. */
    static final int SHIPPED_CONCURRENCY = 50;
    /**
     * Figure 7's StackSet update: a parameter change that updates a Spot resource in every
     * instance (AccountAlias puts the name it recorded back), as a new template version re-runs them.
     */
    static final List<String> UPDATE = List.of("update", "RenameToAlias=false");

    private static final Pattern DONE =
            Pattern.compile("(?:accounts enrolled|stacks updated|stacks checked)\\s+(\\d+)");
    private static final Pattern DRIFTED = Pattern.compile("drifted\\s+(\\d+)");

    private final Path root;
    private final List<Integer> sizes;
    private final List<Integer> sweepSizes;
    private final List<Integer> lifecycleSizes;
    /** Runner summaries by "accounts/concurrency": the sweep reuses the rows figure 5 has run. */
    private final Map<String, String> summaries = new HashMap<>();

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
        out.printf(
                "   %8s %9s %7s %10s %8s %9s %7s %11s %9s %12s%n",
                "accounts",
                "enrolled",
                "failed",
                "calls/acct",
                "KB/acct",
                "org-wide",
                "429s",
                "simulated",
                "wall s",
                "create rate");
        final List<double[]> growth = new ArrayList<>();
        for (final int accounts : sizes) {
            final String summary = summary(accounts, Math.min(accounts, CONCURRENCY));
            row(out, accounts, summary, "");
            final Matcher calls = find(CALLS, summary);
            growth.add(new double[] {
                accounts,
                Double.parseDouble(calls.group(3)),
                Double.parseDouble(find(BYTES, summary).group(2))
            });
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
                + SHIPPED_CONCURRENCY + " in flight (shipped), same limits");
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
            lifecycleRows(out, accounts, run(accounts, SHIPPED_CONCURRENCY, commands));
        }
    }

    /** Figure 7's rows of one runner output: one for each command it ran. */
    static void lifecycleRows(final PrintStream out, final int accounts, final String output) {
        for (final String command : List.of("deploy", "update", "detect-drift")) {
            final String summary = section(output, command, accounts);
            final Matcher calls = find(CALLS, summary);
            final Matcher elapsed = find(ELAPSED, summary);
            final Matcher drifted = DRIFTED.matcher(summary);
            out.printf(
                    "   %8d %-13s %6s %7s %8s %10s %8s %9s %7s %11s %9s%n",
                    accounts,
                    command,
                    find(DONE, summary).group(1),
                    find(FAILED, summary).group(1),
                    drifted.find() ? drifted.group(1) : "",
                    calls.group(3),
                    find(BYTES, summary).group(2),
                    calls.group(5),
                    find(RETRIES, summary).group(1),
                    elapsed.group(2),
                    elapsed.group(1));
            summary.lines().filter(line -> line.startsWith("      ")).forEach(line -> out.println("   failed:" + line));
        }
    }

    /** One command's summary out of a runner output that ran several. */
    private static String section(final String output, final String command, final int accounts) {
        final int start = output.indexOf("Summary of " + command + " ");
        if (start < 0) {
            throw new IllegalStateException(
                    "the " + accounts + "-account run has no summary of " + command + ":\n" + output);
        }
        final int next = output.indexOf("Summary of ", start + 1);
        return output.substring(start, next < 0 ? output.length() : next);
    }

    /** Figure 6: the same StackSet at the concurrency a user may pick, up to every account at once. */
    private void printSweep(final PrintStream out) throws IOException, InterruptedException {
        out.println();
        out.println("6. Concurrency sweep: the StackSet at " + SWEEP_CONCURRENCY.get(0) + ", "
                + SWEEP_CONCURRENCY.get(1) + " and 100% of the accounts in flight, same limits");
        out.printf(
                "   %8s %9s %9s %7s %10s %8s %9s %7s %11s %9s %12s%n",
                "accounts",
                "in flight",
                "enrolled",
                "failed",
                "calls/acct",
                "KB/acct",
                "org-wide",
                "429s",
                "simulated",
                "wall s",
                "create rate");
        for (final int accounts : sweepSizes) {
            final List<Integer> levels = new ArrayList<>(SWEEP_CONCURRENCY);
            levels.add(accounts);
            for (final int concurrency :
                    levels.stream().filter(c -> c <= accounts).distinct().toList()) {
                row(out, accounts, summary(accounts, concurrency), String.format(" %9d", concurrency));
            }
        }
    }

    private void row(final PrintStream out, final int accounts, final String summary, final String inFlight) {
        final Matcher calls = find(CALLS, summary);
        final Matcher bytes = find(BYTES, summary);
        final Matcher elapsed = find(ELAPSED, summary);
        final Matcher share = find(CREATE_SHARE, summary);
        out.printf(
                "   %8d%s %9s %7s %10s %8s %9s %7s %11s %9s %11s%%%n",
                accounts,
                inFlight,
                find(ENROLLED, summary).group(1),
                find(FAILED, summary).group(1),
                calls.group(3),
                bytes.group(2),
                calls.group(5),
                find(RETRIES, summary).group(1),
                elapsed.group(2),
                elapsed.group(1),
                share.group(3));
        summary.lines().filter(line -> line.startsWith("      ")).forEach(line -> out.println("   failed:" + line));
    }

    private String summary(final int accounts, final int concurrency) throws IOException, InterruptedException {
        final String key = accounts + "/" + concurrency;
        if (!summaries.containsKey(key)) {
            final String output = run(accounts, concurrency, List.of("deploy"));
            summaries.put(key, output.substring(output.lastIndexOf("Summary of deploy")));
        }
        return summaries.get(key);
    }

    /** The runner's whole output for the commands, run in order in one process over one StackSet. */
    private String run(final int accounts, final int concurrency, final List<String> commands)
            throws IOException, InterruptedException {
        final Path tmp = Files.createDirectories(root.resolve("tooling/runner/target/local-tmp"));
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
                "--quiet"));
        LIMITS.forEach(limit -> command.addAll(List.of("--rate-limit", limit)));
        command.addAll(commands);
        final Process process =
                new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes());
        // A run with failed stacks exits non-zero but still has its figures: the failed column shows them.
        if (!process.waitFor(12, TimeUnit.HOURS) || !output.contains("Summary of deploy")) {
            throw new IllegalStateException("the " + accounts + "-account run ended without a summary:\n" + output);
        }
        return output;
    }

    private static Matcher find(final Pattern pattern, final String text) {
        final Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in the runner's summary:\n" + text);
        }
        return matcher;
    }
}
