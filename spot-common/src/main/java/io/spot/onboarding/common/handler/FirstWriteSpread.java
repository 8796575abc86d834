package io.spot.onboarding.common.handler;

import io.spot.onboarding.common.api.RouteWindow;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntUnaryOperator;

/**
 * Spreads the first write of a crowd of operations before Spot refuses any of them. A StackSet starts
 * up to MaxConcurrentCount stacks at once; each one's first Spot write would land in the same second,
 * and every call Spot refuses still counts against the route's window. The read a handler makes just
 * before that write tells, in its own {@code X-RateLimit-Remaining}, how many callers used that read
 * route in the last window; divided by the calls one operation makes on that route, that many
 * operations are about to write too. When they are more than {@value #WRITES_PER_MINUTE} (the writes
 * a route is assumed to allow a minute), the handler waits a random share of one second per counted
 * operation before its first write, so the crowd arrives at about the pace the route admits. Nothing
 * is shared between handlers: only the answer each one got.
 */
public final class FirstWriteSpread {
    /** The write limit assumed before any write answer says otherwise (the benchmark's assumption). */
    public static final int WRITES_PER_MINUTE = 60;

    private final int readsPerOperation;
    private final IntUnaryOperator jitter;

    /**
     * @param readsPerOperation the calls one operation makes on the read route in a minute: counting
     *                          each as an operation of its own made the crowd look that many times
     *                          larger, and the waits that many times longer
     */
    public FirstWriteSpread(final int readsPerOperation) {
        this(readsPerOperation, bound -> ThreadLocalRandom.current().nextInt(1, bound + 1));
    }

    /** @param jitter given an upper bound, a whole number of seconds from 1 to it */
    public FirstWriteSpread(final int readsPerOperation, final IntUnaryOperator jitter) {
        if (readsPerOperation < 1) {
            throw new IllegalArgumentException("readsPerOperation must be at least 1, was " + readsPerOperation);
        }
        this.readsPerOperation = readsPerOperation;
        this.jitter = jitter;
    }

    /** The wait before the first write, or empty to write now; at most one CloudFormation callback. */
    public OptionalInt delaySeconds(final Optional<RouteWindow> precedingRead) {
        if (precedingRead.isEmpty()) {
            return OptionalInt.empty();
        }
        final int operations = precedingRead.get().used() / readsPerOperation;
        if (operations <= WRITES_PER_MINUTE) {
            return OptionalInt.empty();
        }
        final int spread = Math.min(RetryPolicy.MAX_DELAY_SECONDS, operations * 60 / WRITES_PER_MINUTE);
        return OptionalInt.of(jitter.applyAsInt(spread));
    }
}
