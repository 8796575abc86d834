package io.spot.onboarding.account;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.spot.onboarding.common.handler.SpotCallbackContext;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.NoArgsConstructor;
import lombok.ToString;

/**
 * Progress of one Account operation. The Spot account ID goes in the moment it is known: Spot
 * has no idempotency token, so a re-invoked Create must find its account here, not create another.
 */
@Data
@NoArgsConstructor
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
@JsonIgnoreProperties(ignoreUnknown = true)
public class CallbackContext extends SpotCallbackContext {
    private String accountId;
    private String ownership;
    private String organizationId;
    /** The account's name in Spot when it was found or created. */
    private String spotName;

    private String externalId;
    /** An Adopted account's name before this Create renamed it: what a rollback puts back. */
    private String previousName;
    /**
     * This operation looked the AWS account up and found no Spot account connected to it: the
     * listing before the create checks again, and a retry after the spread needn't look it up.
     */
    private boolean connectedRuledOut;
    /**
     * This operation listed the organization and found no account an earlier attempt created, and
     * has sent no create since whose outcome is unknown or that Spot refused.
     */
    private boolean earlierAttemptsRuledOut;
    /** Creates of this operation Spot's rate limit refused: each makes its next create more patient (CreatePace). */
    private int createRefusals;
    /** The create route's {@code X-RateLimit-Limit}, once Spot has answered a create of this operation. */
    private Integer createLimit;
    /** The busiest minute of creates this operation's listings have shown (CreatePace): a pace Spot allowed. */
    private int createPeak;
    /** Waits this operation drew before creating (CreatePace spreads longer without Spot's headers). */
    private int createWaits;
    /** A DELETE was sent by an earlier invocation, whose answer may have been lost. */
    private boolean deleteIssued;
}
