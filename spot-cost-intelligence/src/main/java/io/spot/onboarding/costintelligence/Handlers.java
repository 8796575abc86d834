package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.handler.SpotCredentialsSettings;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.wrapper.HandlerDispatch;
import software.amazon.cloudformation.Action;

/** The type's five handlers, for both entry points. */
final class Handlers {

    private Handlers() {}

    static HandlerDispatch<ResourceModel, CallbackContext, SpotCredentialsSettings> dispatch() {
        final SpotInvoker invoker = SpotInvoker.standard();
        final EnrollmentSearch search = EnrollmentSearch.perInvocation(PageSizeChoice.preferLarge());
        return new HandlerDispatch<ResourceModel, CallbackContext, SpotCredentialsSettings>()
                .on(Action.CREATE, new CreateHandler(invoker, search))
                .on(Action.READ, new ReadHandler(invoker, search))
                .on(Action.UPDATE, new UpdateHandler(invoker, search))
                .on(Action.DELETE, new DeleteHandler(invoker, search))
                .on(Action.LIST, new ListHandler(invoker, search));
    }
}
