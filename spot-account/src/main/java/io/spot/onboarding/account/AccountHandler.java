package io.spot.onboarding.account;

import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.SpotResourceHandler;
import io.spot.onboarding.common.api.SpotAccount;

/** What the five Account handlers share: the type's classes, and how a Spot account reads as a model. */
abstract class AccountHandler extends SpotResourceHandler<ResourceModel, CallbackContext> {
    /** Shape of a Spot account ID; anything else cannot exist, so it reads as not found before any call. */
    static final String ACCOUNT_ID_PATTERN = "act-[0-9a-zA-Z]{1,32}";
    static final String DEFAULT_POLICY = "Adopt";

    AccountHandler(final SpotInvoker invoker) {
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
        return context.getAccountId() != null ? context.getAccountId() : model.getAccountId();
    }

    /** IN_PROGRESS and FAILED events name the account as soon as this operation knows it. */
    @Override
    protected ResourceModel progressModel(final ResourceModel model, final CallbackContext context) {
        return context.getAccountId() == null ? model : model.toBuilder().accountId(context.getAccountId()).build();
    }

    static boolean isAccountId(final String value) {
        return value != null && value.matches(ACCOUNT_ID_PATTERN);
    }

    /** What Spot says of the account, over what the caller already knew of what Spot cannot tell. */
    static ResourceModel fromSpot(final SpotAccount account, final ResourceModel known) {
        final ResourceModel base = known == null ? new ResourceModel() : known;
        return base.toBuilder()
            .accountId(account.accountId())
            .name(account.name())
            .organizationId(account.organizationId() != null ? account.organizationId() : base.getOrganizationId())
            .awsAccountId(account.isLinked() ? account.providerExternalId() : base.getAwsAccountId())
            .build();
    }
}
