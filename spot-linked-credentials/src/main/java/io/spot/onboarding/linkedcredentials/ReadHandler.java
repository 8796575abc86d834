package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.api.AwsCredentials;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import java.util.Optional;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Reports the role Spot has linked now (E8), so a relink outside CloudFormation shows as drift.
 * The link exists while the account exists and has a role: an account gone, or one without a
 * role, is NotFound. Spot keeps no record of AccountOwnership: it is echoed from the caller's model.
 */
public class ReadHandler extends LinkedCredentialsHandler {

    public ReadHandler(final SpotInvoker invoker) {
        super(Action.READ, invoker);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
        final HandlerCall<ResourceModel, CallbackContext> call) {

        final String accountId = call.model().getAccountId();
        if (!isAccountId(accountId)) {
            return notAnAccountId(accountId);
        }
        final Optional<AwsCredentials> link = call.spot().getAwsCredentials(accountId);
        if (link.isEmpty()) {
            return notLinked(accountId);
        }
        return Events.success(linked(call.model(), accountId, link.get().iamRole()), null);
    }
}
