package io.spot.onboarding.common.handler;

import java.util.Set;
import java.util.function.Supplier;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * One handler invocation as the shared machinery sees it.
 *
 * @param progressModel the model an IN_PROGRESS or FAILED event of this invocation carries: the
 *                      desired state with whatever identifier the callback context already holds
 * @param identifier    what to call the resource in messages (the Spot account ID, when known)
 */
public record Invocation<M, C extends SpotCallbackContext>(
        String typeName,
        Action action,
        AmazonWebServicesClientProxy proxy,
        ResourceHandlerRequest<M> request,
        C context,
        Logger logger,
        SpotCredentialsSettings settings,
        Supplier<String> identifier,
        Supplier<M> progressModel) {

    private static final Set<Action> MUTATING = Set.of(Action.CREATE, Action.UPDATE, Action.DELETE);

    /** Create, Update and Delete may wait with IN_PROGRESS; Read and List must answer at once. */
    public boolean mayWait() {
        return MUTATING.contains(action);
    }

    public void log(final String message) {
        if (logger != null) {
            logger.log(typeName + " " + action + " " + identifier.get() + ": " + message);
        }
    }
}
