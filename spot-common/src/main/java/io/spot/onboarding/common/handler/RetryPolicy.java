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
 *   <li>429: never before {@code X-RateLimit-Reset}, or without it before the {@value #WINDOW_SECONDS} s
 *       window Spot documents has let the refused call go; exponential from 2 s beyond that; plus a random share
 *       of up to {@value #SPREAD} times as much again (at least 5 s), so the accounts of a StackSet that hit the limit together
 *       come back spread over the next window instead of together: Spot extends the block for every
 *       call made while blocked, so a herd returning at once stays blocked. From the
 *       {@value #GROWTH_AFTER}th refusal of one operation on, the random share grows by half again with each
 *       refusal, past the 600 s CloudFormation allows one callback: a StackSet with thousands of accounts in
 *       flight has more callers than a route admits in ten minutes, and callers that kept coming back every
 *       ten minutes would keep the route blocked for all; at most {@value #MAX_GROWN_SHARE_SECONDS} s, so no
 *       caller is still waiting hours after the crowd has gone. The part of a wait beyond 600 s is owed in the
 *       callback context and waited out with IN_PROGRESS before Spot is called again ({@link SpotInvoker}).
 *       Within the operation's one {@link WaitBudget}.</li>
 *   <li>5xx and network failures: 5, 10, 20 s; at most {@value #MAX_TRANSIENT_RETRIES} times.</li>
 * </ul>
 */
public final class RetryPolicy {
    /** Refusals of one operation after which the random share grows (docs/organization-scale.md, "How many stacks in flight"). */
    public static final int GROWTH_AFTER = 10;
    /**
     * The most the grown share may add to one wait. Uncapped, it reached hours after 20 refusals, drawn while
     * thousands were in line and waited out after they had gone: 10,000 accounts all in flight had 9,522 done
     * after about six hours and the last after ten and a half. An hour still spreads 10,000 callers to under 200
     * a minute, a third of what a read route admits.
     */
    static final int MAX_GROWN_SHARE_SECONDS = 3600;

    /**
     * Spot's documented window is a rolling minute: without {@code X-RateLimit-Reset}, a refused call is not
     * repeated before its own refusal has left the window, as Spot counts calls made while blocked.
     */
    static final int WINDOW_SECONDS = 60;

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
    public static final int MAX_DELAY_SECONDS = 600;

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
            final int budget = WaitBudget.remaining(context);
            if (budget == 0) {
                return OptionalInt.empty();
            }
            final int attempt = context.getThrottleRetries();
            context.setThrottleRetries(attempt + 1);
            final long backoff = Math.min(MAX_BACKOFF_SECONDS, 2L << Math.min(attempt, 10));
            final int base = (int)
                    Math.min(Math.max(throttled.resetSeconds().orElse(WINDOW_SECONDS), backoff), MAX_DELAY_SECONDS / 2);
            final int spread = Math.max(MIN_JITTER_SECONDS, SPREAD * base);
            long delay = Math.min(MAX_DELAY_SECONDS, base + jitter.applyAsInt(spread));
            if (attempt >= GROWTH_AFTER) {
                // 600 s * (1.5^k - 1): the herd's share of the route shrinks by a third with each refusal.
                final double growth = Math.pow(1.5, attempt - GROWTH_AFTER + 1) - 1;
                delay += jitter.applyAsInt(
                        (int) Math.min(MAX_GROWN_SHARE_SECONDS, Math.max(1, MAX_DELAY_SECONDS * growth)));
            }
            final int total = (int) Math.min(delay, budget);
            final int now = Math.min(MAX_DELAY_SECONDS, total);
            context.setOwedWaitSeconds(total - now);
            return OptionalInt.of(now);
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
