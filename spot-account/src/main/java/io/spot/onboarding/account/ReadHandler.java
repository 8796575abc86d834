package io.spot.onboarding.account;

import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.Ownership;
import io.spot.onboarding.common.handler.SpotInvoker;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Reports the account as Spot has it now: name, organization and linked AWS account, so a rename
 * or relink outside CloudFormation shows as drift. Spot keeps no record of ExternalId or Ownership;
 * they are echoed from the model CloudFormation passes (ExistingAccountPolicy and NamedByAccountAlias
 * are write-only: the wrapper leaves them out of what Read returns). A model without
 * Ownership (resource import, Cloud Control) reads as Reused: nothing proves the stack made the
 * account, and Reused is what keeps a later Delete from deleting it. ReusedAwsAccountId follows from
 * Ownership and the AWS account, as Create and Update give it.
 */
public class ReadHandler extends AccountHandler {

    public ReadHandler(final SpotInvoker invoker) {
        super(Action.READ, invoker);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final String accountId = call.model().getAccountId();
        final ResourceModel read = fromSpot(call.spot().getAccount(accountId), call.model());
        final ResourceModel held = Ownership.parse(read.getOwnership()) != null
                ? read
                : read.toBuilder().ownership(Ownership.REUSED.value()).build();
        return Events.success(withReusedAwsAccountId(held, call.request().getAwsAccountId()), null);
    }
}
