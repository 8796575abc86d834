package io.spot.onboarding.runner.stackset;

import io.spot.onboarding.runner.sim.Scheduler;
import io.spot.onboarding.runner.stack.OperationOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A StackSet operation over many accounts: at most {@code concurrency} stack operations in flight
 * (StackSets' MaxConcurrentCount); when one finishes, the next account starts at that simulated
 * moment.
 */
public final class ConcurrentStacks<T> {
    private final Scheduler scheduler;
    private final int concurrency;
    private final BiConsumer<T, Consumer<OperationOutcome>> start;
    private final Progress progress;
    private final Deque<Indexed<T>> waiting = new ArrayDeque<>();
    private final Map<Integer, OperationOutcome> outcomes = new TreeMap<>();
    private final Map<Integer, Duration> ends = new TreeMap<>();
    private Instant started;
    private int inFlight;

    private record Indexed<T>(int index, T item) {}

    /** Counters for the progress line, read on the scheduler's thread. */
    public static final class Progress {
        private int total;
        private int done;
        private int failed;
        private int inFlight;

        public int total() {
            return total;
        }

        public int done() {
            return done;
        }

        public int failed() {
            return failed;
        }

        public int inFlight() {
            return inFlight;
        }
    }

    public ConcurrentStacks(
            final Scheduler scheduler,
            final int concurrency,
            final BiConsumer<T, Consumer<OperationOutcome>> start,
            final Progress progress) {
        this.scheduler = scheduler;
        this.concurrency = concurrency;
        this.start = start;
        this.progress = progress;
    }

    /** Runs the operation on every item and returns the outcomes in the items' order. */
    public List<OperationOutcome> run(final List<T> items) {
        for (int i = 0; i < items.size(); i++) {
            waiting.add(new Indexed<>(i, items.get(i)));
        }
        progress.total = items.size();
        progress.done = 0;
        progress.failed = 0;
        started = scheduler.now();
        scheduler.soon(this::startMore);
        scheduler.run();
        if (outcomes.size() != items.size()) {
            throw new IllegalStateException(items.size() - outcomes.size() + " stack operations never finished");
        }
        return Collections.unmodifiableList(new ArrayList<>(outcomes.values()));
    }

    /** After {@link #run}: when each stack operation ended, from the run's start, in the items' order. */
    public List<Duration> ends() {
        return List.copyOf(ends.values());
    }

    private void startMore() {
        while (inFlight < concurrency && !waiting.isEmpty()) {
            final Indexed<T> next = waiting.poll();
            inFlight++;
            progress.inFlight = inFlight;
            start.accept(next.item(), outcome -> {
                outcomes.put(next.index(), outcome);
                ends.put(next.index(), Duration.between(started, scheduler.now()));
                inFlight--;
                progress.inFlight = inFlight;
                progress.done++;
                if (!outcome.succeeded()) {
                    progress.failed++;
                }
                scheduler.soon(this::startMore);
            });
        }
    }
}
