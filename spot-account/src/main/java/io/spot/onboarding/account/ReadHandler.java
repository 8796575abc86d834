package io.spot.onboarding.account;

import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Reports the account as Spot has it now: name, organization and linked AWS account, so a rename
 * or relink outside CloudFormation shows as drift. Spot keeps no record of ExternalId, Ownership
 * or ExistingAccountPolicy; they are echoed from the model CloudFormation passes, and absent when
 * a caller (Cloud Control) passes only the identifier.
 */
public class ReadHandler extends AccountHandler {

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
        return Events.success(fromSpot(call.spot().getAccount(accountId), call.model()), null);
    }
}
