package io.spot.onboarding.runner.stack;

import java.util.List;

/**
 * How one stack operation ended.
 *
 * @param failures  "LogicalId: reason" for each resource that failed
 * @param callbacks handler re-invocations after IN_PROGRESS (waits for Spot, IAM, rate limits)
 * @param drift     the drift results of a drift detection, else empty
 */
public record OperationOutcome(
        String stackName,
        String accountId,
        String operation,
        boolean succeeded,
        String finalStatus,
        List<String> failures,
        int callbacks,
        List<DriftResult> drift) {

    public boolean drifted() {
        return drift.stream().anyMatch(result -> result.status() != DriftResult.Status.IN_SYNC);
    }
}
