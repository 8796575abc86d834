package io.spot.onboarding.common.handler;

import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.wrapper.ResourceHandler;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * The base of every Spot handler, in place of cfn's generated {@code BaseHandler}: it gives the
 * handler a Spot client for the resolved token and leaves failures to {@link SpotInvoker}, so a
 * handler's {@link #handle} is only the resource's own logic.
 */
public abstract class SpotResourceHandler<M, C extends SpotCallbackContext>
        implements ResourceHandler<M, C, SpotCredentialsSettings> {

    /** Shape of a Spot account ID; anything else names nothing Spot holds, so it is not found before any call. */
    public static final String ACCOUNT_ID_PATTERN = "act-[0-9a-zA-Z]{1,32}";

    private final SpotType<M, C> type;
    private final Action action;
    private final SpotInvoker invoker;

    protected SpotResourceHandler(final SpotType<M, C> type, final Action action, final SpotInvoker invoker) {
        this.type = type;
        this.action = action;
        this.invoker = invoker;
    }

    @Override
    public final ProgressEvent<M, C> handleRequest(
            final AmazonWebServicesClientProxy proxy,
            final ResourceHandlerRequest<M> request,
            final C callbackContext,
            final Logger logger,
            final SpotCredentialsSettings configuration) {
        final C context = callbackContext == null ? type.newCallbackContext().get() : callbackContext;
        final M model =
                request.getDesiredResourceState() == null ? type.emptyModel().get() : request.getDesiredResourceState();
        final Invocation<M, C> invocation = new Invocation<>(
                type.typeName(),
                action,
                proxy,
                request,
                context,
                logger,
                configuration == null ? SpotCredentialsSettings.NONE : configuration,
                () -> identifier(model, context),
                () -> progressModel(model, context));
        return invoker.invoke(
                invocation, spot -> handle(new HandlerCall<>(spot, request, model, context, logger, proxy)));
    }

    /** How messages name the resource: by default the model's AccountId. */
    protected String identifier(final M model, final C context) {
        return type.accountId().apply(model);
    }

    /** The model an IN_PROGRESS or FAILED event carries: by default the desired state. */
    protected M progressModel(final M model, final C context) {
        return model;
    }

    protected abstract ProgressEvent<M, C> handle(HandlerCall<M, C> call);

    public static boolean isAccountId(final String value) {
        return value != null && value.matches(ACCOUNT_ID_PATTERN);
    }

    public static boolean isReused(final String ownership) {
        return Ownership.parse(ownership) == Ownership.REUSED;
    }

    /** NotFound, in the plugin's words, followed by why. */
    protected final ProgressEvent<M, C> notFound(final String accountId, final String why) {
        return Events.failed(
                HandlerErrorCode.NotFound,
                String.format(HandlerErrorCode.NotFound.getMessage(), type.typeName(), accountId) + " " + why);
    }

    /** An identifier that cannot name a Spot account: there is nothing to read, change or delete. */
    protected final ProgressEvent<M, C> notAnAccountId(final String accountId) {
        return notFound(accountId, "AccountId must look like act-1a2b3c4d.");
    }

    /** Everything one handler invocation works with. */
    public record HandlerCall<M, C>(
            SpotApi spot,
            ResourceHandlerRequest<M> request,
            M model,
            C context,
            Logger logger,
            AmazonWebServicesClientProxy proxy) {

        public void log(final String message) {
            if (logger != null) {
                logger.log(message);
            }
        }
    }
}
