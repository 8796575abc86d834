package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.UnknownOwnership;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Nothing about an enrollment can be changed through Spot's API, and AccountOwnership and Validate
 * are this stack's own settings: Update checks that the enrollment still exists, without a single
 * write to Spot (a Reused account, or one of unknown ownership, not enrolled stays so: Enrolled false).
 * AccountId is create-only.
 */
public class UpdateHandler extends CostIntelligenceHandler {

    UpdateHandler(final SpotInvoker invoker, final EnrollmentSearch search) {
        super(Action.UPDATE, invoker, search);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final ResourceModel desired = call.model();
        final ResourceModel previous = call.request().getPreviousResourceState();
        desired.setAccountOwnership(UnknownOwnership.forUpdate(
                desired.getAccountOwnership(), previous == null ? null : previous.getAccountOwnership()));
        final String accountId = desired.getAccountId();
        final EnrollmentSearch.Result result = searchOnward(call, accountId);
        final String unknown = desired.getAccountOwnership() == null
                ? UnknownOwnership.leftAsIs(
                        "AccountOwnership", accountId, "its Cost Intelligence enrollment is left as it is")
                : null;
        if (result.found()) {
            return Events.success(withEnrollment(desired, result.account()), unknown);
        }
        if (result.stopped()) {
            return searchGoesOn(desired, call.context(), result);
        }
        final ResourceModel reused = reusedNotEnrolled(call);
        return reused != null ? Events.success(reused, unknown) : notEnrolled(accountId);
    }
}
