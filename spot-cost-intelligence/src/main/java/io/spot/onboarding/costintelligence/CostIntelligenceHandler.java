package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.api.CostIntelligenceAccount;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.SpotResourceHandler;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * What the five CostIntelligence handlers share: the type's classes, how an enrollment reads as a
 * model, and the search through Spot's enrolled-accounts list that every handler but List starts with.
 */
abstract class CostIntelligenceHandler extends SpotResourceHandler<ResourceModel, CallbackContext> {
    /** Shape of a Spot account ID; anything else cannot be enrolled, so it reads as not found before any call. */
    static final String ACCOUNT_ID_PATTERN = "act-[0-9a-zA-Z]{1,32}";

    private final EnrollmentSearch search;

    CostIntelligenceHandler(final SpotInvoker invoker, final EnrollmentSearch search) {
        super(invoker);
        this.search = search;
    }

    @Override
    protected String typeName() {
        return ResourceModel.TYPE_NAME;
    }

    @Override
    protected CallbackContext newCallbackContext() {
        return new CallbackContext();
    }

    @Override
    protected ResourceModel emptyModel() {
        return new ResourceModel();
    }

    @Override
    protected String identifier(final ResourceModel model, final CallbackContext context) {
        return model.getAccountId();
    }

    static boolean isAccountId(final String value) {
        return value != null && value.matches(ACCOUNT_ID_PATTERN);
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

    static ProgressEvent<ResourceModel, CallbackContext> notFound(final String accountId) {
        return Events.failed(HandlerErrorCode.NotFound, String.format(HandlerErrorCode.NotFound.getMessage(),
            ResourceModel.TYPE_NAME, accountId) + " Spot does not list it among the accounts enrolled in Cost "
            + "Intelligence (GET /cbi/v1/setup/account): it was never enrolled, or its Spot account was deleted.");
    }

    /** The message of a malformed identifier, which names nothing Spot could hold. */
    static ProgressEvent<ResourceModel, CallbackContext> notAnAccountId(final String accountId) {
        return Events.failed(HandlerErrorCode.NotFound, String.format(HandlerErrorCode.NotFound.getMessage(),
            ResourceModel.TYPE_NAME, accountId) + " AccountId must look like act-1a2b3c4d.");
    }
}
