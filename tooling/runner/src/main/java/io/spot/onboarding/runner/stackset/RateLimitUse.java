package io.spot.onboarding.runner.stackset;

import io.spot.onboarding.emulator.RecordedRequest;
import io.spot.onboarding.runner.env.RateLimitSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much of one --rate-limit one (method, route) used over a command: the requests admitted
 * against what the limit allows in the command's simulated time, the measure of how close the run
 * came to Spot's ceiling, and minute by minute, to show when it came close.
 *
 * @param limit             the --rate-limit as given, e.g. {@code POST:/setup/account=60/60s}
 * @param route             the method and route it matched, e.g. {@code POST /setup/account}
 * @param allowed           the requests the limit admits over the command's simulated time
 * @param allowedPerMinute  the requests the limit admits in a minute
 * @param admittedPerMinute requests admitted in each simulated minute from the command's start
 */
public record RateLimitUse(
        String limit,
        String route,
        int admitted,
        int refused,
        double allowed,
        double allowedPerMinute,
        List<Integer> admittedPerMinute) {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** One entry per (limit, matching route), in the limits' order, then by route. */
    public static List<RateLimitUse> of(
            final List<RecordedRequest> requests,
            final List<RateLimitSpec> limits,
            final Instant start,
            final Duration simulated) {
        final List<RateLimitUse> uses = new ArrayList<>();
        if (requests == null || simulated.isZero()) {
            return uses;
        }
        final int minutes = (int) Math.max(1, (simulated.toMillis() + MINUTE.toMillis() - 1) / MINUTE.toMillis());
        for (final RateLimitSpec limit : limits) {
            final Map<String, int[]> byRoute = new TreeMap<>();
            final Map<String, int[]> perMinute = new TreeMap<>();
            for (final RecordedRequest request : requests) {
                if (request.route() != null && limit.matches(request.method(), request.route())) {
                    final String route = request.method() + " " + request.route();
                    final int[] counts = byRoute.computeIfAbsent(route, k -> new int[2]);
                    counts[request.status() == 429 ? 1 : 0]++;
                    if (request.status() != 429) {
                        perMinute.computeIfAbsent(route, k -> new int[minutes])[minute(request, start, minutes)]++;
                    }
                }
            }
            final double allowed = limit.limit()
                    * (double) simulated.toMillis()
                    / limit.window().toMillis();
            final double allowedPerMinute =
                    limit.limit() * (double) MINUTE.toMillis() / limit.window().toMillis();
            byRoute.forEach((route, counts) -> uses.add(new RateLimitUse(
                    limit.toString(),
                    route,
                    counts[0],
                    counts[1],
                    allowed,
                    allowedPerMinute,
                    Arrays.stream(perMinute.getOrDefault(route, new int[minutes]))
                            .boxed()
                            .toList())));
        }
        return uses;
    }

    private static int minute(final RecordedRequest request, final Instant start, final int minutes) {
        final long index = Duration.between(start, request.timestamp()).toMillis() / MINUTE.toMillis();
        return (int) Math.max(0, Math.min(minutes - 1, index));
    }

    /** Admitted requests as a percentage of what the limit allows. */
    public double percentOfAllowed() {
        return 100.0 * admitted / allowed;
    }
}
