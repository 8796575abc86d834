package io.spot.onboarding.emulator;

import java.util.Objects;

/**
 * How the emulator's rate limiter answers what Spot's documentation leaves open (docs/spot-api.md
 * §2.4, open questions 5 and 11). It applies to the limits a test or run sets ({@link
 * Faults#rateLimit}); {@link #DEFAULT} is the documented limiter read per route template.
 *
 * @param scope         what one rolling window counts
 * @param headers       whether answers carry the {@code X-RateLimit-*} headers
 * @param countsRefused whether a refused call is recorded in its window
 */
public record RateLimitAnswers(Scope scope, Headers headers, CountsRefused countsRefused) {

    public static final RateLimitAnswers DEFAULT = new RateLimitAnswers(Scope.TEMPLATE, Headers.ON, CountsRefused.ON);

    public RateLimitAnswers {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(countsRefused, "countsRefused");
    }

    /** What "API route" means in Spot's "per organization x route x method" (open question 11). */
    public enum Scope implements SpotAnswers.Option {
        /** One window per method and route template: all {@code PUT /setup/account/{id}} share one. */
        TEMPLATE,
        /** One window per method and concrete path (no query string): each account's {@code PUT} has its own. */
        PATH,
        /**
         * One window for every limited call of the organization, whatever its route and method; a call is
         * admitted while it holds fewer calls than the limit of the rule the call matches.
         */
        ORGANIZATION
    }

    /** Whether every answer, a 429 included, carries {@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset}. */
    public enum Headers implements SpotAnswers.Option {
        ON,
        /** No answer carries any of them: a client must fall back to its own backoff. */
        OFF
    }

    /** Whether a refused call is recorded in its window, so that knocking while blocked delays the reset. */
    public enum CountsRefused implements SpotAnswers.Option {
        ON,
        /** A refused call leaves no trace: the block ends when the admitted calls age out. */
        OFF
    }

    public RateLimitAnswers with(final Scope answer) {
        return new RateLimitAnswers(answer, headers, countsRefused);
    }

    public RateLimitAnswers with(final Headers answer) {
        return new RateLimitAnswers(scope, answer, countsRefused);
    }

    public RateLimitAnswers with(final CountsRefused answer) {
        return new RateLimitAnswers(scope, headers, answer);
    }
}
