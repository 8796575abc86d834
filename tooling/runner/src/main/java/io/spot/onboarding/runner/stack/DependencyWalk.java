package io.spot.onboarding.runner.stack;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Starts each node as soon as everything it waits for has completed, as CloudFormation works on
 * independent resources at the same time. After a failure it starts nothing new, lets what is
 * running finish, and then reports.
 */
final class DependencyWalk {
    private final List<String> nodes;
    private final Function<String, Collection<String>> waitsFor;
    private final Consumer<String> start;
    private final Consumer<Set<String>> finished;
    private final Set<String> started = new HashSet<>();
    private final Set<String> completed = new HashSet<>();
    private final Set<String> failed = new LinkedHashSet<>();
    private boolean reported;

    /**
     * @param nodes    in the order ties are broken (template order)
     * @param finished called once with the failed nodes (empty: all completed)
     */
    DependencyWalk(
            final List<String> nodes,
            final Function<String, Collection<String>> waitsFor,
            final Consumer<String> start,
            final Consumer<Set<String>> finished) {
        this.nodes = List.copyOf(nodes);
        this.waitsFor = waitsFor;
        this.start = start;
        this.finished = finished;
    }

    void begin() {
        startReady();
    }

    void completed(final String node) {
        completed.add(node);
        startReady();
    }

    void failed(final String node) {
        failed.add(node);
        startReady();
    }

    private void startReady() {
        if (failed.isEmpty()) {
            for (final String node : nodes) {
                if (!started.contains(node) && completed.containsAll(waitsFor.apply(node))) {
                    started.add(node);
                    start.accept(node);
                }
            }
        }
        final boolean idle = completed.size() + failed.size() == started.size();
        if (!reported && idle && (!failed.isEmpty() || completed.size() == nodes.size())) {
            reported = true;
            finished.accept(Set.copyOf(failed));
        }
    }
}
