package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.Ownership;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.SpotResourceHandler;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/** What the five LinkedCredentials handlers share: the type's classes, and how a link reads as a model. */
abstract class LinkedCredentialsHandler extends SpotResourceHandler<ResourceModel, CallbackContext> {
    /** Shape of a Spot account ID; anything else cannot exist, so it reads as not found before any call. */
    static final String ACCOUNT_ID_PATTERN = "act-[0-9a-zA-Z]{1,32}";

    LinkedCredentialsHandler(final SpotInvoker invoker) {
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

    /** Reused accounts are only observed; Created, Adopted and unset (the Account type's default, Adopt) are linked. */
    static boolean isReused(final ResourceModel model) {
        return Ownership.parse(model.getAccountOwnership()) == Ownership.REUSED;
    }

    static ProgressEvent<ResourceModel, CallbackContext> notFound(final String accountId, final String why) {
        return Events.failed(HandlerErrorCode.NotFound, String.format(HandlerErrorCode.NotFound.getMessage(),
            ResourceModel.TYPE_NAME, accountId) + " " + why);
    }

    /** The link as Spot reports it, with what Spot cannot tell (AccountOwnership) kept from the caller's model. */
    static ResourceModel linked(final ResourceModel known, final String accountId, final String roleArn) {
        return ResourceModel.builder()
            .accountId(accountId)
            .roleArn(roleArn)
            .accountOwnership(known == null ? null : known.getAccountOwnership())
            .build();
    }
}
