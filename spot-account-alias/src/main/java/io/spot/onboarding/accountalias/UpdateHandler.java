package io.spot.onboarding.accountalias;

import io.spot.onboarding.common.handler.SpotInvoker;
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
        if (desired.getAccountOwnership() == null) {
            // A template that stops giving AccountOwnership keeps the resource's; an update that never knew it
            // (Cloud Control, whose models come from a Read of this write-only property) renames nothing.
            desired.setAccountOwnership(previous.getAccountOwnership());
            call.log("AccountOwnership is unset in the update; the resource's is "
                    + (desired.getAccountOwnership() == null ? "unknown too" : desired.getAccountOwnership()));
        }
        return naming.apply(
                call, desired.getPreviousName() != null ? desired.getPreviousName() : previous.getPreviousName());
    }
}
