package io.spot.onboarding.common.wrapper;

import io.spot.onboarding.common.handler.SpotCallbackContext;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.SpotResourceHandler;
import io.spot.onboarding.common.handler.SpotTokenSettings;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.RequestData;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * What cfn's generated {@code HandlerWrapper} does for every type (map an action to its handler,
 * turn the wire request into a {@link ResourceHandlerRequest}), written once for the Lambda and the
 * executable entry points of all four types.
 */
public final class HandlerDispatch<M, C, T> {
    private final Map<Action, ResourceHandler<M, C, T>> handlers = new EnumMap<>(Action.class);

    /**
     * A type's handlers, each built with the {@link SpotInvoker} a deployed handler uses and found by
     * the action it declares.
     */
    @SafeVarargs
    public static <M, C extends SpotCallbackContext> HandlerDispatch<M, C, SpotTokenSettings> of(
            final Function<SpotInvoker, ? extends SpotResourceHandler<M, C>>... handlers) {
        final SpotInvoker invoker = SpotInvoker.standard();
        final HandlerDispatch<M, C, SpotTokenSettings> dispatch = new HandlerDispatch<>();
        for (final Function<SpotInvoker, ? extends SpotResourceHandler<M, C>> make : handlers) {
            final SpotResourceHandler<M, C> handler = make.apply(invoker);
            dispatch.on(handler.action(), handler);
        }
        return dispatch;
    }

    public HandlerDispatch<M, C, T> on(final Action action, final ResourceHandler<M, C, T> handler) {
        handlers.put(action, handler);
        return this;
    }

    public ProgressEvent<M, C> invoke(
            final AmazonWebServicesClientProxy proxy,
            final ResourceHandlerRequest<M> request,
            final Action action,
            final C callbackContext,
            final T typeConfiguration,
            final LoggerProxy logger) {
        final ResourceHandler<M, C, T> handler = handlers.get(action);
        if (handler == null) {
            throw new IllegalArgumentException("Unknown action " + action);
        }
        logger.log(String.format("[%s] invoking handler...", action));
        final ProgressEvent<M, C> result =
                handler.handleRequest(proxy, request, callbackContext, logger, typeConfiguration);
        logger.log(String.format("[%s] handler invoked", action));
        return result;
    }

    /**
     * What the SDK's PartitionMetadata answers, without it: it loads the metadata of every AWS
     * service (over 300 classes) on each cold start, for a value no Spot handler reads.
     */
    static String partition(final String region) {
        if (region == null) {
            return null;
        }
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        return "aws";
    }

    public static <M, C, T> ResourceHandlerRequest<M> transform(
            final HandlerRequest<M, C, T> request,
            final Map<String, String> desiredTags,
            final Map<String, String> previousTags) {
        final RequestData<M, T> data = request.getRequestData();
        final String region = request.getRegion();
        return ResourceHandlerRequest.<M>builder()
                .clientRequestToken(request.getBearerToken())
                .desiredResourceState(data.getResourceProperties())
                .previousResourceState(data.getPreviousResourceProperties())
                .desiredResourceTags(desiredTags)
                .previousResourceTags(previousTags)
                .systemTags(data.getSystemTags())
                .previousSystemTags(data.getPreviousSystemTags())
                .awsAccountId(request.getAwsAccountId())
                .logicalResourceIdentifier(data.getLogicalResourceId())
                .nextToken(request.getNextToken())
                .maxResults(request.getMaxResults())
                .region(region)
                .awsPartition(partition(region))
                .stackId(request.getStackId())
                // A Delete or Update that undoes a failed operation: handlers release what the stack did not create.
                .rollback(request.getRollback())
                .build();
    }
}
