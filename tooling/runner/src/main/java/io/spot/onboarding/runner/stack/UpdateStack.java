package io.spot.onboarding.runner.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.runner.eval.Conditions;
import io.spot.onboarding.runner.eval.ParameterValues;
import io.spot.onboarding.runner.sim.Scheduler;
import io.spot.onboarding.runner.types.ResourceCall;
import io.spot.onboarding.runner.types.ResourceType;
import io.spot.onboarding.runner.types.TypeRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Updates a stack to new parameter values, as CloudFormation does: a resource whose properties
 * did not change is left alone; a changed create-only property replaces it (the new one first, the
 * old one deleted in the cleanup phase, with the resources the new conditions drop); anything
 * else goes to the type's Update. A failure rolls back what the update had changed.
 */
final class UpdateStack extends StackOperation {

    private enum Kind {
        CREATED,
        UPDATED,
        REPLACED
    }

    /** One change the update made, kept to undo it on rollback. */
    private record Change(Kind kind, StackResource before, StackResource after) {}

    private final TypeRegistry types;
    private final DependencyGraph graph;
    private final boolean rollback;
    private final ParameterValues previousParameters;
    private final Conditions previousConditions;
    private final Map<String, Set<String>> previousDependencies;
    private final List<Change> changes = new ArrayList<>();
    private final Map<String, StackResource> replaced = new LinkedHashMap<>();

    UpdateStack(
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
        this.previousParameters = stack.parameters();
        this.previousConditions = stack.conditions();
        this.previousDependencies = stack.dependencies();
        stack.configuration(parameters, conditions);
    }

    @Override
    protected String operationName() {
        return "UPDATE";
    }

    @Override
    void start() {
        stackEvent("UPDATE_IN_PROGRESS", "User Initiated");
        walk(graph.creationOrder(stack.template()), graph::dependenciesOf, this::update, this::updated);
    }

    private void update(final String logicalId, final Runnable done, final Runnable failed) {
        final ResourceType type = typeOf(logicalId, types);
        final ObjectNode desired = desiredOrFail(logicalId, type, "UPDATE", failed);
        if (desired == null) {
            return;
        }
        final StackResource existing = stack.resource(logicalId);
        if (existing == null) {
            create(logicalId, type, desired, "CREATE", null, done, failed);
        } else if (!existing.type().name().equals(type.name()) || replaces(type, existing.applied(), desired)) {
            create(logicalId, type, desired, "UPDATE", existing, done, failed);
        } else if (desired.equals(existing.applied())) {
            scheduler.soon(done);
        } else {
            updateInPlace(existing, type, desired, done, failed);
        }
    }

    private static boolean replaces(final ResourceType type, final ObjectNode applied, final ObjectNode desired) {
        return type.spec().createOnly().stream().anyMatch(p -> !Objects.equals(applied.get(p), desired.get(p)));
    }

    /** A new resource, or (with {@code old}) the replacement of one. */
    private void create(
            final String logicalId,
            final ResourceType type,
            final ObjectNode desired,
            final String verb,
            final StackResource old,
            final Runnable done,
            final Runnable failed) {
        createResource(
                logicalId,
                type,
                desired,
                verb,
                old,
                created -> {
                    if (old != null) {
                        replaced.put(logicalId, old);
                    }
                    changes.add(new Change(old == null ? Kind.CREATED : Kind.REPLACED, old, created));
                },
                done,
                failed);
    }

    private void updateInPlace(
            final StackResource existing,
            final ResourceType type,
            final ObjectNode desired,
            final Runnable done,
            final Runnable failed) {
        final String logicalId = existing.logicalId();
        final String physicalId = existing.state().physicalId();
        resourceEvent(logicalId, physicalId, type.name(), "UPDATE_IN_PROGRESS", null);
        drive(
                logicalId,
                type.name(),
                "UPDATE_IN_PROGRESS",
                null,
                type.update(new ResourceCall(
                        stack.context(), logicalId, desired, existing.applied(), existing.state(), false)),
                result -> {
                    final StackResource updated = new StackResource(logicalId, type, result.state(), desired);
                    stack.put(updated);
                    changes.add(new Change(Kind.UPDATED, existing, updated));
                    resourceEvent(logicalId, physicalId, type.name(), "UPDATE_COMPLETE", result.message());
                    done.run();
                },
                failure -> {
                    resourceEvent(logicalId, physicalId, type.name(), "UPDATE_FAILED", reason(failure));
                    failed.run();
                });
    }

    private void updated(final Set<String> failed) {
        if (!failed.isEmpty()) {
            rollBack(failed);
            return;
        }
        stackEvent("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null);
        final Map<String, StackResource> cleanup = new LinkedHashMap<>(replaced);
        stack.resources().forEach((id, resource) -> {
            if (!graph.resources().contains(id)) {
                cleanup.put(id, resource);
            }
        });
        deleteResources(new ArrayList<>(cleanup.keySet()), cleanup, previousDependencies, false, notDeleted -> {
            stack.dependencies(graph.edges());
            computeOutputs();
            sink.outputs(stack);
            // CloudFormation does not fail an update whose cleanup could not delete something.
            stackEvent("UPDATE_COMPLETE", null);
            finish(true);
        });
    }

    private void rollBack(final Set<String> failed) {
        final String reason = "The following resource(s) failed to update: " + new ArrayList<>(failed) + ". ";
        if (!rollback) {
            stackEvent("UPDATE_FAILED", reason + "Rollback disabled.");
            finish(false);
            return;
        }
        stackEvent("UPDATE_ROLLBACK_IN_PROGRESS", reason);
        stack.configuration(previousParameters, previousConditions);
        final List<Change> undo = new ArrayList<>(changes);
        Collections.reverse(undo);
        undo(undo, 0);
    }

    /** Undoes the changes one at a time, newest first. */
    private void undo(final List<Change> undo, final int next) {
        if (next == undo.size()) {
            stack.dependencies(previousDependencies);
            computeOutputs();
            stackEvent("UPDATE_ROLLBACK_COMPLETE", null);
            finish(false);
            return;
        }
        final Change change = undo.get(next);
        final Runnable then = () -> undo(undo, next + 1);
        final StackResource after = change.after();
        switch (change.kind()) {
            case CREATED ->
                deleteResources(
                        List.of(after.logicalId()),
                        Map.of(after.logicalId(), after),
                        Map.of(),
                        true,
                        ignored -> then.run());
            case REPLACED ->
                deleteResources(
                        List.of(after.logicalId()), Map.of(after.logicalId(), after), Map.of(), true, ignored -> {
                            stack.put(change.before());
                            then.run();
                        });
            case UPDATED -> restore(change.before(), after, then);
            default -> throw new IllegalStateException(change.kind().name());
        }
    }

    private void restore(final StackResource before, final StackResource after, final Runnable then) {
        final String logicalId = before.logicalId();
        final String type = before.type().name();
        resourceEvent(logicalId, after.state().physicalId(), type, "UPDATE_IN_PROGRESS", null);
        drive(
                logicalId,
                type,
                "UPDATE_IN_PROGRESS",
                null,
                before.type()
                        .update(new ResourceCall(
                                stack.context(), logicalId, before.applied(), after.applied(), after.state(), true)),
                result -> {
                    stack.put(new StackResource(logicalId, before.type(), result.state(), before.applied()));
                    resourceEvent(logicalId, result.state().physicalId(), type, "UPDATE_COMPLETE", null);
                    then.run();
                },
                failure -> {
                    resourceEvent(logicalId, after.state().physicalId(), type, "UPDATE_FAILED", reason(failure));
                    then.run();
                });
    }
}
