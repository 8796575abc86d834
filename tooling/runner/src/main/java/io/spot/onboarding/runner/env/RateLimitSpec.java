package io.spot.onboarding.runner.env;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A --rate-limit option, METHOD:ROUTE=LIMIT/WINDOW, such as {@code POST:/setup/account=30/60s} or
 * {@code *:*=100/1m}: the emulator admits at most LIMIT requests per rolling WINDOW (simulated
 * time) on each matching (route, method), then answers 429 with X-RateLimit-Reset.
 */
public record RateLimitSpec(String method, String route, int limit, Duration window) {
    private static final Pattern FORM = Pattern.compile("^([A-Za-z*]+):([^=]+)=(\\d+)/(\\d+)([smh]?)$");

    public static RateLimitSpec parse(final String text) {
        final Matcher matcher = FORM.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--rate-limit takes METHOD:ROUTE=LIMIT/WINDOW, such as "
                    + "POST:/setup/account=30/60s or '*:*=100/1m'; got '" + text + "'");
        }
        final long amount = Long.parseLong(matcher.group(4));
        final Duration window = switch (matcher.group(5)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        final int limit = Integer.parseInt(matcher.group(3));
        if (limit < 1 || window.isZero()) {
            throw new IllegalArgumentException("--rate-limit needs a limit and a window above zero: '" + text + "'");
        }
        return new RateLimitSpec(matcher.group(1).toUpperCase(), matcher.group(2), limit, window);
    }

    public boolean matches(final String requestMethod, final String requestRoute) {
        return ("*".equals(method) || method.equalsIgnoreCase(requestMethod))
                && ("*".equals(route) || route.equals(requestRoute));
    }

    @Override
    public String toString() {
        return method + ":" + route + "=" + limit + "/" + window.toSeconds() + "s";
    }
}
