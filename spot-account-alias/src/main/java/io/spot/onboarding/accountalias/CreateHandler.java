package io.spot.onboarding.accountalias;

import io.spot.onboarding.common.handler.SpotInvoker;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Names the Spot account ({@link Naming}) and records the name it had, for Delete to restore. The
 * account must exist: this type names accounts, it never creates them.
 */
public class CreateHandler extends AccountAliasHandler {
    private final Naming naming;

    CreateHandler(final SpotInvoker invoker, final AccountAliasSource aliases) {
        super(Action.CREATE, invoker);
        this.naming = new Naming(aliases);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        return naming.apply(call, null);
    }
}
