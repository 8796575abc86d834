// The Lambda entry point, as `cfn generate` writes it; the shared body lives in RegistryLambdaWrapper.
package io.spot.onboarding.costintelligence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.spot.onboarding.common.config.TypeConfigurationModel;
import io.spot.onboarding.common.wrapper.RegistryLambdaWrapper;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.ResourceHandlerTestPayload;

public final class HandlerWrapper extends RegistryLambdaWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {

    public HandlerWrapper() {
        super(new Configuration(), Handlers.dispatch());
    }

    @Override
    protected TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> getTypeReference() {
        return new TypeReference<>() { };
    }

    @Override
    protected TypeReference<ResourceModel> getModelTypeReference() {
        return new TypeReference<>() { };
    }

    @Override
    protected TypeReference<ResourceHandlerTestPayload<ResourceModel, CallbackContext, TypeConfigurationModel>>
        testPayloadType() {
        return new TypeReference<>() { };
    }
}
