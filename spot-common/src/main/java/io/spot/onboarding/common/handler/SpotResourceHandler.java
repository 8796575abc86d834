package io.spot.onboarding.common.handler;

import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.config.TypeConfigurationModel;
import io.spot.onboarding.common.wrapper.ResourceHandler;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * The base of every Spot handler, in place of cfn's generated {@code BaseHandler}: it gives the
 * handler a Spot client for the resolved token and leaves failures to {@link SpotInvoker}, so a
 * handler's {@link #handle} is only the resource's own logic.
 */
public abstract class SpotResourceHandler<M, C extends SpotCallbackContext>
    implements ResourceHandler<M, C, TypeConfigurationModel> {

    private final SpotInvoker invoker;

    protected SpotResourceHandler(final SpotInvoker invoker) {
        this.invoker = invoker;
    }

    @Override
    public final ProgressEvent<M, C> handleRequest(final AmazonWebServicesClientProxy proxy,
                                                   final ResourceHandlerRequest<M> request, final C callbackContext,
                                                   final Logger logger, final TypeConfigurationModel configuration) {
        final C context = callbackContext == null ? newCallbackContext() : callbackContext;
        final M model = request.getDesiredResourceState() == null ? emptyModel() : request.getDesiredResourceState();
        final Invocation<M, C> invocation = new Invocation<>(typeName(), action(), proxy, request, context, logger,
            SpotCredentialsSettings.from(configuration), () -> identifier(model, context),
            () -> progressModel(model, context));
        return invoker.invoke(invocation, spot -> handle(new HandlerCall<>(spot, request, model, context, logger, proxy)));
    }

    protected abstract String typeName();

    protected abstract Action action();

    protected abstract C newCallbackContext();

    protected abstract M emptyModel();

    /** How messages name the resource: its Spot account ID when known, else null. */
    protected abstract String identifier(M model, C context);

    /** The model an IN_PROGRESS or FAILED event carries: by default the desired state. */
    protected M progressModel(final M model, final C context) {
        return model;
    }

    protected abstract ProgressEvent<M, C> handle(HandlerCall<M, C> call);

    /** Everything one handler invocation works with. */
    public record HandlerCall<M, C>(SpotApi spot, ResourceHandlerRequest<M> request, M model, C context,
                                    Logger logger, AmazonWebServicesClientProxy proxy) {

        public void log(final String message) {
            if (logger != null) {
                logger.log(message);
            }
        }
    }
}
