package io.spot.onboarding.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Faults that hit the next N matching requests; the oldest rule with hits left is used first. */
final class FaultQueue<T> {

    private static final class Armed<T> {
        final RequestMatcher matcher;
        final T fault;
        int remaining;

        Armed(RequestMatcher matcher, T fault, int remaining) {
            this.matcher = matcher;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final List<Armed<T>> armed = new ArrayList<>();

    synchronized void add(RequestMatcher matcher, int count, T fault) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        if (count > 0) {
            armed.add(new Armed<>(matcher, fault, count));
        }
    }

    synchronized Optional<T> consume(String method, String route) {
        for (Iterator<Armed<T>> it = armed.iterator(); it.hasNext(); ) {
            Armed<T> candidate = it.next();
            if (candidate.matcher.matches(method, route)) {
                if (--candidate.remaining == 0) {
                    it.remove();
                }
                return Optional.of(candidate.fault);
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        armed.clear();
    }
}
