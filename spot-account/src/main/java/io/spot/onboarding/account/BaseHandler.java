// Written as `cfn generate` writes it, made a ResourceHandler so the shared dispatcher can call it.
package io.spot.onboarding.account;

import io.spot.onboarding.common.wrapper.ResourceHandler;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

public abstract class BaseHandler<CallbackT, ConfigurationT>
    implements ResourceHandler<ResourceModel, CallbackT, ConfigurationT> {

    @Override
    public abstract ProgressEvent<ResourceModel, CallbackT> handleRequest(
        AmazonWebServicesClientProxy proxy,
        ResourceHandlerRequest<ResourceModel> request,
        CallbackT callbackContext,
        Logger logger,
        ConfigurationT typeConfiguration);
}
