package io.spot.onboarding.runner.sim;

import java.time.Instant;

/** The time the scheduler runs on. */
public interface TimeSource {

    Instant now();

    /** Moves time forward to {@code when}: at once on a simulated clock, by waiting on a real one. */
    void advanceTo(Instant when);
}
