package io.spot.onboarding.common.handler;

import io.spot.onboarding.common.api.SpotApi;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * One meaning, in every type, of a model that does not say how the stack holds the Spot account (the
 * Account's {@code Ownership}, the other types' {@code AccountOwnership}): resource import, Cloud
 * Control's calls that carry the identifier alone, a template that does not pass it. Nothing proves the
 * stack may change the account, so every handler leaves Spot as it is and its event message says so.
 */
public final class UnknownOwnership {
    private UnknownOwnership() {}

    /** Whether the handler may write to the account: only for a known ownership that is not Reused. */
    public static boolean mayWrite(final String ownership) {
        final Ownership held = Ownership.parse(ownership);
        return held != null && held.mayChange();
    }

    /**
     * An Update's AccountOwnership: the new model's, else the one the resource has (a template that stops
     * giving it does not make it unknown); null when neither says, as with Cloud Control, whose models
     * come from a Read, which never returns this write-only property.
     */
    public static String forUpdate(final String desired, final String previous) {
        return Ownership.parse(desired) != null ? desired : Ownership.parse(previous) != null ? previous : null;
    }

    /** Why a handler only observes the account: it is Reused, or nothing says how the stack holds it. */
    public static String holder(final String property, final String ownership, final String accountId) {
        return Ownership.parse(ownership) == Ownership.REUSED
                ? "Spot account " + accountId + " is Reused (" + property + ")"
                : why(property, accountId);
    }

    /** The reason an unknown ownership writes nothing, as the start of an event message. */
    public static String why(final String property, final String accountId) {
        return property + " is unknown (resource import, Cloud Control, or a template that does not pass it), so "
                + "nothing shows that this stack may change Spot account " + accountId;
    }

    /** An event message: why, then what was left ("its name 'x' is left as it is"). */
    public static String leftAsIs(final String property, final String accountId, final String left) {
        return why(property, accountId) + ": " + left + "; nothing was written in Spot.";
    }

    /**
     * A Delete that cannot know the ownership: the account is read, so one that no longer exists is
     * NotFound as for any resource already deleted; nothing is written, and the message says what was left.
     */
    public static <M, C> ProgressEvent<M, C> deleted(
            final SpotApi spot, final String property, final String accountId, final String left) {
        spot.getAccount(accountId);
        return Events.deleted(leftAsIs(property, accountId, left));
    }
}
