package io.spot.onboarding.bench;

import io.spot.onboarding.runner.output.RunReport.Operation;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Figure 8: the shipped concurrency under Spot limits we do not know. Spot publishes none, so the StackSet
 * is run under each plausible answer the emulator models: write limits from 10 to 600 a minute (reads ten
 * times as many), counted per route template, per concrete path or in one window for the whole organization,
 * with and without the {@code X-RateLimit-*} headers.
 *
 * <p>The create ceiling of a row is the most accounts a minute the run could enroll: no more than the limits
 * allow (each limit over the calls an account makes under it, as counted in an unlimited run), and no more
 * than the same StackSet enrolls with no limit at all (its concurrency's own pace).
 */
final class PaceGrid {
    static final List<Integer> WRITE_LIMITS = List.of(10, 20, 60, 120, 300, 600);
    static final List<String> SCOPES = List.of("template", "path", "organization");
    static final List<String> HEADERS = List.of("on", "off");
    /** Five times the shipped concurrency: every row runs well past its first crowd, in an hour of wall time. */
    static final int ACCOUNTS = 500;

    private final OrgScale runs;

    PaceGrid(final OrgScale runs) {
        this.runs = runs;
    }

    void print(final PrintStream out) throws IOException, InterruptedException {
        out.println("8. Pace under Spot limits we do not know: " + OrgScale.SHIPPED_CONCURRENCY
                + " in flight, writes a minute from 10 to 600 (reads ten times as many)");
        final Operation unlimited = runs.deploy(ACCOUNTS, OrgScale.SHIPPED_CONCURRENCY, List.of(), List.of());
        final double unlimitedPace = perMinute(unlimited);
        out.printf(
                "   with no limit: %d accounts in %s, %.1f a minute (the concurrency's own pace)%n",
                unlimited.succeeded(), OrgScale.clock(unlimited.simulatedSeconds()), unlimitedPace);
        out.printf(
                "   %6s %-12s %7s %8s %8s %6s %7s %10s %11s %8s %8s %6s%n",
                "writes",
                "scope",
                "headers",
                "accounts",
                "enrolled",
                "failed",
                "429s",
                "calls/acct",
                "simulated",
                "per min",
                "ceiling",
                "share");
        for (final String scope : SCOPES) {
            for (final String headers : HEADERS) {
                for (final int writes : WRITE_LIMITS) {
                    final int accounts = ACCOUNTS;
                    final List<String> limits = limits(scope, writes);
                    final Operation deploy = runs.deploy(
                            accounts,
                            OrgScale.SHIPPED_CONCURRENCY,
                            limits,
                            List.of("--rate-limit-scope", scope, "--rate-limit-headers", headers));
                    final double ceiling = Math.min(unlimitedPace, ceiling(limits, scope, unlimited));
                    final double pace = perMinute(deploy);
                    out.printf(
                            "   %6d %-12s %7s %8d %8d %6d %7d %10.1f %11s %8.1f %8.1f %5.0f%%%n",
                            writes,
                            scope,
                            headers,
                            accounts,
                            deploy.succeeded(),
                            deploy.failed(),
                            deploy.spotCalls().throttled(),
                            deploy.spotCalls().meanPerAccount(),
                            OrgScale.clock(deploy.simulatedSeconds()),
                            pace,
                            ceiling,
                            100 * pace / ceiling);
                    OrgScale.failures(out, deploy);
                }
            }
        }
        out.println("   per min: accounts enrolled a minute of simulated time; ceiling: the fewest of the limits and"
                + " the unlimited pace allow; share: per min / ceiling");
    }

    /**
     * The --rate-limit flags of a row: one per route Spot's onboarding calls, or, for the organization's one
     * window, one rule for every call at the read limit.
     */
    static List<String> limits(final String scope, final int writes) {
        if ("organization".equals(scope)) {
            return List.of("*:*=" + writes * 10 + "/60s");
        }
        final List<String> limits = new ArrayList<>();
        for (final String limit : OrgScale.LIMITS) {
            final boolean read = limit.startsWith("GET:");
            limits.add(limit.substring(0, limit.indexOf('=') + 1) + (read ? writes * 10 : writes) + "/60s");
        }
        return limits;
    }

    /** Accounts a minute the limits allow, each over the calls an account makes under it in the unlimited run. */
    static double ceiling(final List<String> limits, final String scope, final Operation unlimited) {
        final Map<String, Integer> byRoute = unlimited.spotCalls().byRoute();
        final int accounts = Math.max(1, unlimited.succeeded());
        double ceiling = Double.MAX_VALUE;
        for (final String limit : limits) {
            final String rule = limit.substring(0, limit.indexOf('='));
            final String method = rule.substring(0, rule.indexOf(':'));
            final String route = rule.substring(rule.indexOf(':') + 1);
            // Per concrete path, a route with an ID is one window per account: it never binds the StackSet.
            if ("path".equals(scope) && route.contains("{")) {
                continue;
            }
            final int perMinute =
                    Integer.parseInt(limit.substring(rule.length() + 1, limit.indexOf('/', rule.length())));
            final long calls = byRoute.entrySet().stream()
                    .filter(e -> matches(method, route, e.getKey()))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            if (calls > 0) {
                ceiling = Math.min(ceiling, perMinute / ((double) calls / accounts));
            }
        }
        return ceiling;
    }

    private static boolean matches(final String method, final String route, final String call) {
        final String callMethod = call.substring(0, call.indexOf(' '));
        final String callRoute = call.substring(call.indexOf(' ') + 1);
        return ("*".equals(method) || method.equals(callMethod)) && ("*".equals(route) || route.equals(callRoute));
    }

    private static double perMinute(final Operation deploy) {
        return deploy.succeeded() / Math.max(1.0 / 60, deploy.simulatedSeconds() / 60.0);
    }
}
