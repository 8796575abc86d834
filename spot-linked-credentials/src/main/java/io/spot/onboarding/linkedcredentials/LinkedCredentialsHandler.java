package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.SpotResourceHandler;
import io.spot.onboarding.common.handler.SpotType;
import io.spot.onboarding.common.handler.UnknownOwnership;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/** What the five LinkedCredentials handlers share: the type's declaration (its schema and generated classes), and how a link reads as a model. */
abstract class LinkedCredentialsHandler extends SpotResourceHandler<ResourceModel, CallbackContext> {
    static final SpotType<ResourceModel, CallbackContext> TYPE =
            SpotType.of(new Configuration()::resourceSchemaJSONObject, ResourceModel::new, CallbackContext::new);

    LinkedCredentialsHandler(final Action action, final SpotInvoker invoker) {
        super(TYPE, action, invoker);
    }

    /** Created and Adopted accounts are linked; Reused ones and those of unknown ownership are only observed. */
    static boolean mayWrite(final ResourceModel model) {
        return UnknownOwnership.mayWrite(model.getAccountOwnership());
    }

    /** Why the account is only observed, as an event message begins. */
    static String holder(final ResourceModel model) {
        return UnknownOwnership.holder("AccountOwnership", model.getAccountOwnership(), model.getAccountId());
    }

    /**
     * The link as Spot reports it, with PreviousRoleArn, which this resource recorded and Spot cannot
     * tell, kept from the caller's model. AccountOwnership is write-only: Spot cannot report it.
     */
    static ResourceModel linked(final ResourceModel known, final String accountId, final String roleArn) {
        return ResourceModel.builder()
                .accountId(accountId)
                .roleArn(roleArn)
                .previousRoleArn(known == null ? null : known.getPreviousRoleArn())
                .build();
    }

    /** NotFound for an account Spot reports linked to no role: there is no link to read or release. */
    final ProgressEvent<ResourceModel, CallbackContext> notLinked(final String accountId) {
        return notFound(accountId, "Spot account " + accountId + " is linked to no IAM role.");
    }
}
