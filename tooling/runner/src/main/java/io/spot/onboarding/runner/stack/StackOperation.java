package io.spot.onboarding.runner.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.harness.CloudFormationStandIn;
import io.spot.onboarding.runner.eval.EvaluationException;
import io.spot.onboarding.runner.sim.Scheduler;
import io.spot.onboarding.runner.template.OutputDecl;
import io.spot.onboarding.runner.types.Progress;
import io.spot.onboarding.runner.types.ResourceCall;
import io.spot.onboarding.runner.types.ResourceTask;
import io.spot.onboarding.runner.types.ResourceType;
import io.spot.onboarding.runner.types.TypeRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What create, update and delete share: events, driving a resource task through its waits, and
 * deleting resources in reverse dependency order.
 */
abstract class StackOperation {
    private static final String REPLACING =
            "Requested update requires the creation of a new physical resource; " + "hence creating one.";
    protected final Stack stack;
    protected final Scheduler scheduler;
    /** What CloudFormation answers a handler that asks about its stack (the Account's Delete does). */
    private static final CloudFormationStandIn CLOUDFORMATION = CloudFormationStandIn.shared();

    protected final EventSink sink;
    private final Consumer<OperationOutcome> whenDone;
    private final List<String> failures = new ArrayList<>();
    private int callbacks;

    StackOperation(
            final Stack stack,
            final Scheduler scheduler,
            final EventSink sink,
            final Consumer<OperationOutcome> whenDone) {
        this.stack = stack;
        this.scheduler = scheduler;
        this.sink = sink;
        this.whenDone = whenDone;
    }

    /** Starts the operation; it finishes through the scheduler and reports to {@code whenDone}. */
    abstract void start();

    protected abstract String operationName();

    protected final void stackEvent(final String status, final String reason) {
        stack.status(status);
        CLOUDFORMATION.status(stack.context().stackId(), status);
        sink.event(new StackEvent(
                scheduler.now(),
                stack.name(),
                stack.accountId(),
                stack.name(),
                stack.context().stackId(),
                StackEvent.STACK_TYPE,
                status,
                reason));
    }

    protected final void resourceEvent(
            final String logicalId,
            final String physicalId,
            final String type,
            final String status,
            final String reason) {
        sink.event(new StackEvent(
                scheduler.now(), stack.name(), stack.accountId(), logicalId, physicalId, type, status, reason));
        CLOUDFORMATION.resource(
                stack.context().stackId(), new CloudFormationStandIn.Resource(logicalId, type, physicalId, status));
        if (status.endsWith("_FAILED")) {
            failures.add(logicalId + ": " + reason);
        }
    }

    protected final void finish(final boolean succeeded) {
        whenDone.accept(new OperationOutcome(
                stack.name(),
                stack.accountId(),
                operationName(),
                succeeded,
                stack.status(),
                List.copyOf(failures),
                callbacks,
                List.of()));
    }

    /** Reports a finished drift detection; only DetectDrift has results to give. */
    protected final void finish(final List<DriftResult> drift) {
        whenDone.accept(new OperationOutcome(
                stack.name(),
                stack.accountId(),
                operationName(),
                true,
                stack.status(),
                List.copyOf(failures),
                callbacks,
                List.copyOf(drift)));
    }

    /**
     * Creates one resource: the {@code <verb>_IN_PROGRESS}, {@code _COMPLETE} and {@code _FAILED} events
     * around the type's create, and the new resource in the stack.
     *
     * @param verb     CREATE, or UPDATE when an update creates (a new resource or a replacement)
     * @param replaced the resource a replacement stands in for, or null
     * @param created  told the new resource before the COMPLETE event
     */
    protected final void createResource(
            final String logicalId,
            final ResourceType type,
            final ObjectNode desired,
            final String verb,
            final StackResource replaced,
            final Consumer<StackResource> created,
            final Runnable done,
            final Runnable failed) {
        resourceEvent(
                logicalId,
                replaced == null ? null : replaced.state().physicalId(),
                type.name(),
                verb + "_IN_PROGRESS",
                replaced == null ? null : REPLACING);
        drive(
                logicalId,
                type.name(),
                verb + "_IN_PROGRESS",
                "Resource creation Initiated",
                type.create(ResourceCall.create(stack.context(), logicalId, desired)),
                result -> {
                    final StackResource resource = new StackResource(logicalId, type, result.state(), desired);
                    stack.put(resource);
                    created.accept(resource);
                    // What the create found or left (a Reused account not enrolled, say) is the handler's message.
                    resourceEvent(
                            logicalId,
                            result.state().physicalId(),
                            type.name(),
                            verb + "_COMPLETE",
                            result.message() == null || result.message().isBlank() ? null : result.message());
                    done.run();
                },
                failure -> {
                    resourceEvent(logicalId, null, type.name(), verb + "_FAILED", reason(failure));
                    failed.run();
                });
    }

