package io.spot.onboarding.runner.sim;

import io.spot.onboarding.harness.MutableClock;
import java.time.Duration;
import java.time.Instant;

/**
 * Time on the clock the Spot emulator also runs on: a wait of ten minutes (a callback delay, a
 * rate-limit window, IAM propagation) passes at once, and everything that reads the clock agrees.
 */
public final class SimulatedTime implements TimeSource {
    private final MutableClock clock;

    public SimulatedTime(final MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Duration modelled(final Duration inAws) {
        return inAws;
    }

    @Override
    public void advanceTo(final Instant when) {
        final Duration step = Duration.between(clock.instant(), when);
        if (!step.isNegative()) {
            clock.advance(step);
        }
    }
}
