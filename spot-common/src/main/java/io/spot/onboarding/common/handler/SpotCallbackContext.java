package io.spot.onboarding.common.handler;

import lombok.Data;

/**
 * What every type's callback context carries for the shared retry policy. Each type's
 * {@code CallbackContext} extends it with its own progress markers.
 */
@Data
public class SpotCallbackContext {
    /** 429 answers met by this operation so far. */
    private int throttleRetries;
    /** Seconds this operation has waited out Spot's rate limit so far. */
    private int throttleWaitSeconds;
    /** 5xx and network failures met by this operation so far. */
    private int transientRetries;
}
