package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.config.TypeConfigurationModel;
import io.spot.onboarding.common.wrapper.HandlerDispatch;
import software.amazon.cloudformation.Action;

/** The type's five handlers, for both entry points. */
final class Handlers {

    private Handlers() {
    }

    static HandlerDispatch<ResourceModel, CallbackContext, TypeConfigurationModel> dispatch() {
        return new HandlerDispatch<ResourceModel, CallbackContext, TypeConfigurationModel>()
            .on(Action.CREATE, new CreateHandler())
            .on(Action.READ, new ReadHandler())
            .on(Action.UPDATE, new UpdateHandler())
            .on(Action.DELETE, new DeleteHandler())
            .on(Action.LIST, new ListHandler());
    }
}
