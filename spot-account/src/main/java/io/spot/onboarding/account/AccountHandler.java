package io.spot.onboarding.account;

import io.spot.onboarding.common.api.SpotAccount;
import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.handler.DefaultAccountName;
import io.spot.onboarding.common.handler.Ownership;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.SpotResourceHandler;
import io.spot.onboarding.common.handler.SpotType;
import software.amazon.cloudformation.Action;

/** What the five Account handlers share: the type's declaration (its schema and generated classes), and how a Spot account reads as a model. */
abstract class AccountHandler extends SpotResourceHandler<ResourceModel, CallbackContext> {
    static final SpotType<ResourceModel, CallbackContext> TYPE =
            SpotType.of(new Configuration()::resourceSchemaJSONObject, ResourceModel::new, CallbackContext::new);

    static final String DEFAULT_POLICY = "Reuse";

    /** ReusedAwsAccountId of an account that is not Reused: no AWS account ID takes it. */
    static final String NOT_REUSED = "none";

    AccountHandler(final Action action, final SpotInvoker invoker) {
        super(TYPE, action, invoker);
    }

    @Override
    protected String identifier(final ResourceModel model, final CallbackContext context) {
        return context.getAccountId() != null ? context.getAccountId() : model.getAccountId();
    }

    /** IN_PROGRESS and FAILED events name the account as soon as this operation knows it. */
    @Override
    protected ResourceModel progressModel(final ResourceModel model, final CallbackContext context) {
        return context.getAccountId() == null
                ? model
                : model.toBuilder().accountId(context.getAccountId()).build();
    }

    /**
     * Renames the account and returns the name applied. Only a name this resource chose falls back where
     * Spot refuses it ({@link DefaultAccountName}); a Name the template sets is applied as it is.
     */
    static String applyName(
            final SpotApi spot, final String accountId, final String name, final boolean setByTemplate) {
        if (!setByTemplate) {
            return DefaultAccountName.rename(spot, accountId, name);
        }
        spot.renameAccount(accountId, name);
        return name;
    }

    /**
     * The model with ReusedAwsAccountId derived from its Ownership and AWS account, so Create, Read and
     * Update give the same value: the stack's role for Spot denies everything when it is the account's own ID.
     */
    static ResourceModel withReusedAwsAccountId(final ResourceModel model, final String requestAccount) {
        final boolean reused = Ownership.parse(model.getOwnership()) == Ownership.REUSED;
        final String awsAccountId = model.getAwsAccountId() != null ? model.getAwsAccountId() : requestAccount;
        return model.toBuilder()
                .reusedAwsAccountId(reused && awsAccountId != null ? awsAccountId : NOT_REUSED)
                .build();
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
