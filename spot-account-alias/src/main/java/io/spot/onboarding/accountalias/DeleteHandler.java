package io.spot.onboarding.accountalias;

import io.spot.onboarding.common.api.SpotAccount;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Gives the Spot account back the name it had before this resource named it (PreviousName), and
 * only while it still carries the name this resource applied (AppliedName): a name someone set
 * outside CloudFormation since is theirs, and is left alone. A Reused account is never renamed.
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
        if (!isAccountId(model.getAccountId())) {
            return notAnAccountId(model.getAccountId());
        }
        final SpotAccount account = call.spot().getAccount(model.getAccountId());
        final String id = account.accountId();
        final String current = account.name();
        final String previous = model.getPreviousName();
        if (isReused(model)) {
            return Events.deleted("Spot account " + id + " is Reused (AccountOwnership): its name '" + current
                + "' was left untouched");
        }
        if (previous == null) {
            return Events.deleted("No name to restore is known for Spot account " + id + " (PreviousName is unset): "
                + "its name '" + current + "' was left untouched");
        }
        if (previous.equals(current)) {
            return Events.deleted("Spot account " + id + " is named '" + current + "', as before this resource named "
                + "it");
        }
        final String applied = model.getAppliedName();
        if (applied != null && !applied.equals(current)) {
            return Events.deleted("Spot account " + id + " was renamed to '" + current + "' outside CloudFormation "
                + "after this resource named it '" + applied + "': that name was left, not restored to '" + previous
                + "'");
        }
        call.spot().renameAccount(id, previous);
        call.log("Restored Spot account " + id + "'s name from '" + current + "' to '" + previous + "'");
        return Events.deleted("Restored Spot account " + id + "'s name from '" + current + "' to '" + previous + "'");
    }
}
