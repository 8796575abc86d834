package io.spot.onboarding.account;

import io.spot.onboarding.common.handler.SpotCredentialsSettings;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.wrapper.HandlerDispatch;
import software.amazon.cloudformation.Action;

/** The type's five handlers, for both entry points. */
final class Handlers {

    private Handlers() {}

    static HandlerDispatch<ResourceModel, CallbackContext, SpotCredentialsSettings> dispatch() {
        final SpotInvoker invoker = SpotInvoker.standard();
        return new HandlerDispatch<ResourceModel, CallbackContext, SpotCredentialsSettings>()
                .on(Action.CREATE, new CreateHandler(invoker))
                .on(Action.READ, new ReadHandler(invoker))
                .on(Action.UPDATE, new UpdateHandler(invoker))
                .on(Action.DELETE, new DeleteHandler(invoker))
                .on(Action.LIST, new ListHandler(invoker));
    }
}
