package io.spot.onboarding.account;

import io.spot.onboarding.common.api.SpotNotFoundException;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.Ownership;
import io.spot.onboarding.common.handler.SpotInvoker;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Deletes the Spot account when the stack created or adopted it; releases a Reused one untouched
 * (after checking it still exists, so a repeat Delete of a vanished account is NotFound). A model
 * without {@code Ownership} (Cloud Control passes only the identifier) is deleted: the caller asked
 * for this very account to go.
 */
public class DeleteHandler extends AccountHandler {

    public DeleteHandler(final SpotInvoker invoker) {
        super(Action.DELETE, invoker);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
        final HandlerCall<ResourceModel, CallbackContext> call) {

        final String accountId = call.model().getAccountId();
        if (!isAccountId(accountId)) {
            return notAnAccountId(accountId);
        }
        call.context().setAccountId(accountId);
        if (Ownership.REUSED.value().equals(call.model().getOwnership())) {
            call.spot().getAccount(accountId);
            return Events.deleted("Spot account " + accountId + " was Reused, not created or adopted by this stack: "
                + "left untouched");
        }
        final CallbackContext context = call.context();
        final boolean sentBefore = context.isDeleteIssued();
        context.setDeleteIssued(true);
        try {
            call.spot().deleteAccount(accountId);
        } catch (SpotNotFoundException gone) {
            if (!sentBefore) {
                throw gone;
            }
            // Our earlier DELETE took effect; only its answer was lost.
        }
        call.log("Deleted Spot account " + accountId);
        return Events.deleted("Deleted Spot account " + accountId);
    }
}
