package io.spot.onboarding.common.handler;

import io.spot.onboarding.common.api.SpotApiException;
import io.spot.onboarding.common.api.SpotNetworkException;
import io.spot.onboarding.common.api.SpotRateLimitException;
import io.spot.onboarding.common.api.SpotServerException;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntUnaryOperator;

/**
 * How long a Create, Update or Delete waits (through IN_PROGRESS and {@code callbackDelaySeconds},
 * never by sleeping) before calling Spot again after a retriable failure, and when it gives up.
 * <ul>
 *   <li>429: never before {@code X-RateLimit-Reset}, else exponential from 2 s; plus a random share
 *       of up to {@value #SPREAD} times as much again (at least 5 s), so the accounts of a StackSet that hit the limit together
 *       come back spread over the next window instead of together: Spot extends the block for every
 *       call made while blocked, so a herd returning at once stays blocked. For at most
 *       {@value #MAX_THROTTLE_WAIT_SECONDS} s in all.</li>
 *   <li>5xx and network failures: 5, 10, 20 s; at most {@value #MAX_TRANSIENT_RETRIES} times.</li>
 * </ul>
 */
public final class RetryPolicy {
    /**
     * How long one operation waits out Spot's rate limit in all before it fails with Throttling:
     * below the 120 minutes the schemas give Create, Update and Delete, and long enough for a
     * StackSet's worth of accounts to take turns on a route limited to a few dozen calls a minute.
     */
    public static final int MAX_THROTTLE_WAIT_SECONDS = 100 * 60;
    public static final int MAX_TRANSIENT_RETRIES = 3;
    static final int MAX_BACKOFF_SECONDS = 300;
    static final int MIN_JITTER_SECONDS = 5;
    /**
     * The random share is up to this many times the wait Spot asked for. Measured with 1,000 accounts,
     * 25 at a time, against 60 creates a minute: up to 1x kept the route at 41% of its limit (1,403
     * refusals, each of which Spot counts against the window), 2x at 54%, 4x at 60% (559), 8x no better.
     */
    public static final int SPREAD = 4;
    /** CloudFormation accepts a callbackDelaySeconds of at most 600. */
    static final int MAX_DELAY_SECONDS = 600;

    private final IntUnaryOperator jitter;

    public RetryPolicy() {
        this(bound -> ThreadLocalRandom.current().nextInt(1, bound + 1));
    }

    /** @param jitter given an upper bound, a whole number of seconds from 1 to it */
    public RetryPolicy(final IntUnaryOperator jitter) {
        this.jitter = jitter;
    }

    /** The delay before the next attempt, counting it in {@code context}; empty when out of attempts. */
    public OptionalInt nextDelaySeconds(final SpotApiException failure, final SpotCallbackContext context) {
        if (failure instanceof SpotRateLimitException throttled) {
            if (context.getThrottleWaitSeconds() >= MAX_THROTTLE_WAIT_SECONDS) {
                return OptionalInt.empty();
            }
            final int attempt = context.getThrottleRetries();
            context.setThrottleRetries(attempt + 1);
            final long backoff = Math.min(MAX_BACKOFF_SECONDS, 2L << Math.min(attempt, 10));
            final int base = (int) Math.min(Math.max(throttled.resetSeconds().orElse(0), backoff), MAX_DELAY_SECONDS / 2);
            final int spread = Math.max(MIN_JITTER_SECONDS, SPREAD * base);
            final int delay = Math.min(MAX_DELAY_SECONDS, base + jitter.applyAsInt(spread));
            context.setThrottleWaitSeconds(context.getThrottleWaitSeconds() + delay);
            return OptionalInt.of(delay);
        }
        if (isTransient(failure)) {
            if (context.getTransientRetries() >= MAX_TRANSIENT_RETRIES) {
                return OptionalInt.empty();
            }
            final int attempt = context.getTransientRetries();
            context.setTransientRetries(attempt + 1);
            return OptionalInt.of(5 << attempt);
        }
        return OptionalInt.empty();
    }

    public static boolean isTransient(final SpotApiException failure) {
        return failure instanceof SpotServerException || failure instanceof SpotNetworkException;
    }
}
