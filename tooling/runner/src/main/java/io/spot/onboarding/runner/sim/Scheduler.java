package io.spot.onboarding.runner.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A discrete-event scheduler. An event is a job at a point in time: a handler invocation, an AWS
 * call, a stack taking its next step. Time jumps from one event to the next, so waits cost
 * nothing, while their order is kept.
 *
 * <p>A job has two halves. {@code work} (the slow part: HTTP to Spot or moto) of all jobs due at
 * the same instant runs in parallel on a few threads; then each job's {@code then} runs on the
 * scheduler's thread, one at a time, in the order the jobs were scheduled. State changes and
 * output happen only in {@code then}, so a run's events and results are the same whatever the
 * threads do.
 */
public final class Scheduler implements AutoCloseable {
    private final TimeSource time;
    private final ExecutorService workers;
    private final PriorityQueue<Job<?>> queue = new PriorityQueue<>();
    private final List<Runnable> afterEachInstant = new ArrayList<>();
    private long sequence;
    private long jobsRun;

    public Scheduler(final TimeSource time, final int threads) {
        this.time = time;
        this.workers = Executors.newFixedThreadPool(threads, daemonThreads());
    }

    public Instant now() {
        return time.now();
    }

    /** See {@link TimeSource#modelled}. */
    public Duration modelled(final Duration inAws) {
        return time.modelled(inAws);
    }

    /** Schedules a job {@code delay} from now. */
    public <R> void after(final Duration delay, final Supplier<R> work, final Consumer<R> then) {
        queue.add(new Job<>(time.now().plus(delay), sequence++, work, then));
    }

    /** Schedules a job with no slow part, now (after the jobs already due now). */
    public void soon(final Runnable then) {
        after(Duration.ZERO, () -> null, ignored -> then.run());
    }

    /** Called after each instant's jobs are done: for progress lines. */
    public void afterEachInstant(final Runnable listener) {
        afterEachInstant.add(listener);
    }

    public long jobsRun() {
        return jobsRun;
    }

    /** Runs until no job is left. */
    public void run() {
        while (!queue.isEmpty()) {
            final Instant due = queue.peek().at;
            time.advanceTo(due);
            final List<Job<?>> batch = new ArrayList<>();
            while (!queue.isEmpty() && !queue.peek().at.isAfter(due)) {
                batch.add(queue.poll());
            }
            runBatch(batch);
            afterEachInstant.forEach(Runnable::run);
        }
    }

    private void runBatch(final List<Job<?>> batch) {
        if (batch.size() == 1) {
            batch.get(0).finishWith(batch.get(0).work.get());
            jobsRun++;
            return;
        }
        final List<Future<?>> results = new ArrayList<>();
        for (final Job<?> job : batch) {
            results.add(workers.submit(job.work::get));
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).finishWith(result(results.get(i)));
            jobsRun++;
        }
    }

    private static Object result(final Future<?> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        final AtomicInteger count = new AtomicInteger();
        return runnable -> {
            final Thread thread = new Thread(runnable, "runner-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class Job<R> implements Comparable<Job<?>> {
        private final Instant at;
        private final long sequence;
        private final Supplier<R> work;
        private final Consumer<R> then;

        Job(final Instant at, final long sequence, final Supplier<R> work, final Consumer<R> then) {
            this.at = at;
            this.sequence = sequence;
            this.work = work;
            this.then = then;
        }

        @SuppressWarnings("unchecked")
        void finishWith(final Object result) {
            then.accept((R) result);
        }

        @Override
        public int compareTo(final Job<?> other) {
            final int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
