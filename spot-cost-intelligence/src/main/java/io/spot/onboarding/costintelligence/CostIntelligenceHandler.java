package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.api.CostIntelligenceAccount;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.SpotResourceHandler;
import io.spot.onboarding.common.handler.SpotType;
import io.spot.onboarding.common.handler.UnknownOwnership;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * What the five CostIntelligence handlers share: the type's declaration (its schema and generated classes), how an enrollment reads as a
 * model, and the search through Spot's enrolled-accounts list that every handler but List starts with.
 */
abstract class CostIntelligenceHandler extends SpotResourceHandler<ResourceModel, CallbackContext> {
    static final SpotType<ResourceModel, CallbackContext> TYPE =
            SpotType.of(new Configuration()::resourceSchemaJSONObject, ResourceModel::new, CallbackContext::new);

    /**
     * Pages one operation may read, across invocations. Even if every page took the Spot client's
     * whole 15 s call timeout, 400 pages end within 100 minutes, under the 2,160-minute timeout of
     * Create, Update and Delete with Create's 5 minutes of stabilization waits on top. At Spot's
     * largest page size that is 400,000 enrollments; at its default size (100 in the emulator),
     * 40,000 in one search.
     */
    static final int MAX_OPERATION_PAGES = 400;

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
    EnrollmentSearch.Result searchOnward(
            final HandlerCall<ResourceModel, CallbackContext> call, final String accountId) {
        final EnrollmentSearch.Result result =
                search.find(call.spot(), accountId, call.context().getSearchKey());
        call.context().setSearchKey(result.stopped() ? result.resumeKey() : null);
        call.context().setSearchPages(call.context().getSearchPages() + result.pages());
        return result;
    }

    /**
     * Whether a stopped search may go on in another invocation. A list whose keys move on for ever
     * would otherwise hold the operation IN_PROGRESS until CloudFormation's 2-hour timeout.
     */
    static boolean mayReadOn(final CallbackContext context) {
        return context.getSearchPages() < MAX_OPERATION_PAGES;
    }

    /** The next invocation goes on searching at once: the wait is for CloudFormation's time limit, not for Spot. */
    static ProgressEvent<ResourceModel, CallbackContext> searchGoesOn(
            final ResourceModel model, final CallbackContext context, final EnrollmentSearch.Result result) {
        if (!mayReadOn(context)) {
            return Events.failed(
                    HandlerErrorCode.GeneralServiceException,
                    listDoesNotEnd(model.getAccountId(), context)
                            + " Nothing was changed by this check. Retry the stack operation; if it fails again, ask "
                            + "Spot support about GET /cbi/v1/setup/account.");
        }
        return Events.inProgress(
                model,
                context,
                0,
                "Spot lists more Cost Intelligence enrollments than one "
                        + "invocation reads: " + result.accountsSeen() + " accounts on " + result.pages()
                        + " pages so far without "
                        + model.getAccountId() + "; reading on");
    }

    /** Why a search gave up: the list did not end within the operation's page budget. */
    static String listDoesNotEnd(final String accountId, final CallbackContext context) {
        return "Could not tell whether " + accountId + " is enrolled in Cost Intelligence: Spot's list of enrolled "
                + "accounts (GET /cbi/v1/setup/account) still named a next page after " + context.getSearchPages()
                + " pages in this operation, more than any organization's list should take (at most "
                + MAX_OPERATION_PAGES + " pages an operation, so it ends well inside CloudFormation's 2-hour timeout).";
    }

    /**
     * What Spot lists about the enrollment. AccountOwnership and Validate are write-only: Spot keeps no
     * record of them, so the model carries them only while the operation runs.
     */
    static ResourceModel withEnrollment(final ResourceModel known, final CostIntelligenceAccount enrolled) {
        return known.toBuilder()
                .accountOwnership(null)
                .validate(null)
                .accountId(enrolled.accountId())
                .enrolled(true)
                .statusSummary(enrolled.statusSummary())
                .enabledDate(
                        enrolled.enabledDate() == null
                                ? null
                                : enrolled.enabledDate().toString())
                .build();
    }

    /** Created and Adopted accounts are enrolled; Reused ones and those of unknown ownership are only observed. */
    static boolean mayWrite(final ResourceModel model) {
        return UnknownOwnership.mayWrite(model.getAccountOwnership());
    }

    /**
     * A Reused account, or one of unknown ownership, that Spot does not list: this stack never enrolls
     * it (a write Spot cannot undo, on an account the stack may not change), so it is reported, not
     * failed. Null for a Created or Adopted account. The account's own read makes a deleted account NotFound.
     */
    static ResourceModel reusedNotEnrolled(final HandlerCall<ResourceModel, CallbackContext> call) {
        return reusedNotEnrolled(call, true);
    }

    /** @param confirmExists read the Spot account first, so a deleted one is not found rather than not enrolled */
    static ResourceModel reusedNotEnrolled(
            final HandlerCall<ResourceModel, CallbackContext> call, final boolean confirmExists) {
        if (mayWrite(call.model())) {
            return null;
        }
        if (confirmExists) {
            call.spot().getAccount(call.model().getAccountId());
        }
        return call.model().toBuilder()
                .accountOwnership(null)
                .validate(null)
                .enrolled(false)
                .statusSummary(null)
                .enabledDate(null)
                .build();
    }

    /** Why the account is only observed, as an event message begins. */
    static String holder(final ResourceModel model) {
        return UnknownOwnership.holder("AccountOwnership", model.getAccountOwnership(), model.getAccountId());
    }

    static String notEnrolledMessage(final ResourceModel model) {
        return holder(model) + (isReused(model.getAccountOwnership()) ? " and not" : "; it is not")
                + " enrolled in Cost Intelligence: this stack "
                + "does not write to it, "
                + "and enrollment cannot be undone, so it stays not enrolled (Enrolled false). Enroll it in the Spot "
                + "console, or let the stack manage the account (Spot::Onboarding::Account with ExistingAccountPolicy "
                + "Adopt, its Ownership passed as AccountOwnership) so that this resource enrolls it.";
    }

    ProgressEvent<ResourceModel, CallbackContext> notEnrolled(final String accountId) {
        return notFound(
                accountId,
                "Spot does not list it among the accounts enrolled in Cost Intelligence "
                        + "(GET /cbi/v1/setup/account): it was never enrolled, or its Spot account was deleted.");
    }
}