    /**
     * Runs a resource task to its end: each step is a scheduler job, each wait a job at the time
     * the wait ends, as CloudFormation calls a handler back after {@code callbackDelaySeconds}.
     *
     * @param initiated the reason of the event after a create's first step ("Resource creation
     *                  Initiated"), or null for no such event
     */
    protected final void drive(
            final String logicalId,
            final String type,
            final String inProgress,
            final String initiated,
            final ResourceTask task,
            final Consumer<Progress.Done> done,
            final Consumer<Progress.Failed> failed) {
        step(logicalId, type, inProgress, initiated, task, done, failed, Duration.ZERO);
    }

    private void step(
            final String logicalId,
            final String type,
            final String inProgress,
            final String initiated,
            final ResourceTask task,
            final Consumer<Progress.Done> done,
            final Consumer<Progress.Failed> failed,
            final Duration delay) {
        scheduler.after(delay, () -> advance(task), progress -> {
            final List<String> log = task.drainLog();
            if (!log.isEmpty()) {
                sink.handlerLog(
                        new StackEvent(
                                scheduler.now(),
                                stack.name(),
                                stack.accountId(),
                                logicalId,
                                null,
                                type,
                                inProgress,
                                null),
                        log);
            }
            if (initiated != null && !(progress instanceof Progress.Failed)) {
                resourceEvent(logicalId, physicalId(progress), type, inProgress, initiated);
            }
            if (progress instanceof Progress.Waiting waiting) {
                callbacks++;
                if (waiting.message() != null && !waiting.message().isBlank()) {
                    resourceEvent(logicalId, null, type, inProgress, waiting.message());
                }
                step(logicalId, type, inProgress, null, task, done, failed, Duration.ofSeconds(waiting.delaySeconds()));
            } else if (progress instanceof Progress.Done finished) {
                done.accept(finished);
            } else {
                failed.accept((Progress.Failed) progress);
            }
        });
    }

    private static Progress advance(final ResourceTask task) {
        try {
            return task.advance();
        } catch (RuntimeException unexpected) {
            // A bug or an unreachable service; CloudFormation shows an InternalFailure, so do we.
            return new Progress.Failed("InternalFailure", String.valueOf(unexpected));
        }
    }

    private static String physicalId(final Progress progress) {
        return progress instanceof Progress.Done done && done.state() != null
                ? done.state().physicalId()
                : null;
    }

    /**
     * Deletes {@code logicalIds} (existing resources) each after everything that depends on it,
     * then calls {@code finished} with the ones that failed to delete. {@code rollback}: the deletes
     * undo a failed create or update, and the handlers are told so.
     */
    protected final void deleteResources(
            final List<String> logicalIds,
            final Map<String, StackResource> which,
            final Map<String, Set<String>> dependencies,
            final boolean rollback,
            final Consumer<Set<String>> finished) {
        walk(
                logicalIds,
                id -> dependents(id, logicalIds, dependencies),
                (id, deleted, notDeleted) -> deleteResource(which.get(id), rollback, deleted, notDeleted),
                finished);
    }

    /** What a walk does to one resource: then {@code done} or {@code failed}. */
    @FunctionalInterface
    protected interface ResourceStep {
        void run(String logicalId, Runnable done, Runnable failed);
    }

