package io.spot.onboarding.linkedcredentials;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.spot.onboarding.common.handler.SpotCallbackContext;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.NoArgsConstructor;
import lombok.ToString;

/**
 * Progress of one Create or Update: which steps are behind it, so a re-invocation after a wait
 * repeats only the step that has to be repeated (the set-credentials call while IAM propagates,
 * or the read-back that confirms it).
 */
@Data
@NoArgsConstructor
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
@JsonIgnoreProperties(ignoreUnknown = true)
public class CallbackContext extends SpotCallbackContext {
    /** The account and its current link were checked; what follows is the link itself. */
    private boolean checked;
    /** The role the account was linked to before this operation, for the result's message. */
    private String previousRoleArn;
    /** Spot answered the set-credentials call with success; only the read-back is left. */
    private boolean linkAccepted;
    /** Waits spent on IAM propagation and on the read-back, out of {@link PropagationWait}'s budget. */
    private int stabilizationWaits;
}
