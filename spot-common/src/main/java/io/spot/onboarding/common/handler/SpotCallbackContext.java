package io.spot.onboarding.common.handler;

import lombok.Data;

/**
 * What every type's callback context carries for the shared waits and retries. Each type's
 * {@code CallbackContext} extends it with its own progress markers.
 */
@Data
public class SpotCallbackContext {
    /** 429 answers met by this operation so far. */
    private int throttleRetries;
    /** Seconds this operation has waited so far, for any reason: what {@link WaitBudget} bounds. */
    private int waitedSeconds;
    /**
     * Seconds of a rate-limit wait still to wait before Spot is called again: the part of a wait
     * beyond the 600 s CloudFormation allows one callback ({@link RetryPolicy}).
     */
    private int owedWaitSeconds;
    /** 5xx and network failures met by this operation so far. */
    private int transientRetries;
}
