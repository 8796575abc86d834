package io.spot.onboarding.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Samples of one measurement, in milliseconds. */
final class Stats {
    private final List<Double> samples = new ArrayList<>();

    void add(final double millis) {
        samples.add(millis);
    }

    void addNanos(final long nanos) {
        add(nanos / 1_000_000.0);
    }

    double median() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }

    int count() {
        return samples.size();
    }

    private double percentile(final int p) {
        final List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        final int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
