package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.SpotResourceHandler;
import io.spot.onboarding.common.handler.SpotType;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/** What the five LinkedCredentials handlers share: the type's declaration (its schema and generated classes), and how a link reads as a model. */
abstract class LinkedCredentialsHandler extends SpotResourceHandler<ResourceModel, CallbackContext> {
    static final SpotType<ResourceModel, CallbackContext> TYPE =
            SpotType.of(new Configuration()::resourceSchemaJSONObject, ResourceModel::new, CallbackContext::new);

    LinkedCredentialsHandler(final Action action, final SpotInvoker invoker) {
        super(TYPE, action, invoker);
    }

    /** Reused accounts are only observed; Created, Adopted and unset (a template that passes no ownership) are linked. */
    static boolean isReused(final ResourceModel model) {
        return isReused(model.getAccountOwnership());
    }

    /**
     * The link as Spot reports it, with what Spot cannot tell (AccountOwnership, PreviousRoleArn)
     * kept from the caller's model.
     */
    static ResourceModel linked(final ResourceModel known, final String accountId, final String roleArn) {
        return ResourceModel.builder()
                .accountId(accountId)
                .roleArn(roleArn)
                .accountOwnership(known == null ? null : known.getAccountOwnership())
                .previousRoleArn(known == null ? null : known.getPreviousRoleArn())
                .build();
    }

    /** NotFound for an account Spot reports linked to no role: there is no link to read or release. */
    final ProgressEvent<ResourceModel, CallbackContext> notLinked(final String accountId) {
        return notFound(accountId, "Spot account " + accountId + " is linked to no IAM role.");
    }
}
