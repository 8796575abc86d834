package io.spot.onboarding.account;

import io.spot.onboarding.common.api.SpotAccount;
import io.spot.onboarding.common.api.SpotNotFoundException;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.Ownership;
import io.spot.onboarding.common.handler.Rollback;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.UnknownOwnership;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Deletes the Spot account only when this stack provably owns it: it created it ({@code Created},
 * which a Create records from the moment Spot answered, so a rollback of an unfinished Create
 * removes what it made), or it adopted it and this is a real stack delete. Everything else is
 * released as it was found: a {@code Reused} account; an {@code Adopted} one during a rollback
 * (its name put back); and an account whose ownership the model does not say (resource import,
 * Cloud Control, a lost model, a Create that never succeeded), since an account nobody can prove
 * this stack made is never deleted. A released account is read first, so a Delete of an account
 * that no longer exists is still NotFound.
 *
 * <p>Before deleting, CloudFormation itself is asked ({@link StackAuthority}): an Adopted account goes
 * only when the stack's status shows a stack delete or a template edit's cleanup, never on the
 * request's rollback field alone; and no account goes while another Account resource (the one that
 * replaced this one, another stack's) still holds it. When CloudFormation cannot answer, the account is
 * left and the message says why.
 */
public class DeleteHandler extends AccountHandler {
    /** Stack statuses in which a Delete is the user's own removal, not a rollback. */
    private static final Set<String> DELIBERATE = Set.of("DELETE_IN_PROGRESS", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS");

    private final StackAuthority stacks;

    public DeleteHandler(final SpotInvoker invoker) {
        this(invoker, new StackAuthority());
    }

    DeleteHandler(final SpotInvoker invoker, final StackAuthority stacks) {
        super(Action.DELETE, invoker);
        this.stacks = stacks;
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final ResourceModel model = call.model();
        final String accountId = model.getAccountId();
        call.context().setAccountId(accountId);
        final Ownership ownership = Ownership.parse(model.getOwnership());
        final boolean rollback = Rollback.requested(call.request());
        if (ownership == null) {
            // Also a Create that never finished without claiming the account: it made nothing to remove.
            return UnknownOwnership.deleted(
                    call.spot(),
                    "Ownership",
                    accountId,
                    "the account is left in place, since an account of unknown ownership is never deleted (delete it "
                            + "in Spot if it should go)");
        }
        if (ownership == Ownership.REUSED) {
            call.spot().getAccount(accountId);
            return Events.deleted(
                    "Spot account " + accountId + " was Reused, not created by this stack: left " + "untouched");
        }
        if (ownership == Ownership.ADOPTED && rollback) {
            return Events.deleted(release(call, accountId, "was Adopted by a Create that is being rolled back"));
        }
        if (!(ownership == Ownership.CREATED && rollback)) {
            final String kept = keptFor(call, ownership, accountId);
            if (kept != null) {
                return Events.deleted(kept);
            }
        }
        deleteAccount(call, accountId);
        call.log("Deleted Spot account " + accountId);
        return Events.deleted("Deleted Spot account " + accountId + " (" + ownership.value() + " by this stack)");
    }

    /**
     * Why the account must stay, as the Delete's message, or null when it may go: an adoption whose
     * stack is not being deleted, another Account resource that holds it, or CloudFormation unable to say.
     */
    private String keptFor(
            final HandlerCall<ResourceModel, CallbackContext> call, final Ownership ownership, final String accountId) {
        final String region = call.request().getRegion();
        final String stackId = call.request().getStackId();
        try {
            if (ownership == Ownership.ADOPTED) {
                final String status =
                        stacks.stackStatus(call.proxy(), region, stackId).orElse(null);
                if (status == null || !DELIBERATE.contains(status)) {
                    return release(
                            call,
                            accountId,
                            "was Adopted, and CloudFormation does not show this Delete as a stack delete (stack status "
                                    + (status == null ? "unknown" : status) + "), so it may be a rollback");
                }
            }
            final List<StackAuthority.Holder> holders = stacks.otherHolders(
                    call.proxy(), region, stackId, call.request().getLogicalResourceIdentifier(), accountId);
            if (holders.isEmpty()) {
                return null;
            }
            call.spot().getAccount(accountId);
            return "Spot account " + accountId + " left in place, not deleted: " + StackAuthority.TYPE + " "
                    + holders.stream().map(StackAuthority.Holder::describe).collect(Collectors.joining(", "))
                    + " uses it too (a replacement, a renamed logical ID, or another stack), and deleting it would leave "
                    + "that resource on a Spot account that no longer exists. It is held there as Reused; delete it in "
                    + "Spot once no stack uses it.";
        } catch (StackAuthority.Unknown unknown) {
            call.spot().getAccount(accountId);
            return "Spot account " + accountId + " left in place, not deleted: CloudFormation could not tell whether "
                    + "another Spot::Onboarding::Account uses it or whether this is a stack delete ("
                    + unknown.getMessage()
                    + "). The handlers' role needs " + String.join(" and ", StackAuthority.PERMISSIONS)
                    + "; delete the account in Spot if nothing uses it.";
        }
    }

    /** Puts back the name an adoption changed, if nobody renamed the account since. */
    private static String release(
            final HandlerCall<ResourceModel, CallbackContext> call, final String accountId, final String why) {
        final SpotAccount account = call.spot().getAccount(accountId);
        final String previous = call.model().getPreviousName();
        final String released = "Spot account " + accountId + " " + why + ": released as it was found, not deleted";
        if (previous == null || previous.equals(account.name())) {
            return released;
        }
        if (call.model().getName() != null && !call.model().getName().equals(account.name())) {
            return released + "; its name '" + account.name() + "' was changed outside this stack, so it is kept "
                    + "(it was '" + previous + "' before the adoption)";
        }
        call.spot().renameAccount(accountId, previous);
        call.log("Renamed Spot account " + accountId + " back to '" + previous + "'");
        return released + ", its name back to '" + previous + "'";
    }

    private static void deleteAccount(final HandlerCall<ResourceModel, CallbackContext> call, final String accountId) {
        final CallbackContext context = call.context();
        final boolean sentBefore = context.isDeleteIssued();
        context.setDeleteIssued(true);
        try {
            call.spot().deleteAccount(accountId);
        } catch (SpotNotFoundException gone) {
            if (!sentBefore) {
                throw gone;
            }
            // Our earlier DELETE took effect; only its answer was lost.
        }
    }
}
