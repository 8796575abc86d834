package io.spot.onboarding.runner.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.harness.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void runsJobsInTimeOrderMovingTheClockToEach() {
        final List<String> order = new ArrayList<>();
        try (Scheduler scheduler = new Scheduler(new SimulatedTime(clock), 4)) {
            scheduler.after(Duration.ofHours(1), () -> null, r -> order.add("late@" + clock.instant()));
            scheduler.after(Duration.ofSeconds(30), () -> null, r -> {
                order.add("early@" + clock.instant());
                scheduler.after(Duration.ofMinutes(10), () -> null, s -> order.add("follow-up@" + clock.instant()));
            });
            scheduler.run();
        }
        assertThat(order)
                .containsExactly(
                        "early@2026-01-01T00:00:30Z", "follow-up@2026-01-01T00:10:30Z", "late@2026-01-01T01:00:00Z");
    }

    /**
     * The slow halves of jobs due together run at the same time (each waits for all to have
     * started), and their results are applied in the order the jobs were scheduled.
     */
    @Test
    void runsSimultaneousWorkInParallelAndAppliesResultsInScheduleOrder() {
        final int jobs = 4;
        final CountDownLatch allStarted = new CountDownLatch(jobs);
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final List<Integer> applied = Collections.synchronizedList(new ArrayList<>());
        try (Scheduler scheduler = new Scheduler(new SimulatedTime(clock), jobs)) {
            for (int i = 0; i < jobs; i++) {
                final int index = i;
                scheduler.after(
                        Duration.ZERO,
                        () -> {
                            threads.add(Thread.currentThread().getName());
                            allStarted.countDown();
                            try {
                                // A sequential scheduler would wait here forever: the test would fail, not hang.
                                return allStarted.await(30, TimeUnit.SECONDS) ? index : -1;
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return -1;
                            }
                        },
                        applied::add);
            }
            scheduler.run();
        }
        assertThat(applied).containsExactly(0, 1, 2, 3);
        assertThat(threads).hasSize(jobs);
    }

    /** A handler invocation's time in AWS passes on a simulated clock, and is never added to real time. */
    @Test
    void modelledTimePassesOnlyOnASimulatedClock() {
        final List<Instant> done = new ArrayList<>();
        try (Scheduler scheduler = new Scheduler(new SimulatedTime(clock), 1)) {
            scheduler.after(scheduler.modelled(Duration.ofSeconds(5)), () -> null, r -> done.add(clock.instant()));
            scheduler.run();
        }
        assertThat(done).containsExactly(Instant.parse("2026-01-01T00:00:05Z"));
        try (Scheduler real = new Scheduler(new WallClockTime(), 1)) {
            assertThat(real.modelled(Duration.ofSeconds(5))).isZero();
        }
    }
}
