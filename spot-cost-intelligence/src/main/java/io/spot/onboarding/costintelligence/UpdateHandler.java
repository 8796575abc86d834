package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Nothing about an enrollment can be changed through Spot's API, and AccountOwnership and Validate
 * are this stack's own settings: Update checks that the enrollment still exists and records them,
 * without a single write to Spot (a Reused account not enrolled stays so: Enrolled false). AccountId is
 * create-only.
 */
public class UpdateHandler extends CostIntelligenceHandler {

    UpdateHandler(final SpotInvoker invoker, final EnrollmentSearch search) {
        super(Action.UPDATE, invoker, search);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final ResourceModel desired = call.model();
        final String accountId = desired.getAccountId();
        final EnrollmentSearch.Result result = searchOnward(call, accountId);
        if (result.found()) {
            return Events.success(withEnrollment(desired, result.account()), null);
        }
        if (result.stopped()) {
            return searchGoesOn(desired, call.context(), result);
        }
        final ResourceModel reused = reusedNotEnrolled(call);
        return reused != null ? Events.success(reused, null) : notEnrolled(accountId);
    }
}
