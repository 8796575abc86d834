package io.spot.onboarding.accountalias;

import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.Ownership;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.SpotResourceHandler;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/** What the five AccountAlias handlers share: the type's classes, and how they name the account. */
abstract class AccountAliasHandler extends SpotResourceHandler<ResourceModel, CallbackContext> {
    /** Shape of a Spot account ID; anything else cannot exist, so it is refused before any call. */
    static final String ACCOUNT_ID_PATTERN = "act-[0-9a-zA-Z]{1,32}";

    AccountAliasHandler(final SpotInvoker invoker) {
        super(invoker);
    }

    @Override
    protected String typeName() {
        return ResourceModel.TYPE_NAME;
    }

    @Override
    protected CallbackContext newCallbackContext() {
        return new CallbackContext();
    }

    @Override
    protected ResourceModel emptyModel() {
        return new ResourceModel();
    }

    @Override
    protected String identifier(final ResourceModel model, final CallbackContext context) {
        return model.getAccountId();
    }

    static boolean isAccountId(final String value) {
        return value != null && value.matches(ACCOUNT_ID_PATTERN);
    }

    static boolean isReused(final ResourceModel model) {
        return Ownership.parse(model.getAccountOwnership()) == Ownership.REUSED;
    }

    /** For an identifier that cannot name any Spot account: there is nothing to read, change or delete. */
    static ProgressEvent<ResourceModel, CallbackContext> notFound(final String accountId) {
        return Events.failed(HandlerErrorCode.NotFound, String.format(HandlerErrorCode.NotFound.getMessage(),
            ResourceModel.TYPE_NAME, accountId) + " AccountId must look like act-1a2b3c4d.");
    }
}
