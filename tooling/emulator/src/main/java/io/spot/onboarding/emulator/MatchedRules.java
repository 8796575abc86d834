package io.spot.onboarding.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Standing rules; when several match a request, the one added last wins. */
final class MatchedRules<T> {

    private record Rule<T>(RequestMatcher matcher, T value) {}

    private final List<Rule<T>> rules = new ArrayList<>();

    synchronized void add(RequestMatcher matcher, T value) {
        rules.add(new Rule<>(matcher, value));
    }

    synchronized Optional<T> find(String method, String route) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            if (rules.get(i).matcher().matches(method, route)) {
                return Optional.of(rules.get(i).value());
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        rules.clear();
    }
}
