package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import java.util.Optional;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/** Links the Spot account to the role (or, for a Reused account, only observes its link): see {@link Linker}. */
public class CreateHandler extends LinkedCredentialsHandler {

    public CreateHandler(final SpotInvoker invoker) {
        super(Action.CREATE, invoker);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final ResourceModel model = call.model();
        final Optional<RoleArn> role = RoleArn.parse(model.getRoleArn());
        if (role.isEmpty()) {
            return Events.failed(HandlerErrorCode.InvalidRequest, RoleArn.invalid(model.getRoleArn()));
        }
        return new Linker(call, role.get(), true).converge();
    }
}
