// The Lambda entry point, in place of the HandlerWrapper `cfn generate` writes (which the build leaves uncompiled):
// RegistryLambdaWrapper says what differs from it and why, and spot-common's package-info walks the whole call path.
package io.spot.onboarding.costintelligence;

import static io.spot.onboarding.costintelligence.CostIntelligenceHandler.TYPE;

import io.spot.onboarding.common.wrapper.RegistryLambdaWrapper;

public final class HandlerWrapper
        extends RegistryLambdaWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {

    public HandlerWrapper() {
        this(EnrollmentSearch.perInvocation(PageSizeChoice.preferLarge()));
    }

    /** One search for all five handlers, so one refusal of large pages is paid once per container. */
    private HandlerWrapper(final EnrollmentSearch search) {
        super(
                TYPE,
                invoker -> new CreateHandler(invoker, search),
                invoker -> new ReadHandler(invoker, search),
                invoker -> new UpdateHandler(invoker, search),
                invoker -> new DeleteHandler(invoker, search),
                invoker -> new ListHandler(invoker, search));
    }
}
