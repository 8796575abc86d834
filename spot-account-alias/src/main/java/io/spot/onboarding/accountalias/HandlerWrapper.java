// The Lambda entry point, in place of the HandlerWrapper `cfn generate` writes (which the build leaves uncompiled):
// RegistryLambdaWrapper says what differs from it and why.
package io.spot.onboarding.accountalias;

import io.spot.onboarding.common.wrapper.RegistryLambdaWrapper;

public final class HandlerWrapper
        extends RegistryLambdaWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {

    public HandlerWrapper() {
        super(new Configuration()::resourceSchemaJSONObject, Handlers.dispatch());
    }

    /** Added to what cfn writes: tests put a stand-in IAM behind the otherwise unchanged entry point. */
    HandlerWrapper(final AccountAliasSource aliases) {
        super(new Configuration()::resourceSchemaJSONObject, Handlers.dispatch(aliases));
    }
}
