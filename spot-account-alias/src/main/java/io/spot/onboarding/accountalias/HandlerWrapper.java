// The Lambda entry point, in place of the HandlerWrapper `cfn generate` writes (which the build leaves uncompiled):
// RegistryLambdaWrapper says what differs from it and why, and spot-common's package-info walks the whole call path.
package io.spot.onboarding.accountalias;

import static io.spot.onboarding.accountalias.AccountAliasHandler.TYPE;

import io.spot.onboarding.common.wrapper.RegistryLambdaWrapper;

public final class HandlerWrapper
        extends RegistryLambdaWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {

    public HandlerWrapper() {
        this(IamAccountAliases.standard());
    }

    /** Added to what cfn writes: tests put a stand-in IAM behind the otherwise unchanged entry point. Only Create and Update read the alias. */
    HandlerWrapper(final AccountAliasSource aliases) {
        super(
                TYPE,
                invoker -> new CreateHandler(invoker, aliases),
                ReadHandler::new,
                invoker -> new UpdateHandler(invoker, aliases),
                DeleteHandler::new,
                ListHandler::new);
    }
}