    /**
     * Runs {@code step} on each of {@code logicalIds} once all it waits for is done, then calls
     * {@code finished} with the ones that failed.
     */
    protected final void walk(
            final List<String> logicalIds,
            final Function<String, Collection<String>> waitsFor,
            final ResourceStep step,
            final Consumer<Set<String>> finished) {
        final DependencyWalk[] walk = new DependencyWalk[1];
        walk[0] = new DependencyWalk(
                logicalIds,
                waitsFor,
                id -> step.run(id, () -> walk[0].completed(id), () -> walk[0].failed(id)),
                finished);
        scheduler.soon(walk[0]::begin);
    }

    /**
     * The template's properties of a resource, or null when they cannot be evaluated: then
     * {@code verb}_FAILED is reported and {@code failed} scheduled.
     */
    protected final ObjectNode desiredOrFail(
            final String logicalId, final ResourceType type, final String verb, final Runnable failed) {
        try {
            return desired(logicalId);
        } catch (EvaluationException e) {
            resourceEvent(logicalId, null, type.name(), verb + "_FAILED", e.getMessage());
            scheduler.soon(failed);
            return null;
        }
    }

    private static List<String> dependents(
            final String id, final List<String> among, final Map<String, Set<String>> dependencies) {
        return among.stream()
                .filter(other -> dependencies.getOrDefault(other, Set.of()).contains(id))
                .toList();
    }

    private void deleteResource(
            final StackResource resource, final boolean rollback, final Runnable deleted, final Runnable notDeleted) {
        final String type = resource.type().name();
        resourceEvent(resource.logicalId(), resource.state().physicalId(), type, "DELETE_IN_PROGRESS", null);
        final ResourceCall call = ResourceCall.existing(stack.context(), resource.logicalId(), resource.state());
        final ResourceTask task = resource.type().delete(rollback ? call.rollingBack() : call);
        drive(
                resource.logicalId(),
                type,
                "DELETE_IN_PROGRESS",
                null,
                task,
                done -> {
                    // What a delete leaves in Spot (a link kept, an enrollment kept, a name restored) is
                    // the handler's message: shown as the event's reason, as the console shows it.
                    resourceEvent(
                            resource.logicalId(),
                            resource.state().physicalId(),
                            type,
                            "DELETE_COMPLETE",
                            done.message() == null || done.message().isBlank() ? null : done.message());
                    forget(resource);
                    deleted.run();
                },
                failure -> {
                    if (failure.isNotFound()) {
                        // CloudFormation counts a resource that is already gone as deleted.
                        resourceEvent(
                                resource.logicalId(),
                                resource.state().physicalId(),
                                type,
                                "DELETE_COMPLETE",
                                "already gone: " + failure.message());
                        forget(resource);
                        deleted.run();
                    } else {
                        resourceEvent(
                                resource.logicalId(),
                                resource.state().physicalId(),
                                type,
                                "DELETE_FAILED",
                                reason(failure));
                        notDeleted.run();
                    }
                });
    }

    /** A replaced resource's old instance is not the stack's: removing it must not drop its successor. */
    private void forget(final StackResource resource) {
        if (stack.resource(resource.logicalId()) == resource) {
            stack.remove(resource.logicalId());
        }
    }

    protected static String reason(final Progress.Failed failure) {
        return failure.message() + " (HandlerErrorCode: " + failure.errorCode() + ")";
    }

    /** The template's properties of a resource, evaluated against the stack as it is now. */
    protected final ObjectNode desired(final String logicalId) {
        return StackResolver.evaluator(stack).properties(stack.template().resource(logicalId));
    }

    protected final ResourceType typeOf(final String logicalId, final TypeRegistry types) {
        return types.get(stack.template().resource(logicalId).type());
    }

    /** The outputs whose condition holds, as text. */
    protected final void computeOutputs() {
        final Map<String, String> values = new LinkedHashMap<>();
        for (final OutputDecl output : stack.template().outputs().values()) {
            if (stack.conditions().allows(output.condition())) {
                try {
                    final JsonNode value = StackResolver.evaluator(stack).evaluate(output.value());
                    values.put(output.name(), value == null ? "" : value.isArray() ? join(value) : value.asText());
                } catch (EvaluationException e) {
                    values.put(output.name(), "(" + e.getMessage() + ")");
                }
            }
        }
        stack.outputs(values);
    }

    private static String join(final JsonNode list) {
        final List<String> items = new ArrayList<>();
        list.forEach(item -> items.add(item.asText()));
        return String.join(",", items);
    }
}
