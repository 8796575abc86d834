// The Lambda entry point, as `cfn generate` writes it; the shared body lives in RegistryLambdaWrapper.
package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.config.TypeConfigurationModel;
import io.spot.onboarding.common.wrapper.RegistryLambdaWrapper;

public final class HandlerWrapper extends RegistryLambdaWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {

    public HandlerWrapper() {
        super(new Configuration(), Handlers.dispatch());
    }
}
