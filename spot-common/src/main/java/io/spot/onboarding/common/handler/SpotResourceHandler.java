package io.spot.onboarding.common.handler;

import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.wrapper.ResourceHandler;
import java.util.Set;
import java.util.function.Supplier;
import lombok.With;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * The base of every Spot handler, in place of cfn's generated {@code BaseHandler}. It turns the
 * request into one {@link HandlerCall}, has {@link SpotInvoker} give it a Spot client for the
 * resolved token (and turn any Spot failure into an event), runs the refusals every type shares
 * ({@link RequestChecks}: create-only properties, the Spot account ID) and only then the handler's
 * {@link #handle}, which is the resource's own logic alone.
 */
public abstract class SpotResourceHandler<M, C extends SpotCallbackContext>
        implements ResourceHandler<M, C, SpotTokenSettings> {

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

    /** The action this handler serves, by which {@code HandlerDispatch} finds it. */
    public final Action action() {
        return action;
    }

    @Override
    public final ProgressEvent<M, C> handleRequest(
            final AmazonWebServicesClientProxy proxy,
            final ResourceHandlerRequest<M> request,
            final C callbackContext,
            final Logger logger,
            final SpotTokenSettings tokenSettings) {
        final C context = callbackContext == null ? type.newCallbackContext().get() : callbackContext;
        final M model =
                request.getDesiredResourceState() == null ? type.emptyModel().get() : request.getDesiredResourceState();
        final HandlerCall<M, C> call = new HandlerCall<>(
                type.typeName(),
                action,
                proxy,
                request,
                model,
                context,
                logger,
                tokenSettings == null ? SpotTokenSettings.NONE : tokenSettings,
                null,
                () -> identifier(model, context),
                () -> progressModel(model, context));
        return invoker.invoke(
                call, withSpot -> RequestChecks.refusal(type, withSpot).orElseGet(() -> handle(withSpot)));
    }

    /** How messages name the resource: by default its Spot account ID. */
    protected String identifier(final M model, final C context) {
        return type.accountId(model);
    }

    /** The model an IN_PROGRESS or FAILED event carries: by default the desired state. */
    protected M progressModel(final M model, final C context) {
        return model;
    }

    /** The resource's own logic: the shared refusals have passed, and {@code call.spot()} is ready. */
    protected abstract ProgressEvent<M, C> handle(HandlerCall<M, C> call);

    public static boolean isAccountId(final String value) {
        return value != null && value.matches(ACCOUNT_ID_PATTERN);
    }

    public static boolean isReused(final String ownership) {
        return Ownership.parse(ownership) == Ownership.REUSED;
    }

    /** NotFound, in the plugin's words, followed by why. */
    protected final ProgressEvent<M, C> notFound(final String accountId, final String why) {
        return Events.notFound(type.typeName(), accountId, why);
    }

    /**
     * Everything one handler invocation works with, from the request to the Spot client.
     *
     * @param tokenSettings where the Spot API token is to be found (the type configuration)
     * @param spot          the Spot client, set by {@link SpotInvoker} ({@code withSpot}) before the handler runs
     * @param identifier    what to call the resource in messages (the Spot account ID, when known)
     * @param progressModel the model an IN_PROGRESS or FAILED event of this invocation carries: the
     *                      desired state with whatever identifier the callback context already holds
     */
    public record HandlerCall<M, C extends SpotCallbackContext>(
            String typeName,
            Action action,
            AmazonWebServicesClientProxy proxy,
            ResourceHandlerRequest<M> request,
            M model,
            C context,
            Logger logger,
            SpotTokenSettings tokenSettings,
            @With SpotApi spot,
            Supplier<String> identifier,
            Supplier<M> progressModel) {

        private static final Set<Action> MUTATING = Set.of(Action.CREATE, Action.UPDATE, Action.DELETE);

        /** Create, Update and Delete may wait with IN_PROGRESS; Read and List must answer at once. */
        public boolean mayWait() {
            return MUTATING.contains(action);
        }

        public void log(final String message) {
            if (logger != null) {
                logger.log(message);
            }
        }

        /** A line that says which operation on which resource it is about. */
        void logOperation(final String message) {
            log(typeName + " " + action + " " + identifier.get() + ": " + message);
        }
    }
}
