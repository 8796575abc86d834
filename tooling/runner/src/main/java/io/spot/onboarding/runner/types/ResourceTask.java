package io.spot.onboarding.runner.types;

import java.util.List;

/**
 * One create, update or delete of one resource, advanced step by step: the stack engine calls
 * {@link #advance} once, then again after each {@link Progress.Waiting}, at the simulated time
 * the wait ends. An implementation never sleeps.
 */
@FunctionalInterface
public interface ResourceTask {

    Progress advance();

    /** What the handler logged since the last call, shown with --verbose. */
    default List<String> drainLog() {
        return List.of();
    }
}
