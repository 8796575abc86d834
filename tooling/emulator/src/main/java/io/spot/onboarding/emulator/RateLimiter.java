package io.spot.onboarding.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spot's documented limiter: a rolling window per (route, method), on the emulator clock.
 *
 * <p>Every request is recorded in the window, including the ones it rejects. That is how "sending
 * more requests while blocked delays the reset" is modelled: a client that keeps knocking keeps
 * the window full, while a client that waits X-RateLimit-Reset seconds is let through. A rule
 * whose method or route is "*" still gives each (route, method) its own window.
 */
final class RateLimiter {

    record Rule(int limit, Duration window) {
        Rule {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be >= 1: " + limit);
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive: " + window);
            }
        }
    }

    private final Clock clock;
    private final MatchedRules<Rule> rules = new MatchedRules<>();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    void limit(RequestMatcher matcher, Rule rule) {
        rules.add(matcher, rule);
    }

    /** Counts the request and says whether it may go through. */
    RateLimitStatus acquire(String method, String route) {
        return rules.find(method, route)
                .map(rule -> window(method, route).admit(clock.instant(), rule))
                .orElseGet(RateLimitStatus::unlimited);
    }

    /** The current headers for a request that the limiter does not count (e.g. a 401). */
    RateLimitStatus peek(String method, String route) {
        return rules.find(method, route)
                .map(rule -> window(method, route).peek(clock.instant(), rule))
                .orElseGet(RateLimitStatus::unlimited);
    }

    void reset() {
        rules.clear();
        windows.clear();
    }

    private Window window(String method, String route) {
        return windows.computeIfAbsent(method.toUpperCase() + " " + route, key -> new Window());
    }

    private static final class Window {

        private final ArrayDeque<Instant> seen = new ArrayDeque<>();

        synchronized RateLimitStatus admit(Instant now, Rule rule) {
            expire(now, rule);
            boolean allowed = seen.size() < rule.limit();
            seen.addLast(now);
            return status(allowed, now, rule);
        }

        synchronized RateLimitStatus peek(Instant now, Rule rule) {
            expire(now, rule);
            return status(seen.size() < rule.limit(), now, rule);
        }

        private void expire(Instant now, Rule rule) {
            Instant horizon = now.minus(rule.window());
            while (!seen.isEmpty() && !seen.peekFirst().isAfter(horizon)) {
                seen.removeFirst();
            }
        }

        private RateLimitStatus status(boolean allowed, Instant now, Rule rule) {
            int remaining = Math.max(0, rule.limit() - seen.size());
            long reset = remaining > 0 ? 0 : secondsUntilSlotFrees(now, rule);
            return new RateLimitStatus(allowed, rule.limit(), remaining, reset);
        }

        /** The next request is admitted once all but limit-1 recorded requests have expired. */
        private long secondsUntilSlotFrees(Instant now, Rule rule) {
            int mustExpire = seen.size() - rule.limit() + 1;
            Iterator<Instant> it = seen.iterator();
            Instant last = null;
            for (int i = 0; i < mustExpire; i++) {
                last = it.next();
            }
            Duration wait = Duration.between(now, last.plus(rule.window()));
            long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
            return Math.max(1, seconds);
        }
    }
}
