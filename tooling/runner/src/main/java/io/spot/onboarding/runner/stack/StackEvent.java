package io.spot.onboarding.runner.stack;

import java.time.Instant;

/**
 * One line of the event stream, as {@code describe-stack-events} has it.
 *
 * @param logicalId the stack's name for the stack's own events
 * @param reason    null when CloudFormation shows none
 */
public record StackEvent(
        Instant timestamp,
        String stackName,
        String accountId,
        String logicalId,
        String physicalId,
        String resourceType,
        String status,
        String reason) {
    public static final String STACK_TYPE = "AWS::CloudFormation::Stack";

    public boolean isStackEvent() {
        return STACK_TYPE.equals(resourceType);
    }

    public boolean isFailure() {
        return status.endsWith("_FAILED");
    }
}
