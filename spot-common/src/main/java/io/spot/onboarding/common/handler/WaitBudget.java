package io.spot.onboarding.common.handler;

import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * One budget for every wait of an operation: Spot's rate limit, the create pace, IAM propagation and
 * Cost Intelligence's listing all count against it, so the longest an operation can wait is one stated
 * figure whatever it waited on. 2,000 minutes: below the 2,160 the schemas give Create, Update and
 * Delete (the registry's most), leaving the operation 160 minutes for its own work. A StackSet run at
 * 100% concurrency puts every account of the organization in line at once, and Spot publishes no limit
 * to size the line by, so the budget is the longest the registry allows, not a guess at the queue.
 */
public final class WaitBudget {
    public static final int MAX_WAIT_SECONDS = 2000 * 60;

    private WaitBudget() {}

    /** Seconds this operation may still wait. */
    public static int remaining(final SpotCallbackContext context) {
        return Math.max(0, MAX_WAIT_SECONDS - context.getWaitedSeconds() - context.getOwedWaitSeconds());
    }

    /**
     * The event as it leaves the handler: an IN_PROGRESS wait is counted, or, past the budget, becomes
     * FAILED saying what the operation was waiting for.
     */
    public static <M, C extends SpotCallbackContext> ProgressEvent<M, C> count(
            final ProgressEvent<M, C> event, final C context) {
        if (event.getStatus() != OperationStatus.IN_PROGRESS || context == null) {
            return event;
        }
        final int delay = event.getCallbackDelaySeconds();
        if (delay > remaining(context)) {
            return ProgressEvent.<M, C>builder()
                    .status(OperationStatus.FAILED)
                    .errorCode(
                            context.getThrottleRetries() > 0
                                    ? HandlerErrorCode.Throttling
                                    : HandlerErrorCode.NotStabilized)
                    .resourceModel(event.getResourceModel())
                    .message("Gave up after waiting " + context.getWaitedSeconds() / 60
                            + " minutes in all, the most one "
                            + "operation waits (" + MAX_WAIT_SECONDS / 60 + "); it was about to wait again: "
                            + event.getMessage()
                            + ". Run the stack operation again later, or with fewer stacks in flight.")
                    .build();
        }
        context.setWaitedSeconds(context.getWaitedSeconds() + delay);
        return event;
    }
}
