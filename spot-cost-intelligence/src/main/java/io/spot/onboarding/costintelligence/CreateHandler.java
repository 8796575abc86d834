package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.api.CostIntelligenceAccount;
import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.api.SpotNotFoundException;
import io.spot.onboarding.common.api.SpotValidationException;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Validates (unless told not to), enrolls, then searches Spot's list for the enrollment at once,
 * and again after a wait while Spot does not list it yet. The wait is CloudFormation's (IN_PROGRESS),
 * never a sleep.
 * A Reused account is only looked up, since this stack never writes to it: one not enrolled is reported
 * with Enrolled false, not failed, so the defaults never fail a stack over an account connected before it.
 */
public class CreateHandler extends CostIntelligenceHandler {
    static final int STABILIZE_DELAY_SECONDS = 10;
    /** Five minutes of waiting for Spot to list an enrollment it accepted, then NotStabilized. */
    static final int MAX_STABILIZATION_WAITS = 30;

    CreateHandler(final SpotInvoker invoker, final EnrollmentSearch search) {
        super(Action.CREATE, invoker, search);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final String accountId = call.model().getAccountId();
        if (!mayWrite(call.model())) {
            return observeReused(call, accountId);
        }
        if (!call.context().isEnrollAnswered()) {
            try {
                return enroll(call, accountId);
            } catch (SpotNotFoundException missing) {
                return Events.failed(
                        HandlerErrorCode.InvalidRequest,
                        "Spot account " + accountId + " does not exist "
                                + "in the organization of the Spot API token, so it cannot be enrolled: pass the AccountId of a "
                                + "Spot::Onboarding::Account. " + missing.getMessage());
            }
        }
        return stabilize(call, accountId);
    }

    private ProgressEvent<ResourceModel, CallbackContext> enroll(
            final HandlerCall<ResourceModel, CallbackContext> call, final String accountId) {

        final CallbackContext context = call.context();
        final SpotApi spot = call.spot();
        if (!context.isValidated() && !Boolean.FALSE.equals(call.model().getValidate())) {
            final ValidationReport report = ValidationReport.of(spot.validateCostIntelligence(accountId));
            if (!report.passed()) {
                final String hint = RoleLinkPrecondition.noRoleLinked(spot, accountId, call::log)
                        ? RoleLinkPrecondition.linkFirst(accountId) + " "
                        : "";
                return Events.failed(HandlerErrorCode.InvalidRequest, hint + report.failureMessage(accountId));
            }
            context.setWarnings(report.warningText());
            context.setValidated(true);
        }
        try {
            final CostIntelligenceAccount enrolled = spot.enrollCostIntelligence(accountId);
            call.log("Spot accepted the Cost Intelligence enrollment of " + accountId + " (enabled "
                    + enrolled.enabledDate() + ")");
        } catch (SpotValidationException refused) {
            if (RoleLinkPrecondition.explains(refused, spot, accountId, call::log)) {
                return Events.failed(
                        HandlerErrorCode.InvalidRequest,
                        RoleLinkPrecondition.linkFirst(accountId) + " " + refused.getMessage());
            }
            // Whether Spot refuses to enroll an account twice is not public: the list tells.
            context.setEnrollRefusal(refused.getMessage());
            call.log("Spot refused to enroll " + accountId + "; checking whether it is enrolled already: "
                    + refused.getMessage());
        }
        context.setEnrollAnswered(true);
        // Spot answers the enrollment with the enrolled account, so the list most likely shows it already.
        return stabilize(call, accountId);
    }

    private ProgressEvent<ResourceModel, CallbackContext> stabilize(
            final HandlerCall<ResourceModel, CallbackContext> call, final String accountId) {

        final CallbackContext context = call.context();
        final EnrollmentSearch.Result result = searchOnward(call, accountId);
        if (result.found()) {
            return Events.success(
                    withEnrollment(call.model(), result.account()), enrolledMessage(result.account(), context));
        }
        if (result.stopped()) {
            return searchGoesOn(call.model(), context, result);
        }
        if (context.getEnrollRefusal() != null) {
            return Events.failed(
                    HandlerErrorCode.InvalidRequest,
                    "Spot refused to enroll " + accountId + " in Cost "
                            + "Intelligence, and does not list it as enrolled. " + context.getEnrollRefusal());
        }
        final int checks = context.getStabilizationChecks() + 1;
        context.setStabilizationChecks(checks);
        if (checks > MAX_STABILIZATION_WAITS) {
            return Events.failed(
                    HandlerErrorCode.NotStabilized,
                    "Spot accepted the Cost Intelligence enrollment of "
                            + accountId + " but did not list it as enrolled (GET /cbi/v1/setup/account) in " + checks
                            + " searches "
                            + "over " + MAX_STABILIZATION_WAITS * STABILIZE_DELAY_SECONDS / 60
                            + " minutes. Check the account in "
                            + "Spot's Cost Intelligence console; once it is listed there, retry the stack operation.");
        }
        return Events.inProgress(
                call.model(),
                context,
                STABILIZE_DELAY_SECONDS,
                "Spot does not list " + accountId
                        + " as enrolled yet; searching again in " + STABILIZE_DELAY_SECONDS + " s (search "
                        + (checks + 1) + " of "
                        + (MAX_STABILIZATION_WAITS + 1) + ")");
    }

    private ProgressEvent<ResourceModel, CallbackContext> observeReused(
            final HandlerCall<ResourceModel, CallbackContext> call, final String accountId) {

        final EnrollmentSearch.Result result = searchOnward(call, accountId);
        if (result.found()) {
            return Events.success(
                    withEnrollment(call.model(), result.account()),
                    holder(call.model()) + ": it is enrolled in Cost Intelligence" + status(result.account())
                            + ", and this stack only observes the enrollment, never changing it.");
        }
        if (result.stopped()) {
            return searchGoesOn(call.model(), call.context(), result);
        }
        final ResourceModel notEnrolled;
        try {
            notEnrolled = reusedNotEnrolled(call);
        } catch (SpotNotFoundException missing) {
            return Events.failed(
                    HandlerErrorCode.InvalidRequest,
                    "Spot account " + accountId + " does not exist in the organization of the Spot API token: pass "
                            + "the AccountId of a Spot::Onboarding::Account. " + missing.getMessage());
        }
        final String message = notEnrolledMessage(call.model());
        call.log(message);
        return Events.success(notEnrolled, message);
    }

    private static String enrolledMessage(final CostIntelligenceAccount enrolled, final CallbackContext context) {
        final StringBuilder message = new StringBuilder("Spot account ")
                .append(enrolled.accountId())
                .append(" is enrolled in Cost Intelligence")
                .append(status(enrolled))
                .append('.');
        if (context.getEnrollRefusal() != null) {
            message.append(" It was enrolled already: Spot refused to enroll it again (")
                    .append(context.getEnrollRefusal())
                    .append(").");
        }
        if (context.getWarnings() != null) {
            message.append(' ').append(context.getWarnings());
        }
        return message.toString();
    }

    private static String status(final CostIntelligenceAccount enrolled) {
        return " (status " + enrolled.statusSummary() + ", enabled " + enrolled.enabledDate() + ")";
    }
}
