package io.spot.onboarding.runner.stack;

import io.spot.onboarding.runner.sim.Scheduler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.function.Consumer;

/** Deletes a stack: each resource after everything that depends on it, each Delete given its last model. */
final class DeleteStack extends StackOperation {

    DeleteStack(
            final Stack stack,
            final Scheduler scheduler,
            final EventSink sink,
            final Consumer<OperationOutcome> whenDone) {
        super(stack, scheduler, sink, whenDone);
    }

    @Override
    protected String operationName() {
        return "DELETE";
    }

    @Override
    void start() {
        stackEvent("DELETE_IN_PROGRESS", "User Initiated");
        deleteResources(
                new ArrayList<>(stack.resources().keySet()),
                new LinkedHashMap<>(stack.resources()),
                stack.dependencies(),
                false,
                notDeleted -> {
                    if (notDeleted.isEmpty()) {
                        stackEvent("DELETE_COMPLETE", null);
                        finish(true);
                    } else {
                        stackEvent("DELETE_FAILED", "The following resource(s) failed to delete: " + notDeleted + ".");
                        finish(false);
                    }
                });
    }
}
