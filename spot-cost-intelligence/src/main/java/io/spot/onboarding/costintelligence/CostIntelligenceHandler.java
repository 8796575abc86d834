package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.api.CostIntelligenceAccount;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import software.amazon.cloudformation.Action;
import io.spot.onboarding.common.handler.SpotType;
import io.spot.onboarding.common.handler.SpotResourceHandler;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * What the five CostIntelligence handlers share: the type's classes, how an enrollment reads as a
 * model, and the search through Spot's enrolled-accounts list that every handler but List starts with.
 */
abstract class CostIntelligenceHandler extends SpotResourceHandler<ResourceModel, CallbackContext> {
    static final SpotType<ResourceModel, CallbackContext> TYPE = new SpotType<>(ResourceModel.TYPE_NAME,
        ResourceModel.class, CallbackContext.class, ResourceModel::new, CallbackContext::new,
        ResourceModel::getAccountId);

    private final EnrollmentSearch search;

    CostIntelligenceHandler(final Action action, final SpotInvoker invoker, final EnrollmentSearch search) {
        super(TYPE, action, invoker);
        this.search = search;
    }

    EnrollmentSearch search() {
        return search;
    }

    /**
     * One invocation's share of a search that may span several (Create, Update and Delete may wait):
     * it starts where the previous invocation's stopped, and leaves the key to go on from in the context.
     */
    EnrollmentSearch.Result searchOnward(final HandlerCall<ResourceModel, CallbackContext> call,
                                         final String accountId) {
        final EnrollmentSearch.Result result = search.find(call.spot(), accountId, call.context().getSearchKey());
        call.context().setSearchKey(result.stopped() ? result.resumeKey() : null);
        return result;
    }

    /** The next invocation goes on searching at once: the wait is for CloudFormation's time limit, not for Spot. */
    static ProgressEvent<ResourceModel, CallbackContext> searchGoesOn(final ResourceModel model,
                                                                    final CallbackContext context,
                                                                    final EnrollmentSearch.Result result) {
        return Events.inProgress(model, context, 0, "Spot lists more Cost Intelligence enrollments than one "
            + "invocation reads: " + result.accountsSeen() + " accounts on " + result.pages() + " pages so far without "
            + model.getAccountId() + "; reading on");
    }

    /** What Spot lists about the enrollment, over what the caller gave (Spot keeps no AccountOwnership or Validate). */
    static ResourceModel withEnrollment(final ResourceModel known, final CostIntelligenceAccount enrolled) {
        return known.toBuilder()
            .accountId(enrolled.accountId())
            .statusSummary(enrolled.statusSummary())
            .enabledDate(enrolled.enabledDate() == null ? null : enrolled.enabledDate().toString())
            .build();
    }

    ProgressEvent<ResourceModel, CallbackContext> notEnrolled(final String accountId) {
        return notFound(accountId, "Spot does not list it among the accounts enrolled in Cost Intelligence "
            + "(GET /cbi/v1/setup/account): it was never enrolled, or its Spot account was deleted.");
    }

}
