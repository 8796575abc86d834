package io.spot.onboarding.accountalias;

import io.spot.onboarding.common.api.SpotAccount;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Reports the Spot account's name as Spot has it now, so a rename outside CloudFormation shows as
 * drift when the template sets Name. Spot keeps no record of AppliedName and PreviousName, which this
 * resource recorded: they are kept from the model CloudFormation passes, and absent when a caller
 * (Cloud Control) passes only the identifier. AccountOwnership and FailWithoutAlias are write-only
 * and never returned.
 */
public class ReadHandler extends AccountAliasHandler {

    public ReadHandler(final SpotInvoker invoker) {
        super(Action.READ, invoker);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final String accountId = call.model().getAccountId();
        final SpotAccount account = call.spot().getAccount(accountId);
        return Events.success(
                ResourceModel.builder()
                        .accountId(account.accountId())
                        .name(account.name())
                        .appliedName(call.model().getAppliedName())
                        .previousName(call.model().getPreviousName())
                        .build(),
                null);
    }
}
