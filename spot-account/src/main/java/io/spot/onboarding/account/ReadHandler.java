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

    public ReadHandler() {
        this(SpotInvoker.standard());
    }

    public ReadHandler(final SpotInvoker invoker) {
        super(invoker);
    }

    @Override
    protected Action action() {
        return Action.READ;
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
        final HandlerCall<ResourceModel, CallbackContext> call) {

        final String accountId = call.model().getAccountId();
        if (!isAccountId(accountId)) {
            return Events.failed(HandlerErrorCode.NotFound, String.format(HandlerErrorCode.NotFound.getMessage(),
                ResourceModel.TYPE_NAME, accountId) + " AccountId must look like act-1a2b3c4d.");
        }
        return Events.success(fromSpot(call.spot().getAccount(accountId), call.model()), null);
    }
}
