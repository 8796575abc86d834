package io.spot.onboarding.accountalias;

import io.spot.onboarding.common.api.SpotAccount;
import io.spot.onboarding.common.handler.DefaultAccountName;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.Ownership;
import io.spot.onboarding.common.handler.Rollback;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.UnknownOwnership;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Gives the Spot account back the name it had before this resource named it (PreviousName), on a
 * stack delete and on a rollback alike, and only while it still carries the name this resource
 * applied: a name someone set outside CloudFormation since is theirs, and is left alone.
 * <ul>
 *   <li>Reused: never renamed.</li>
 *   <li>Created or Adopted: restored when PreviousName is known and the account carries AppliedName
 *       (or AppliedName is unknown because the Create never finished: a rollback of a Create that
 *       failed after its rename still gives the old name back).</li>
 *   <li>Unknown ownership (import, Cloud Control, a template that does not pass it): never renamed,
 *       as in every type ({@link UnknownOwnership}), and said so.</li>
 * </ul>
 * A Spot account that is gone is NotFound, which a stack delete takes as deleted.
 */
public class DeleteHandler extends AccountAliasHandler {

    public DeleteHandler(final SpotInvoker invoker) {
        super(Action.DELETE, invoker);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final ResourceModel model = call.model();
        final SpotAccount account = call.spot().getAccount(model.getAccountId());
        final String id = account.accountId();
        final String current = account.name();
        final String previous = model.getPreviousName();
        final String applied = model.getAppliedName();
        final Ownership ownership = Ownership.parse(model.getAccountOwnership());
        if (ownership == null) {
            return Events.deleted(
                    UnknownOwnership.leftAsIs("AccountOwnership", id, "its name '" + current + "' is left as it is"));
        }
        if (ownership == Ownership.REUSED) {
            return Events.deleted("Spot account " + id + " is Reused (AccountOwnership): its name '" + current
                    + "' was left untouched");
        }
        if (previous == null) {
            return Events.deleted("No name to restore is known for Spot account " + id + " (PreviousName is unset): "
                    + "its name '" + current + "' was left untouched");
        }
        if (DefaultAccountName.carries(current, previous)) {
            return Events.deleted(
                    "Spot account " + id + " is named '" + current + "', as before this resource named " + "it");
        }
        if (applied != null && !applied.equals(current)) {
            return Events.deleted("Spot account " + id + " was renamed to '" + current + "' outside CloudFormation "
                    + "after this resource named it '" + applied + "': that name was left, not restored to '" + previous
                    + "'");
        }
        final String restored = DefaultAccountName.rename(call.spot(), id, previous);
        final String message = "Restored Spot account " + id + "'s name from '" + current + "' to '" + restored + "' ("
                + Rollback.or(call.request(), "delete") + ")";
        call.log(message);
        return Events.deleted(message);
    }
}
