package io.spot.onboarding.account;

import io.spot.onboarding.common.api.SpotAccount;
import io.spot.onboarding.common.api.SpotNotFoundException;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.Ownership;
import io.spot.onboarding.common.handler.Rollback;
import io.spot.onboarding.common.handler.SpotInvoker;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Deletes the Spot account only when this stack provably owns it: it created it ({@code Created},
 * which a Create records from the moment Spot answered, so a rollback of an unfinished Create
 * removes what it made), or it adopted it and this is a real stack delete. Everything else is
 * released as it was found: a {@code Reused} account; an {@code Adopted} one during a rollback
 * (its name put back); and an account whose ownership the model does not say (resource import,
 * Cloud Control, a lost model, a Create that never succeeded), since an account nobody can prove
 * this stack made is never deleted. A released account is read first, so a Delete of an account
 * that no longer exists is still NotFound.
 */
public class DeleteHandler extends AccountHandler {

    public DeleteHandler(final SpotInvoker invoker) {
        super(Action.DELETE, invoker);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final ResourceModel model = call.model();
        final String accountId = model.getAccountId();
        call.context().setAccountId(accountId);
        final Ownership ownership = Ownership.parse(model.getOwnership());
        final boolean rollback = Rollback.requested(call.request());
        if (ownership == null) {
            call.spot().getAccount(accountId);
            return Events.deleted("Spot account " + accountId + " left in place: this resource's model does not say "
                    + "that this stack created it (resource import, Cloud Control, or a Create that never finished), and "
                    + "an account of unknown ownership is never deleted. Delete it in Spot if it should go.");
        }
        if (ownership == Ownership.REUSED) {
            call.spot().getAccount(accountId);
            return Events.deleted(
                    "Spot account " + accountId + " was Reused, not created by this stack: left " + "untouched");
        }
        if (ownership == Ownership.ADOPTED && rollback) {
            return Events.deleted(release(call, accountId));
        }
        deleteAccount(call, accountId);
        call.log("Deleted Spot account " + accountId);
        return Events.deleted("Deleted Spot account " + accountId + " (" + ownership.value() + " by this stack)");
    }

    /** Puts back the name an adoption changed, if nobody renamed the account since. */
    private static String release(final HandlerCall<ResourceModel, CallbackContext> call, final String accountId) {
        final SpotAccount account = call.spot().getAccount(accountId);
        final String previous = call.model().getPreviousName();
        final String released = "Spot account " + accountId + " was Adopted by a Create that is being rolled back: "
                + "released as it was found, not deleted";
        if (previous == null || previous.equals(account.name())) {
            return released;
        }
        if (call.model().getName() != null && !call.model().getName().equals(account.name())) {
            return released + "; its name '" + account.name() + "' was changed outside this stack, so it is kept "
                    + "(it was '" + previous + "' before the adoption)";
        }
        call.spot().renameAccount(accountId, previous);
        call.log("Renamed Spot account " + accountId + " back to '" + previous + "'");
        return released + ", its name back to '" + previous + "'";
    }

    private static void deleteAccount(final HandlerCall<ResourceModel, CallbackContext> call, final String accountId) {
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
    }
}
