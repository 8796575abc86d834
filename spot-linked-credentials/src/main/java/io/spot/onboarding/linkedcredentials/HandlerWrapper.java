// The Lambda entry point, in place of the HandlerWrapper `cfn generate` writes (which the build leaves uncompiled):
// RegistryLambdaWrapper says what differs from it and why, and spot-common's package-info walks the whole call path.
package io.spot.onboarding.linkedcredentials;

import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHandler.TYPE;

import io.spot.onboarding.common.wrapper.RegistryLambdaWrapper;

public final class HandlerWrapper
        extends RegistryLambdaWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {

    public HandlerWrapper() {
        super(TYPE, CreateHandler::new, ReadHandler::new, UpdateHandler::new, DeleteHandler::new, ListHandler::new);
    }
}
