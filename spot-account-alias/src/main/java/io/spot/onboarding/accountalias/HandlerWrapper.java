// The Lambda entry point, as `cfn generate` writes it; the shared body lives in RegistryLambdaWrapper.
package io.spot.onboarding.accountalias;

import io.spot.onboarding.common.config.TypeConfigurationModel;
import io.spot.onboarding.common.wrapper.RegistryLambdaWrapper;

public final class HandlerWrapper extends RegistryLambdaWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {

    public HandlerWrapper() {
        super(new Configuration(), Handlers.dispatch());
    }

    /** Added to what cfn writes: tests put a stand-in IAM behind the otherwise unchanged entry point. */
    HandlerWrapper(final AccountAliasSource aliases) {
        super(new Configuration(), Handlers.dispatch(aliases));
    }
}
