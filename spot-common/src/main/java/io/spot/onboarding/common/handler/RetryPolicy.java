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
 *   <li>429: never before {@code X-RateLimit-Reset}, else exponential from 2 s; plus 1 to 5 s of
 *       jitter so the accounts of a StackSet that hit the limit together do not return together;
 *       at most {@value #MAX_THROTTLE_RETRIES} times (well over ten minutes of waiting).</li>
 *   <li>5xx and network failures: 5, 10, 20 s; at most {@value #MAX_TRANSIENT_RETRIES} times.</li>
 * </ul>
 */
public final class RetryPolicy {
    public static final int MAX_THROTTLE_RETRIES = 12;
    public static final int MAX_TRANSIENT_RETRIES = 3;
    static final int MAX_BACKOFF_SECONDS = 120;

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
            if (context.getThrottleRetries() >= MAX_THROTTLE_RETRIES) {
                return OptionalInt.empty();
            }
            final int attempt = context.getThrottleRetries();
            context.setThrottleRetries(attempt + 1);
            final long backoff = Math.min(MAX_BACKOFF_SECONDS, 2L << Math.min(attempt, 10));
            final long floor = throttled.resetSeconds().orElse(0);
            return OptionalInt.of((int) Math.min(Math.max(floor, backoff), 600 - 5) + jitter.applyAsInt(5));
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
