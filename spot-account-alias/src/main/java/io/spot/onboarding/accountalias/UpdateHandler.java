package io.spot.onboarding.accountalias;

import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.UnknownOwnership;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Names the account again from the new model ({@link Naming}): a changed Name renames it, a removed
 * Name turns to the alias. PreviousName is the name before the resource was first created and is
 * carried over, never replaced by the name an earlier Create or Update applied.
 */
public class UpdateHandler extends AccountAliasHandler {
    private final Naming naming;

    UpdateHandler(final SpotInvoker invoker, final AccountAliasSource aliases) {
        super(Action.UPDATE, invoker);
        this.naming = new Naming(aliases);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final ResourceModel desired = call.model();
        final ResourceModel previous = call.request().getPreviousResourceState() == null
                ? new ResourceModel()
                : call.request().getPreviousResourceState();
        desired.setAccountOwnership(
                UnknownOwnership.forUpdate(desired.getAccountOwnership(), previous.getAccountOwnership()));
        return naming.apply(
                call, desired.getPreviousName() != null ? desired.getPreviousName() : previous.getPreviousName());
    }
}
