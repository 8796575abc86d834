package io.spot.onboarding.accountalias;

import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.SpotResourceHandler;
import io.spot.onboarding.common.handler.SpotType;
import io.spot.onboarding.common.handler.UnknownOwnership;
import software.amazon.cloudformation.Action;

/** What the five AccountAlias handlers share: the type's declaration (its schema and generated classes), and how they name the account. */
abstract class AccountAliasHandler extends SpotResourceHandler<ResourceModel, CallbackContext> {
    static final SpotType<ResourceModel, CallbackContext> TYPE =
            SpotType.of(new Configuration()::resourceSchemaJSONObject, ResourceModel::new, CallbackContext::new);

    AccountAliasHandler(final Action action, final SpotInvoker invoker) {
        super(TYPE, action, invoker);
    }

    /**
     * IN_PROGRESS and FAILED events carry the name to restore as soon as it is recorded: a rollback
     * of a Create that fails after its rename must still find PreviousName in the model it is given.
     */
    @Override
    protected ResourceModel progressModel(final ResourceModel model, final CallbackContext context) {
        return model.getPreviousName() != null || context.getPreviousName() == null
                ? model
                : model.toBuilder().previousName(context.getPreviousName()).build();
    }

    /** Created and Adopted accounts are named; Reused ones and those of unknown ownership are only observed. */
    static boolean mayWrite(final ResourceModel model) {
        return UnknownOwnership.mayWrite(model.getAccountOwnership());
    }

    /** Why the account is only observed, as an event message begins. */
    static String holder(final ResourceModel model, final String accountId) {
        return UnknownOwnership.holder("AccountOwnership", model.getAccountOwnership(), accountId);
    }
}
