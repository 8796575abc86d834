package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.api.SpotValidationException;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.Ownership;
import io.spot.onboarding.common.handler.Rollback;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.UnknownOwnership;
import java.util.Optional;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Spot has no call to unlink credentials (docs/spot-api.md E9); the only write Delete can make is a
 * relink. It makes one only to give an Adopted account back the link this resource replaced
 * (PreviousRoleArn): otherwise a stack delete or a
 * rollback, which deletes the stack's SpotRole right after this resource, would leave Spot assuming
 * a role that no longer exists on an account that worked before the stack. A stack delete and a
 * rollback are treated alike; the message says which it was.
 * <ul>
 *   <li>Created: nothing is written; the link goes with the account, which Spot::Onboarding::Account
 *       deletes next.</li>
 *   <li>Reused: nothing is written, ever.</li>
 *   <li>Adopted: relinked to PreviousRoleArn when the model records one and the account still carries
 *       the link this resource made (RoleArn); a relink made outside CloudFormation since is someone's
 *       choice and is left. No PreviousRoleArn: left as it is, and said so.</li>
 *   <li>Unknown (Cloud Control's DeleteResource with the identifier alone, an import, a template that
 *       does not pass it): nothing is written, as in every type ({@link UnknownOwnership}).</li>
 * </ul>
 * An account gone, or linked to no role, is NotFound, as for any resource already deleted. A relink
 * whose answer was lost is found on the next invocation: the account then already has its old link.
 */
public class DeleteHandler extends LinkedCredentialsHandler {

    public DeleteHandler(final SpotInvoker invoker) {
        super(Action.DELETE, invoker);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final ResourceModel model = call.model();
        final String accountId = model.getAccountId();
        final Optional<String> link = CurrentLink.of(call.spot(), accountId);
        if (link.isEmpty()) {
            return notLinked(accountId);
        }
        final String current = link.get();
        final Ownership ownership = Ownership.parse(model.getAccountOwnership());
        if (ownership == null) {
            return released(
                    call,
                    UnknownOwnership.leftAsIs(
                            "AccountOwnership", accountId, "its link to role " + current + " is left as it is"));
        }
        if (ownership == Ownership.REUSED) {
            return released(
                    call, "Spot account " + accountId + " is Reused: left linked to role " + current + ", untouched");
        }
        if (ownership == Ownership.CREATED) {
            return released(
                    call,
                    "Spot has no call to unlink credentials, so Spot account " + accountId + " stays "
                            + "linked to role " + current
                            + "; nothing was changed in Spot. The account is Created: the link "
                            + "disappears with it when Spot::Onboarding::Account deletes it, and stops working when the role is "
                            + "deleted.");
        }
        return giveBack(call, current);
    }

    /** Adopted: the account existed before the stack. */
    private ProgressEvent<ResourceModel, CallbackContext> giveBack(
            final HandlerCall<ResourceModel, CallbackContext> call, final String current) {

        final ResourceModel model = call.model();
        final String accountId = model.getAccountId();
        final String previous = model.getPreviousRoleArn();
        final String holder = "Spot account " + accountId + " is Adopted";
        if (previous == null) {
            return released(
                    call,
                    holder + ", and no earlier link is recorded (PreviousRoleArn is unset: the account "
                            + "had no link before this resource, or the model does not carry it). Spot has no call to unlink, so "
                            + "it stays linked to role " + current + "; nothing was changed in Spot.");
        }
        if (previous.equals(current)) {
            return released(
                    call,
                    "Spot account " + accountId + " is linked to role " + current + ", as before this "
                            + "resource linked it; nothing was changed in Spot.");
        }
        if (!current.equals(model.getRoleArn())) {
            return released(
                    call,
                    "Spot account " + accountId + " is linked to role " + current + ", not to the role "
                            + "this resource linked (" + model.getRoleArn()
                            + "): it was relinked outside CloudFormation, and that "
                            + "link was left, not changed back to role " + previous + ".");
        }
        final String operation = Rollback.or(call.request(), "delete");
        try {
            call.spot().linkRole(accountId, previous);
        } catch (SpotValidationException refusal) {
            return Events.failed(
                    HandlerErrorCode.InvalidRequest,
                    "Spot refused to link Spot account " + accountId
                            + " back to role " + previous + ", its link before this resource (" + holder + "): "
                            + refusal.getMessage() + ". The account stays linked to role " + current + ". The "
                            + operation
                            + " stops here, because deleting role " + current
                            + " next would leave Spot assuming a role that no "
                            + "longer exists. Make role " + previous + " usable by Spot again (it must exist and trust "
                            + "arn:aws:iam::922761411349:root with the account's current external ID) and retry; or keep role "
                            + current
                            + " and retain this resource (delete-stack --retain-resources, continue-update-rollback "
                            + "--resources-to-skip).");
        }
        final String reported = CurrentLink.ofExisting(call.spot(), accountId).orElse(null);
        if (!previous.equals(reported)) {
            return Events.failed(
                    HandlerErrorCode.NotStabilized,
                    "Spot accepted linking Spot account " + accountId
                            + " back to role " + previous + " but reports "
                            + (reported == null ? "no role" : "role " + reported)
                            + "; another client may be relinking the account. Check its credentials in the Spot console, then "
                            + "retry the " + operation + ".");
        }
        return released(
                call,
                "Linked Spot account " + accountId + " back to role " + previous + ", its link before "
                        + "this resource, in place of role " + current + " (" + holder + "; " + operation + ").");
    }

    private static ProgressEvent<ResourceModel, CallbackContext> released(
            final HandlerCall<ResourceModel, CallbackContext> call, final String message) {
        call.log(message);
        return Events.deleted(message);
    }
}
