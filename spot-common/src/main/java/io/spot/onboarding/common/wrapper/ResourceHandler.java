package io.spot.onboarding.common.wrapper;

import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** The signature of cfn's generated {@code BaseHandler}, so one dispatcher serves every type. */
@FunctionalInterface
public interface ResourceHandler<M, C, T> {

    ProgressEvent<M, C> handleRequest(
            AmazonWebServicesClientProxy proxy,
            ResourceHandlerRequest<M> request,
            C callbackContext,
            software.amazon.cloudformation.proxy.Logger logger,
            T typeConfiguration);
}
