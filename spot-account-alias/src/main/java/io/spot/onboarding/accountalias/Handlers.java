package io.spot.onboarding.accountalias;

import io.spot.onboarding.common.handler.SpotCredentialsSettings;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.wrapper.HandlerDispatch;
import software.amazon.cloudformation.Action;

/** The type's five handlers, for both entry points. */
final class Handlers {

    private Handlers() {}

    static HandlerDispatch<ResourceModel, CallbackContext, SpotCredentialsSettings> dispatch() {
        return dispatch(IamAccountAliases.standard());
    }

    /** Only Create and Update read the AWS account alias. */
    static HandlerDispatch<ResourceModel, CallbackContext, SpotCredentialsSettings> dispatch(
            final AccountAliasSource aliases) {
        final SpotInvoker invoker = SpotInvoker.standard();
        return new HandlerDispatch<ResourceModel, CallbackContext, SpotCredentialsSettings>()
                .on(Action.CREATE, new CreateHandler(invoker, aliases))
                .on(Action.READ, new ReadHandler(invoker))
                .on(Action.UPDATE, new UpdateHandler(invoker, aliases))
                .on(Action.DELETE, new DeleteHandler(invoker))
                .on(Action.LIST, new ListHandler(invoker));
    }
}
