package io.spot.onboarding.runner.stackset;

import io.spot.onboarding.emulator.RecordedRequest;
import io.spot.onboarding.runner.env.RateLimitSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much of one --rate-limit one (method, route) used over a command: the requests admitted
 * against what the limit allows in the command's simulated time, the measure of how close the run
 * came to Spot's ceiling.
 *
 * @param limit   the --rate-limit as given, e.g. {@code POST:/setup/account=60/60s}
 * @param route   the method and route it matched, e.g. {@code POST /setup/account}
 * @param allowed the requests the limit admits over the command's simulated time
 */
public record RateLimitUse(String limit, String route, int admitted, int refused, double allowed) {

    /** One entry per (limit, matching route), in the limits' order, then by route. */
    public static List<RateLimitUse> of(
            final List<RecordedRequest> requests, final List<RateLimitSpec> limits, final Duration simulated) {
        final List<RateLimitUse> uses = new ArrayList<>();
        if (requests == null || simulated.isZero()) {
            return uses;
        }
        for (final RateLimitSpec limit : limits) {
            final Map<String, int[]> byRoute = new TreeMap<>();
            for (final RecordedRequest request : requests) {
                if (request.route() != null && limit.matches(request.method(), request.route())) {
                    final int[] counts =
                            byRoute.computeIfAbsent(request.method() + " " + request.route(), k -> new int[2]);
                    counts[request.status() == 429 ? 1 : 0]++;
                }
            }
            final double allowed = limit.limit()
                    * (double) simulated.toMillis()
                    / limit.window().toMillis();
            byRoute.forEach((route, counts) ->
                    uses.add(new RateLimitUse(limit.toString(), route, counts[0], counts[1], allowed)));
        }
        return uses;
    }

    /** Admitted requests as a percentage of what the limit allows. */
    public double percentOfAllowed() {
        return 100.0 * admitted / allowed;
    }
}
