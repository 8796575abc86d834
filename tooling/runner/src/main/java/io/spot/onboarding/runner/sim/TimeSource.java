package io.spot.onboarding.runner.sim;

import java.time.Duration;
import java.time.Instant;

/** The time the scheduler runs on. */
public interface TimeSource {

    Instant now();

    /** Moves time forward to {@code when}: at once on a simulated clock, by waiting on a real one. */
    void advanceTo(Instant when);

    /**
     * How long a step that runs instantly here takes in AWS (a handler's Lambda invocation, which
     * the runner makes in-process in milliseconds): {@code inAws} on a simulated clock, so that the
     * calls of many stacks spread over time as they would; nothing on a real clock, where the step
     * takes its real time.
     */
    Duration modelled(Duration inAws);
}
