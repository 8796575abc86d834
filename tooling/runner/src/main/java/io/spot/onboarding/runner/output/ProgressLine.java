package io.spot.onboarding.runner.output;

import io.spot.onboarding.runner.sim.Scheduler;
import io.spot.onboarding.runner.stackset.ConcurrentStacks;
import java.time.Duration;
import java.time.Instant;

/**
 * A line every couple of seconds of wall time while an operation runs, so a long run shows it is
 * alive: stacks done, in flight, failed, and the simulated time reached.
 */
public final class ProgressLine {
    private static final Duration EVERY = Duration.ofSeconds(2);

    private final Console console;
    private final Scheduler scheduler;
    private String command;
    private ConcurrentStacks.Progress counters;
    private Instant simulatedStart;
    private Instant wallStart;
    private Instant lastPrinted;

    public ProgressLine(final Console console, final Scheduler scheduler) {
        this.console = console;
        this.scheduler = scheduler;
        scheduler.afterEachInstant(this::maybePrint);
    }

    public void begin(final String operation, final ConcurrentStacks.Progress progress) {
        this.command = operation;
        this.counters = progress;
        this.simulatedStart = scheduler.now();
        this.wallStart = Instant.now();
        this.lastPrinted = wallStart;
    }

    public void end() {
        counters = null;
    }

    private void maybePrint() {
        final Instant now = Instant.now();
        if (counters == null || Duration.between(lastPrinted, now).compareTo(EVERY) < 0) {
            return;
        }
        lastPrinted = now;
        final Duration simulated = Duration.between(simulatedStart, scheduler.now());
        console.line(String.format(
                "   ... %s: %d/%d stacks done, %d in flight, %d failed; simulated %02d:%02d:%02d, " + "%.0f s",
                command,
                counters.done(),
                counters.total(),
                counters.inFlight(),
                counters.failed(),
                simulated.toHours(),
                simulated.toMinutesPart(),
                simulated.toSecondsPart(),
                Duration.between(wallStart, now).toMillis() / 1000.0));
    }
}
