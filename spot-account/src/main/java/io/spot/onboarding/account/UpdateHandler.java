package io.spot.onboarding.account;

import io.spot.onboarding.common.api.PendingAccountName;
import io.spot.onboarding.common.api.SpotAccount;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.Ownership;
import io.spot.onboarding.common.handler.SpotInvoker;
import java.util.Objects;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Renames the account when {@code Name} changes. A {@code Name} removed from the template leaves
 * the current name alone: a Spot::Onboarding::AccountAlias resource may be naming the account.
 * {@code AwsAccountId} is updatable only to the value it has (setting {@code !Ref AWS::AccountId}
 * where it was omitted): a real change is refused, and no edit makes CloudFormation replace the
 * resource, which would delete the account its replacement had just found.
 */
public class UpdateHandler extends AccountHandler {

    public UpdateHandler(final SpotInvoker invoker) {
        super(Action.UPDATE, invoker);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final ResourceHandlerRequest<ResourceModel> request = call.request();
        final ResourceModel desired = call.model();
        final ResourceModel previous =
                request.getPreviousResourceState() == null ? new ResourceModel() : request.getPreviousResourceState();
        final String changed = awsAccountChange(desired, previous, request.getAwsAccountId());
        if (changed != null) {
            return Events.failed(
                    HandlerErrorCode.NotUpdatable,
                    changed + " cannot change: this resource stands for "
                            + "one AWS account's Spot account. To onboard another AWS account, add another resource (a stack "
                            + "replacing this one would hand the account to its cleanup).");
        }
        final String accountId = desired.getAccountId();
        call.context().setAccountId(accountId);
        final SpotAccount account = call.spot().getAccount(accountId);
        final String ownership = ownership(desired, previous);
        final String wanted = desired.getName() != null
                ? desired.getName()
                : finalNameOfOwnMarker(desired, account, ownership, request.getAwsAccountId());
        String name = account.name();
        if (wanted != null && !wanted.equals(account.name())) {
            if (Ownership.REUSED.value().equals(ownership)) {
                return Events.failed(
                        HandlerErrorCode.InvalidRequest,
                        "Spot account " + accountId + " is Reused: this "
                                + "stack never changes it, so Name cannot become '" + wanted
                                + "'. Remove Name, or recreate the "
                                + "resource with ExistingAccountPolicy Adopt.");
            }
            name = applyName(call.spot(), accountId, wanted, desired.getName() != null);
            call.log("Renamed Spot account " + accountId + " from '" + account.name() + "' to '" + name + "'");
        }
        final ResourceModel result = fromSpot(account, desired).toBuilder()
                .name(name)
                .existingAccountPolicy(
                        desired.getExistingAccountPolicy() != null
                                ? desired.getExistingAccountPolicy()
                                : previous.getExistingAccountPolicy())
                .externalId(desired.getExternalId() != null ? desired.getExternalId() : previous.getExternalId())
                .ownership(ownership)
                .previousName(
                        desired.getPreviousName() != null ? desired.getPreviousName() : previous.getPreviousName())
                .build();
        return Events.success(withReusedAwsAccountId(result, request.getAwsAccountId()), null);
    }

    /**
     * The name a Created or Adopted account still under a create marker must get now that no
     * AccountAlias of the stack will give it one (NamedByAccountAlias turned false): the AWS account ID,
     * as Create names it. Null otherwise: a Reused account is never written to.
     */
    private static String finalNameOfOwnMarker(
            final ResourceModel desired,
            final SpotAccount account,
            final String ownership,
            final String requestAccount) {
        final Ownership held = Ownership.parse(ownership);
        if (held == null
                || !held.mayChange()
                || !PendingAccountName.is(account.name())
                || CreateHandler.leftToAccountAlias(desired)) {
            return null;
        }
        return orDefault(desired.getAwsAccountId(), requestAccount);
    }

    /**
     * Never null: an update that does not know (an imported resource, a model that lost it) must not
     * write an empty Ownership that a later Delete could read as anything. Unknown is Reused, the one
     * ownership that never changes or deletes the account.
     */
    static String ownership(final ResourceModel desired, final ResourceModel previous) {
        return Ownership.forUpdate(desired.getOwnership(), previous.getOwnership());
    }

    /**
     * The unchangeable property the update would change, compared as the resource applied it, or null.
     * Not in the schema's {@code createOnlyProperties} on purpose: a change to one of those would make
     * CloudFormation replace the resource, and the replacement's cleanup would delete the account.
     */
    static String awsAccountChange(
            final ResourceModel desired, final ResourceModel previous, final String requestAccount) {
        if (!Objects.equals(
                orDefault(desired.getAwsAccountId(), requestAccount),
                orDefault(previous.getAwsAccountId(), requestAccount))) {
            return "AwsAccountId";
        }
        return null;
    }

    private static String orDefault(final String value, final String fallback) {
        return value != null ? value : fallback;
    }
}
