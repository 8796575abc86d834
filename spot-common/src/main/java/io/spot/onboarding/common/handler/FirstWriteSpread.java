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
 * route in the last window: that many operations are about to write too. When they are more than
 * {@value #WRITES_PER_MINUTE} (the writes a route is assumed to allow a minute), the handler waits a
 * random share of half a second per counted call before its first write, so the crowd arrives at about
 * the pace the route admits. Nothing is shared between handlers: only the answer each one got.
 *
 * <p>An Account Create calls that read route about twice per operation (its AWS account, then the
 * organization), so the spread gives each operation about a second. A whole second per call (two per
 * operation) was the rule before {@link CreateWindow}: with nothing else to stop a crowd that overshot, the
 * spread had to keep it below the limit alone, and its waits, which grow with the accounts created a minute,
 * held 50 stacks in flight to about three quarters of the create limit. Now the window check catches the
 * overshoot, and the spread only has to break up the crowd (README, organization scale).
 */
public final class FirstWriteSpread {
    /** The write limit assumed before any write answer says otherwise (the benchmark's assumption). */
    public static final int WRITES_PER_MINUTE = 60;

    private final IntUnaryOperator jitter;

    public FirstWriteSpread() {
        this(bound -> ThreadLocalRandom.current().nextInt(1, bound + 1));
    }

    /** @param jitter given an upper bound, a whole number of seconds from 1 to it */
    public FirstWriteSpread(final IntUnaryOperator jitter) {
        this.jitter = jitter;
    }

    /** The wait before the first write, or empty to write now; at most one CloudFormation callback. */
    public OptionalInt delaySeconds(final Optional<RouteWindow> precedingRead) {
        if (precedingRead.isEmpty() || precedingRead.get().used() <= WRITES_PER_MINUTE) {
            return OptionalInt.empty();
        }
        final int spread =
                Math.min(RetryPolicy.MAX_DELAY_SECONDS, precedingRead.get().used() * 30 / WRITES_PER_MINUTE);
        return OptionalInt.of(jitter.applyAsInt(spread));
    }
}
