package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.api.SpotAccount;
import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.api.SpotNotFoundException;
import io.spot.onboarding.common.api.SpotValidationException;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotResourceHandler.HandlerCall;
import java.util.OptionalInt;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Brings a Spot account's link to the desired role, for Create and Update, in three steps that a
 * re-invocation resumes from the callback context:
 * <ol>
 *   <li>check: the account exists (E3), what it is linked to now (E8), and that the role is in the
 *       AWS account the Spot account stands for. A Reused account stops here: it is only observed.
 *       A link already equal to the role stops here too, with nothing written.</li>
 *   <li>link: set-credentials (E7), waiting with IN_PROGRESS while Spot cannot assume the role yet.</li>
 *   <li>confirm: read the link back (E8) and succeed only when Spot reports the role.</li>
 * </ol>
 * The check ends its invocation with {@link PropagationWait#FIRST_SECONDS} of waiting for IAM, so an
 * invocation makes at most two Spot calls and the client's timeouts keep it far below the 60 s limit.
 */
final class Linker {
    private final HandlerCall<ResourceModel, CallbackContext> call;
    private final ResourceModel desired;
    private final String accountId;
    private final RoleArn role;
    private final boolean creating;

    Linker(final HandlerCall<ResourceModel, CallbackContext> call, final RoleArn role, final boolean creating) {
        this.call = call;
        this.desired = call.model();
        this.accountId = call.model().getAccountId();
        this.role = role;
        this.creating = creating;
    }

    ProgressEvent<ResourceModel, CallbackContext> converge() {
        final CallbackContext context = call.context();
        if (!context.isChecked()) {
            final ProgressEvent<ResourceModel, CallbackContext> settled = check(call.spot());
            if (settled != null) {
                return settled;
            }
            context.setChecked(true);
            final String replaced = context.getPreviousRoleArn() == null
                    ? ""
                    : "; it is linked to role "
                            + context.getPreviousRoleArn() + " now"
                            + (desired.getPreviousRoleArn() == null
                                    ? ""
                                    : ", and PreviousRoleArn " + desired.getPreviousRoleArn()
                                            + " is what Delete and rollback give back");
            return Events.inProgress(
                    desired,
                    context,
                    PropagationWait.FIRST_SECONDS,
                    "Waiting "
                            + PropagationWait.FIRST_SECONDS + " s for IAM to propagate role " + role.value()
                            + " before Spot "
                            + "account " + accountId + " is linked to it" + replaced);
        }
        if (!context.isLinkAccepted()) {
            try {
                call.spot().linkRole(accountId, role.value());
            } catch (SpotValidationException refusal) {
                return refused(refusal);
            }
            context.setLinkAccepted(true);
            call.log("Spot accepted the link of account " + accountId + " to role " + role.value());
        }
        return confirm();
    }

    /** A finished event when nothing has to be written (or nothing may be), else null to go on linking. */
    private ProgressEvent<ResourceModel, CallbackContext> check(final SpotApi spot) {
        final SpotAccount account;
        try {
            account = spot.getAccount(accountId);
        } catch (SpotNotFoundException missing) {
            if (!creating) {
                throw missing;
            }
            // For a Create the account is an input, not the resource: naming one that does not exist is bad input.
            return Events.failed(
                    HandlerErrorCode.InvalidRequest,
                    "AccountId " + accountId + " names no Spot account "
                            + "of the organization the configured token belongs to. Pass the Ref of a Spot::Onboarding::Account "
                            + "resource, or the ID of an existing account. Nothing was changed. "
                            + missing.getMessage());
        }
        final String current = CurrentLink.ofExisting(spot, accountId).orElse(null);
        if (creating) {
            // The link this resource replaces, for Delete and rollback to give back: it is in the
            // model of the IN_PROGRESS event that ends this check, before any link is sent.
            desired.setPreviousRoleArn(current);
        }
        if (!LinkedCredentialsHandler.mayWrite(desired)) {
            return observe(current);
        }
        if (role.value().equals(current)) {
            return Events.success(
                    desired,
                    "Spot account " + accountId + " is already linked to role " + current + "; nothing to change");
        }
        if (account.isLinked() && !account.providerExternalId().equals(role.awsAccountId())) {
            return Events.failed(
                    HandlerErrorCode.InvalidRequest,
                    "RoleArn " + role.value() + " is a role of AWS "
                            + "account " + role.awsAccountId() + ", but Spot account " + accountId
                            + " stands for AWS account "
                            + account.providerExternalId() + (current == null ? "" : " (linked to " + current + ")")
                            + ". Use "
                            + "a role of AWS account " + account.providerExternalId()
                            + ", or a Spot account for AWS account "
                            + role.awsAccountId() + ". Nothing was changed.");
        }
        call.context().setPreviousRoleArn(current);
        return null;
    }

    /** AccountOwnership Reused or unknown: report the link Spot has, write nothing. */
    private ProgressEvent<ResourceModel, CallbackContext> observe(final String current) {
        final String holder = LinkedCredentialsHandler.holder(desired);
        if (current == null) {
            return Events.failed(
                    HandlerErrorCode.InvalidRequest,
                    holder + ", so this stack does not write to it, and it is linked to no role: there is no link "
                            + "to manage. Link it in Spot, or give the stack the account to manage (pass AccountOwnership: "
                            + "!GetAtt of a Spot::Onboarding::Account that created or adopted it). Nothing was changed.");
        }
        final String note = role.value().equals(current)
                ? ""
                : "; RoleArn " + role.value() + " was not applied " + "(drift detection shows the difference)";
        return Events.success(
                LinkedCredentialsHandler.linked(desired, accountId, current),
                holder + ": left linked to role " + current + ", untouched" + note);
    }

    private ProgressEvent<ResourceModel, CallbackContext> refused(final SpotValidationException refusal) {
        if (LinkRefusals.isFinal(refusal)) {
            return failed(
                    HandlerErrorCode.InvalidRequest,
                    "Spot refused to link account " + accountId + " to role " + role.value() + ": "
                            + refusal.getMessage() + hint(refusal) + " Nothing was changed.");
        }
        final CallbackContext context = call.context();
        final OptionalInt delay = PropagationWait.next(context);
        if (delay.isEmpty()) {
            return failed(
                    HandlerErrorCode.NotStabilized,
                    "Spot still could not use role " + role.value()
                            + " for account " + accountId + " after " + PropagationWait.ATTEMPTS + " attempts over "
                            + PropagationWait.TOTAL_SECONDS
                            + " s, longer than IAM takes to propagate a new role. Spot said: "
                            + refusal.getMessage()
                            + ". Check that the role exists and trusts arn:aws:iam::922761411349:root "
                            + "with sts:ExternalId equal to the Spot::Onboarding::Account's ExternalId, then update the stack "
                            + "again. The account's link was not changed." + hint(refusal));
        }
        call.log("Spot cannot use role " + role.value() + " yet (" + LinkRefusals.spotWords(refusal)
                + "); calling again in " + delay.getAsInt() + " s");
        return Events.inProgress(
                desired,
                context,
                delay.getAsInt(),
                "Waiting " + delay.getAsInt() + " s for IAM "
                        + "to propagate role " + role.value() + " before linking it again ("
                        + PropagationWait.attemptOf(context)
                        + "): " + LinkRefusals.spotWords(refusal));
    }

    /**
     * FAILED after the check carries the model: a link may have been sent, and the rollback's
     * Delete must still find PreviousRoleArn in it.
     */
    private ProgressEvent<ResourceModel, CallbackContext> failed(final HandlerErrorCode code, final String message) {
        return ProgressEvent.<ResourceModel, CallbackContext>builder()
                .status(OperationStatus.FAILED)
                .errorCode(code)
                .message(message)
                .resourceModel(desired)
                .build();
    }

    private static String hint(final SpotValidationException refusal) {
        return refusal.hasErrorCode("EXTERNAL_ID_MISSING")
                ? " The account has no external ID yet: create the account "
                        + "with Spot::Onboarding::Account, which mints one, and require its ExternalId in the role's trust "
                        + "policy."
                : "";
    }

    private ProgressEvent<ResourceModel, CallbackContext> confirm() {
        final String reported = CurrentLink.ofExisting(call.spot(), accountId).orElse(null);
        if (role.value().equals(reported)) {
            final String previous = call.context().getPreviousRoleArn();
            return Events.success(
                    desired,
                    previous == null
                            ? "Linked Spot account " + accountId + " to role " + role.value()
                            : "Relinked Spot account " + accountId + " from role " + previous + " to role "
                                    + role.value());
        }
        final OptionalInt delay = PropagationWait.next(call.context());
        final String seen = reported == null ? "no role" : "role " + reported;
        if (delay.isEmpty()) {
            return failed(
                    HandlerErrorCode.NotStabilized,
                    "Spot accepted the link of account " + accountId
                            + " to role " + role.value() + " but still reports " + seen + " after "
                            + PropagationWait.TOTAL_SECONDS
                            + " s; another client may be relinking the account. Check its credentials in the Spot console, then "
                            + "update the stack again.");
        }
        return Events.inProgress(
                desired,
                call.context(),
                delay.getAsInt(),
                "Spot accepted the link of account "
                        + accountId + " to role " + role.value() + " but reports " + seen + "; reading it again in "
                        + delay.getAsInt() + " s");
    }
}
