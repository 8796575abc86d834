package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import java.util.Optional;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Reports the role Spot has linked now (E8), so a relink outside CloudFormation shows as drift.
 * The link exists while the account exists and has a role: an account gone, or one without a
 * role, is NotFound (Spot's own "not found" on the link's read of an account that exists means "no link", see
 * {@link CurrentLink}). Spot keeps no record of PreviousRoleArn, which this resource recorded: it is
 * kept from the caller's model. AccountOwnership is write-only and never returned.
 */
public class ReadHandler extends LinkedCredentialsHandler {

    public ReadHandler(final SpotInvoker invoker) {
        super(Action.READ, invoker);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final String accountId = call.model().getAccountId();
        final Optional<String> link = CurrentLink.of(call.spot(), accountId);
        if (link.isEmpty()) {
            return notLinked(accountId);
        }
        return Events.success(linked(call.model(), accountId, link.get()), null);
    }
}
