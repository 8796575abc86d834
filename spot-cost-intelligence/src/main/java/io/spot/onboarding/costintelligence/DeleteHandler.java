package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.Ownership;
import io.spot.onboarding.common.handler.Rollback;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.UnknownOwnership;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Spot has no call to leave Cost Intelligence (docs/spot-api.md E13), so Delete cannot un-enroll: it
 * checks that the enrollment exists (NotFound otherwise, as the contract asks), releases it from the
 * stack and says plainly that the account stays enrolled. The enrollment ends with the Spot account,
 * which the stack's Spot::Onboarding::Account deletes right after this resource when it created or
 * adopted the account. Failing instead would only block the stack's deletion, with nothing to retry.
 * When the model does not say how the stack holds the account, the Delete only checks that the account
 * exists, as in every type ({@link UnknownOwnership}).
 */
public class DeleteHandler extends CostIntelligenceHandler {

    DeleteHandler(final SpotInvoker invoker, final EnrollmentSearch search) {
        super(Action.DELETE, invoker, search);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final String accountId = call.model().getAccountId();
        if (Ownership.parse(call.model().getAccountOwnership()) == null) {
            return UnknownOwnership.deleted(
                    call.spot(),
                    "AccountOwnership",
                    accountId,
                    "its Cost Intelligence enrollment, if any, is left as it is");
        }
        final EnrollmentSearch.Result result = searchOnward(call, accountId);
        if (result.stopped() && !mayReadOn(call.context())) {
            // Nothing would be undone either way: failing would only block the stack's deletion.
            final String message = listDoesNotEnd(accountId, call.context()) + " "
                    + released(
                            accountId,
                            Ownership.parse(call.model().getAccountOwnership()),
                            Rollback.requested(call.request()));
            call.log(message);
            return Events.deleted(message);
        }
        if (result.stopped()) {
            return searchGoesOn(call.model(), call.context(), result);
        }
        if (result.notListed()) {
            if (reusedNotEnrolled(call) == null) {
                return notEnrolled(accountId);
            }
            return Events.deleted("Spot account " + accountId
                    + " is Reused and not enrolled in Cost Intelligence: nothing to release, " + "nothing written.");
        }
        final String message = released(
                accountId, Ownership.parse(call.model().getAccountOwnership()), Rollback.requested(call.request()));
        call.log(message);
        return Events.deleted(message);
    }

    static String released(final String accountId, final Ownership ownership, final boolean rollback) {
        final String noUnenroll = "Spot has no API to leave Cost Intelligence, so " + accountId + " stays enrolled";
        return switch (ownership) {
            case CREATED ->
                noUnenroll + " until its Spot account is deleted, which the Spot::Onboarding::Account "
                        + "that created it does when it is deleted (in a stack, right after this resource): that ends the "
                        + "enrollment.";
            case ADOPTED ->
                rollback
                        ? noUnenroll
                                + ": the Spot account existed before the stack, and a rollback keeps it. If it was not "
                                + "enrolled before, un-enroll it in the Spot console."
                        : noUnenroll
                                + " until its Spot account is deleted, which the Spot::Onboarding::Account that adopted "
                                + "it does on a stack delete (right after this resource): that ends the enrollment.";
            case REUSED ->
                "Spot account " + accountId + " is Reused: its Cost Intelligence enrollment is left as it "
                        + "is, untouched.";
        };
    }
}
