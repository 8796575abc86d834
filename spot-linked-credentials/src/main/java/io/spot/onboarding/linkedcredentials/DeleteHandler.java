package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.api.AwsCredentials;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import java.util.Optional;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Spot has no call to unlink credentials (spot-api.md E9), and overwriting the link with another
 * role, or deleting the account, would destroy more than this resource stands for. So Delete
 * writes nothing to Spot: it checks the link is still there (NotFound when the account is gone or
 * has no role, as for any resource already deleted) and releases it, saying in its message that
 * Spot keeps the link until the role or the account goes. In the onboarding template both do:
 * the stack deletes SpotRole next, and Spot::Onboarding::Account deletes a Created or Adopted
 * account. Read therefore still finds the link after Delete until then (documented in the docs).
 */
public class DeleteHandler extends LinkedCredentialsHandler {

    public DeleteHandler(final SpotInvoker invoker) {
        super(Action.DELETE, invoker);
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
        final String role = link.get().iamRole();
        final String message = isReused(call.model())
            ? "Spot account " + accountId + " is Reused: left linked to role " + role + ", untouched"
            : "Spot has no call to unlink credentials, so Spot account " + accountId + " stays linked to role " + role
                + "; nothing was changed in Spot. The link stops working when the role is deleted and disappears with "
                + "the Spot account (Spot::Onboarding::Account deletes it when Created or Adopted).";
        call.log(message);
        return Events.deleted(message);
    }
}
