package io.spot.onboarding.common.handler;

import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.api.SpotApiClient;
import io.spot.onboarding.common.api.SpotApiException;
import io.spot.onboarding.common.api.SpotClientTimeouts;
import io.spot.onboarding.common.handler.SpotResourceHandler.HandlerCall;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Runs a handler body against Spot: resolves the token, builds the client, and turns any Spot
 * failure into the event the handler contract wants. Handlers hold none of this logic, so all
 * four types retry, wait and fail alike. Collaborators come in through the constructor so tests
 * can replace them.
 */
public final class SpotInvoker {
    private final BiFunction<AmazonWebServicesClientProxy, String, SecretReader> secretReaders;
    private final Function<SpotAccess, SpotApi> clients;
    private final RetryPolicy retryPolicy;

    public SpotInvoker(
            final BiFunction<AmazonWebServicesClientProxy, String, SecretReader> secretReaders,
            final Function<SpotAccess, SpotApi> clients,
            final RetryPolicy retryPolicy) {
        this.secretReaders = secretReaders;
        this.clients = clients;
        this.retryPolicy = retryPolicy;
    }

    /** What a deployed handler uses: Secrets Manager with the caller's credentials, OkHttp to Spot. */
    public static SpotInvoker standard() {
        return new SpotInvoker(
                SecretsManagerSecretReader::new,
                access -> SpotApiClient.create(
                        access.endpoint(), access.token(), SpotClientTimeouts.fromSystemProperties()),
                new RetryPolicy());
    }

    /** @param body the handler's checks and logic, given the call with its Spot client */
    public <M, C extends SpotCallbackContext> ProgressEvent<M, C> invoke(
            final HandlerCall<M, C> invocation, final Function<HandlerCall<M, C>, ProgressEvent<M, C>> body) {

        if (invocation.mayWait() && invocation.context().getOwedWaitSeconds() > 0) {
            return WaitBudget.count(stillWaiting(invocation), invocation.context());
        }
        // Built on first use only: a token from the type configuration needs no AWS client, and
        // building one costs a cold start about a thousand classes.
        final SecretReader secrets = SecretCache.caching(
                invocation.request().getAwsAccountId() + "|"
                        + invocation.request().getRegion(),
                secretId -> secretReaders
                        .apply(invocation.proxy(), invocation.request().getRegion())
                        .secretString(secretId),
                Clock.systemUTC());
        final SpotAccess access =
                new SpotTokenResolver(invocation.typeName()).resolve(invocation.tokenSettings(), secrets);
        final SpotApi spot;
        try {
            spot = clients.apply(access);
        } catch (IllegalArgumentException e) {
            throw new software.amazon.cloudformation.exceptions.CfnInvalidTypeConfigurationException(
                    invocation.typeName(), e.getMessage());
        }
        ProgressEvent<M, C> event;
        try {
            event = body.apply(invocation.withSpot(spot));
        } catch (SpotApiException failure) {
            event = afterFailure(invocation, failure, access.tokenSource());
        }
        return WaitBudget.count(event, invocation.context());
    }

    /** The rest of a rate-limit wait longer than one callback: no token, no call, only time. */
    private static <M, C extends SpotCallbackContext> ProgressEvent<M, C> stillWaiting(
            final HandlerCall<M, C> invocation) {
        final C context = invocation.context();
        final int owed = context.getOwedWaitSeconds();
        final int delay = Math.min(RetryPolicy.MAX_DELAY_SECONDS, owed);
        context.setOwedWaitSeconds(owed - delay);
        return ProgressEvent.<M, C>builder()
                .status(OperationStatus.IN_PROGRESS)
                .resourceModel(invocation.progressModel().get())
                .callbackContext(context)
                .callbackDelaySeconds(delay)
                .message(
                        "Waiting " + delay + " s more before calling Spot again: its rate limit refused this operation "
                                + context.getThrottleRetries()
                                + " times, and every call made while a route is blocked keeps it blocked")
                .build();
    }

    private <M, C extends SpotCallbackContext> ProgressEvent<M, C> afterFailure(
            final HandlerCall<M, C> invocation, final SpotApiException failure, final String tokenSource) {

        if (invocation.mayWait()) {
            final OptionalInt delay = retryPolicy.nextDelaySeconds(failure, invocation.context());
            if (delay.isPresent()) {
                invocation.logOperation(failure.getMessage() + "; calling again in " + delay.getAsInt() + " s");
                return ProgressEvent.<M, C>builder()
                        .status(OperationStatus.IN_PROGRESS)
                        .resourceModel(invocation.progressModel().get())
                        .callbackContext(invocation.context())
                        .callbackDelaySeconds(delay.getAsInt())
                        .message(
                                "Waiting " + delay.getAsInt() + " s before calling Spot again: " + failure.getMessage())
                        .build();
            }
        }
        final String message = SpotFailures.message(
                failure, invocation.typeName(), invocation.identifier().get(), tokenSource);
        invocation.logOperation("failed: " + message);
        return ProgressEvent.<M, C>builder()
                .status(OperationStatus.FAILED)
                .errorCode(SpotFailures.errorCode(failure))
                .message(message)
                .resourceModel(invocation.mayWait() ? invocation.progressModel().get() : null)
                .build();
    }
}
