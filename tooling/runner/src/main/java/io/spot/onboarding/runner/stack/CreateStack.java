package io.spot.onboarding.runner.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.runner.eval.Conditions;
import io.spot.onboarding.runner.eval.ParameterValues;
import io.spot.onboarding.runner.sim.Scheduler;
import io.spot.onboarding.runner.types.ResourceType;
import io.spot.onboarding.runner.types.TypeRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Creates a stack: every resource once what it needs exists, independent ones at the same time;
 * on a failure, rolls back by deleting what was created, as CloudFormation does by default.
 */
final class CreateStack extends StackOperation {
    private final TypeRegistry types;
    private final DependencyGraph graph;
    private final boolean rollback;

    CreateStack(
            final Stack stack,
            final ParameterValues parameters,
            final Conditions conditions,
            final DependencyGraph graph,
            final TypeRegistry types,
            final boolean rollback,
            final Scheduler scheduler,
            final EventSink sink,
            final Consumer<OperationOutcome> whenDone) {
        super(stack, scheduler, sink, whenDone);
        this.types = types;
        this.graph = graph;
        this.rollback = rollback;
        stack.configuration(parameters, conditions);
        stack.dependencies(graph.edges());
    }

    @Override
    protected String operationName() {
        return "CREATE";
    }

    @Override
    void start() {
        stackEvent("CREATE_IN_PROGRESS", "User Initiated");
        walk(graph.creationOrder(stack.template()), graph::dependenciesOf, this::create, this::created);
    }

    private void create(final String logicalId, final Runnable created, final Runnable failed) {
        final ResourceType type = typeOf(logicalId, types);
        final ObjectNode desired = desiredOrFail(logicalId, type, "CREATE", failed);
        if (desired == null) {
            return;
        }
        createResource(logicalId, type, desired, "CREATE", null, resource -> {}, created, failed);
    }

    private void created(final Set<String> failed) {
        if (failed.isEmpty()) {
            computeOutputs();
            sink.outputs(stack);
            stackEvent("CREATE_COMPLETE", null);
            finish(true);
            return;
        }
        final String reason = "The following resource(s) failed to create: " + new ArrayList<>(failed) + ". ";
        if (!rollback) {
            stackEvent("CREATE_FAILED", reason + "Rollback disabled.");
            finish(false);
            return;
        }
        stackEvent("ROLLBACK_IN_PROGRESS", reason + "Rollback requested by user.");
        final List<String> existing = new ArrayList<>(stack.resources().keySet());
        deleteResources(existing, new LinkedHashMap<>(stack.resources()), stack.dependencies(), true, notDeleted -> {
            stackEvent(
                    notDeleted.isEmpty() ? "ROLLBACK_COMPLETE" : "ROLLBACK_FAILED",
                    notDeleted.isEmpty() ? null : "The following resource(s) failed to delete: " + notDeleted + ".");
            finish(false);
        });
    }
}
