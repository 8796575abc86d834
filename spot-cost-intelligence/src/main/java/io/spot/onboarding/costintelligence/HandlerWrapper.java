// The Lambda entry point, in place of the HandlerWrapper `cfn generate` writes (which the build leaves uncompiled):
// RegistryLambdaWrapper says what differs from it and why.
package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.wrapper.RegistryLambdaWrapper;

public final class HandlerWrapper
        extends RegistryLambdaWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {

    public HandlerWrapper() {
        super(new Configuration()::resourceSchemaJSONObject, Handlers.dispatch());
    }
}
