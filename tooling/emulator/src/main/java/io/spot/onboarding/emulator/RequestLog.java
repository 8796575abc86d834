package io.spot.onboarding.emulator;

import java.util.ArrayList;
import java.util.List;

final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    /** Counts by method and route template, with the same "*" wildcards as the faults. */
    synchronized int count(String method, String route) {
        RequestMatcher matcher = new RequestMatcher(method, route);
        return (int) requests.stream()
                .filter(r -> matcher.matches(r.method(), r.route()))
                .count();
    }

    synchronized void clear() {
        requests.clear();
    }
}
