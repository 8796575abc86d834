package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Reports the enrollment as Spot lists it now. Spot has no per-account GET, so Read pages through the
 * enrolled-accounts list, within the budget of one {@link EnrollmentSearch} so it answers within 30 s: it
 * confirms that a Spot account it does not enroll exists only when that budget leaves time for the call.
 * A Reused account Spot does not list reads as Enrolled false, as its Create reported it, and so does
 * an account of unknown ownership (a caller that passes only the identifier): nothing says this stack
 * had to enroll it. AccountOwnership and Validate are write-only and never returned.
 */
public class ReadHandler extends CostIntelligenceHandler {

    ReadHandler(final SpotInvoker invoker, final EnrollmentSearch search) {
        super(Action.READ, invoker, search);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final String accountId = call.model().getAccountId();
        final EnrollmentSearch.Result result = search().find(call.spot(), accountId, null);
        if (result.found()) {
            return Events.success(withEnrollment(call.model(), result.account()), null);
        }
        if (result.stopped()) {
            // Read may not wait and resume, and "not found" would be a guess: say what is known.
            return Events.failed(
                    HandlerErrorCode.GeneralServiceException,
                    "Could not tell whether " + accountId
                            + " is enrolled in Cost Intelligence: Spot has no per-account lookup, and its list of enrolled "
                            + "accounts is longer than a Read may page through within CloudFormation's 30 s ("
                            + result.accountsSeen()
                            + " accounts on " + result.pages() + " pages read, " + accountId
                            + " not among them). Create, Update "
                            + "and Delete are not limited this way: they read the whole list over several invocations.");
        }
        // A search that used its whole budget leaves no time for the account read within the Read's 30 s.
        final ResourceModel reused = reusedNotEnrolled(call, result.timeLeft());
        return reused != null ? Events.success(reused, null) : notEnrolled(accountId);
    }
}
