package io.spot.onboarding.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spot's documented limiter: rolling windows on the emulator clock, each counting what {@link
 * RateLimitAnswers.Scope} says. A rule limits the calls it matches; under {@code TEMPLATE} and
 * {@code PATH} a rule whose method or route is "*" still gives each window its own count.
 *
 * <p>With {@link RateLimitAnswers.CountsRefused#ON} a refused call is recorded too. That is how
 * "sending more requests while blocked delays the reset" is modelled: a client that keeps knocking
 * keeps the window full, while a client that waits X-RateLimit-Reset seconds is let through.
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

    /** Counts the request (as {@code answers} say) and says whether it may go through. */
    RateLimitStatus acquire(Incoming in, RateLimitAnswers answers) {
        boolean countsRefused = answers.countsRefused() == RateLimitAnswers.CountsRefused.ON;
        return rules.find(in.method(), in.template())
                .map(rule -> window(in, answers.scope()).admit(clock.instant(), rule, countsRefused))
                .orElseGet(RateLimitStatus::unlimited);
    }

    /** The current headers for a request that the limiter does not count (e.g. a 401). */
    RateLimitStatus peek(Incoming in, RateLimitAnswers answers) {
        return rules.find(in.method(), in.template())
                .map(rule -> window(in, answers.scope()).peek(clock.instant(), rule))
                .orElseGet(RateLimitStatus::unlimited);
    }

    void reset() {
        rules.clear();
        windows.clear();
    }

    private Window window(Incoming in, RateLimitAnswers.Scope scope) {
        return windows.computeIfAbsent(key(in, scope), key -> new Window());
    }

    private static String key(Incoming in, RateLimitAnswers.Scope scope) {
        return switch (scope) {
            case TEMPLATE -> in.method() + " " + in.template();
            case PATH -> in.method() + " " + in.rawPath();
            case ORGANIZATION -> "organization";
        };
    }

    private static final class Window {

        private final ArrayDeque<Instant> seen = new ArrayDeque<>();
        /** The longest window of the rules counting here: several share one under ORGANIZATION. */
        private Duration kept = Duration.ZERO;

        synchronized RateLimitStatus admit(Instant now, Rule rule, boolean countsRefused) {
            boolean allowed = count(now, rule) < rule.limit();
            if (allowed || countsRefused) {
                seen.addLast(now);
            }
            return status(allowed, now, rule);
        }

        synchronized RateLimitStatus peek(Instant now, Rule rule) {
            return status(count(now, rule) < rule.limit(), now, rule);
        }

        /** Forgets what every rule has let go, then counts the calls within this rule's window. */
        private int count(Instant now, Rule rule) {
            if (rule.window().compareTo(kept) > 0) {
                kept = rule.window();
            }
            Instant forgotten = now.minus(kept);
            while (!seen.isEmpty() && !seen.peekFirst().isAfter(forgotten)) {
                seen.removeFirst();
            }
            if (rule.window().equals(kept)) {
                return seen.size();
            }
            Instant horizon = now.minus(rule.window());
            int count = 0;
            for (Iterator<Instant> newest = seen.descendingIterator();
                    newest.hasNext() && newest.next().isAfter(horizon); ) {
                count++;
            }
            return count;
        }

        private RateLimitStatus status(boolean allowed, Instant now, Rule rule) {
            int remaining = Math.max(0, rule.limit() - count(now, rule));
            long reset = remaining > 0 ? 0 : secondsUntilSlotFrees(now, rule);
            return new RateLimitStatus(allowed, rule.limit(), remaining, reset);
        }

        /** The next request is admitted once the limit-th newest recorded request leaves the window. */
        private long secondsUntilSlotFrees(Instant now, Rule rule) {
            Iterator<Instant> newest = seen.descendingIterator();
            Instant last = null;
            for (int i = 0; i < rule.limit(); i++) {
                last = newest.next();
            }
            Duration wait = Duration.between(now, last.plus(rule.window()));
            long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
            return Math.max(1, seconds);
        }
    }
}
