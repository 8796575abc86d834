package io.spot.onboarding.accountalias;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.spot.onboarding.common.handler.SpotCallbackContext;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.NoArgsConstructor;
import lombok.ToString;

/**
 * Progress of one AccountAlias operation. The name the account had goes in before the rename is
 * sent: a rename whose answer was lost is retried, and must not record its own result as the name
 * to restore.
 */
@Data
@NoArgsConstructor
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
@JsonIgnoreProperties(ignoreUnknown = true)
public class CallbackContext extends SpotCallbackContext {
    /** The Spot account's name before this resource first named it. */
    private String previousName;
    /** IAM was asked for the alias in an earlier invocation of this operation; {@link #alias} is its answer. */
    private boolean aliasLookedUp;
    /** The AWS account alias, or null when the account has none. */
    private String alias;
    /**
     * The account as Spot described it when {@link #previousName} was recorded (its name, and the
     * AWS account it is linked to): the invocation that renames right after needn't read it again.
     */
    private String readName;

    private String readLinkedTo;
    /** Retriable IAM failures (throttling, 5xx, network) met by this operation so far. */
    private int aliasLookupRetries;
}
