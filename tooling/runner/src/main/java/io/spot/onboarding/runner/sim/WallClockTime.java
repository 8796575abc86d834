package io.spot.onboarding.runner.sim;

import java.time.Duration;
import java.time.Instant;

/** Real time, for a run against the real Spot API: its rate limits and IAM propagation do not wait for us. */
public final class WallClockTime implements TimeSource {

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public Duration modelled(final Duration inAws) {
        return Duration.ZERO;
    }

    @Override
    public void advanceTo(final Instant when) {
        final long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a callback", e);
            }
        }
    }
}
