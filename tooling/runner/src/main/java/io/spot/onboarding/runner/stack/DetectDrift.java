package io.spot.onboarding.runner.stack;

import io.spot.onboarding.runner.sim.Scheduler;
import io.spot.onboarding.runner.types.ReadOutcome;
import io.spot.onboarding.runner.types.ResourceCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Drift detection: every resource read at once (Read handler for a Spot type, the service's own
 * read for an AWS type) and compared with the properties the template set, as last applied. Each
 * read takes {@link #READ_IN_AWS} of simulated time, as a Read's Lambda invocation takes time in
 * AWS: without it, every stack of a StackSet drift detection read Spot in the same simulated
 * instant, and a 600-a-minute read route refused all reads past the 600th.
 */
final class DetectDrift extends StackOperation {
    /**
     * An assumption, not a measurement: CloudFormation invoking a Java handler's Lambda, the token
     * read from Secrets Manager, one Spot call. A warm invocation takes under a second, a cold one
     * of these 24 MB jars several.
     */
    static final Duration READ_IN_AWS = Duration.ofSeconds(5);

    private final List<DriftResult> results = new ArrayList<>();

    DetectDrift(
            final Stack stack,
            final Scheduler scheduler,
            final EventSink sink,
            final Consumer<OperationOutcome> whenDone) {
        super(stack, scheduler, sink, whenDone);
    }

    @Override
    protected String operationName() {
        return "DETECT_DRIFT";
    }

    @Override
    void start() {
        final List<StackResource> resources = new ArrayList<>(stack.resources().values());
        if (resources.isEmpty()) {
            scheduler.soon(() -> finish(List.of()));
            return;
        }
        for (final StackResource resource : resources) {
            scheduler.after(
                    scheduler.modelled(READ_IN_AWS),
                    () -> resource.type()
                            .read(ResourceCall.existing(stack.context(), resource.logicalId(), resource.state())),
                    outcome -> {
                        final DriftResult result = compare(resource, outcome);
                        results.add(result);
                        sink.drift(stack, result);
                        if (results.size() == resources.size()) {
                            stack.driftStatus(
                                    results.stream()
                                                    .anyMatch(r -> r.status() == DriftResult.Status.MODIFIED
                                                            || r.status() == DriftResult.Status.DELETED)
                                            ? "DRIFTED"
                                            : "IN_SYNC");
                            finish(results);
                        }
                    });
        }
    }

    private static DriftResult compare(final StackResource resource, final ReadOutcome outcome) {
        final String type = resource.type().name();
        final String physicalId = resource.state().physicalId();
        if (outcome.failure() != null) {
            return new DriftResult(
                    resource.logicalId(),
                    physicalId,
                    type,
                    DriftResult.Status.NOT_CHECKED,
                    List.of(),
                    outcome.failure());
        }
        if (outcome.actual() == null) {
            return new DriftResult(resource.logicalId(), physicalId, type, DriftResult.Status.DELETED, List.of(), null);
        }
        final var differences = DriftComparison.differences(resource.type(), resource.applied(), outcome.actual());
        return new DriftResult(
                resource.logicalId(),
                physicalId,
                type,
                differences.isEmpty() ? DriftResult.Status.IN_SYNC : DriftResult.Status.MODIFIED,
                differences,
                null);
    }
}
