package io.spot.onboarding.accountalias;

import io.spot.onboarding.common.api.PendingAccountName;
import io.spot.onboarding.common.api.SpotAccount;
import io.spot.onboarding.common.handler.DefaultAccountName;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.RetryPolicy;
import io.spot.onboarding.common.handler.SpotResourceHandler.HandlerCall;
import java.util.Optional;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * The body Create and Update share: name the Spot account as the model asks. The name is
 * {@code Name} when set, else the AWS account alias of the account the stack runs in, else the
 * name the account already has (unless {@code FailWithoutAlias}), or the AWS account ID when
 * the account still carries the Account type's create marker. A Reused account, or one of unknown
 * ownership, is only observed. Everything that can be refused without Spot is refused before any Spot call.
 */
final class Naming {
    private final AccountAliasSource aliases;

    Naming(final AccountAliasSource aliases) {
        this.aliases = aliases;
    }

    /**
     * @param knownPreviousName the name to restore on Delete as an earlier operation recorded it,
     *                          or null to record the name the account has now
     */
    ProgressEvent<ResourceModel, CallbackContext> apply(
            final HandlerCall<ResourceModel, CallbackContext> call, final String knownPreviousName) {
        final ResourceModel model = call.model();
        final CallbackContext context = call.context();
        final String wanted = model.getName();
        if (wanted != null) {
            final Optional<String> problem = SpotAccountNames.problem(wanted);
            if (problem.isPresent()) {
                return Events.failed(
                        HandlerErrorCode.InvalidRequest,
                        "Name '" + wanted + "' " + problem.get() + ". Name must be " + SpotAccountNames.rule() + ".");
            }
        }
        final boolean reused = !AccountAliasHandler.mayWrite(model);
        final boolean byAlias = wanted == null && !reused;
        if (byAlias && !context.isAliasLookedUp()) {
            final ProgressEvent<ResourceModel, CallbackContext> stopped = lookUpAlias(call);
            if (stopped != null) {
                return stopped;
            }
        }
        final String awsAccountId = call.request().getAwsAccountId();
        if (byAlias && context.getAlias() == null && Boolean.TRUE.equals(model.getFailWithoutAlias())) {
            return Events.failed(
                    HandlerErrorCode.InvalidRequest,
                    "AWS account " + awsAccountId + " has no account "
                            + "alias and FailWithoutAlias is true, so Spot account " + model.getAccountId()
                            + " was not named. "
                            + "Create an alias (aws iam create-account-alias --account-alias <alias>) and retry, set Name, or set "
                            + "FailWithoutAlias to false to keep the account's current name.");
        }

        // Right after the detour below, the account as read then: a second read would only repeat it.
        final SpotAccount account = context.getReadName() != null
                ? new SpotAccount(
                        model.getAccountId(), context.getReadName(), null, context.getReadLinkedTo(), null, null)
                : call.spot().getAccount(model.getAccountId());
        // A new account the Account resource left to this one (NamedByAccountAlias) still carries its
        // create marker: its first real name is the AWS account ID, as the Account would have named it.
        final String firstName = PendingAccountName.is(account.name())
                ? account.isLinked() ? account.providerExternalId() : awsAccountId
                : null;
        // Only a name read from Spot now needs the detour below; one an earlier operation recorded is safe.
        final boolean previousJustRecorded = context.getPreviousName() == null && knownPreviousName == null;
        if (context.getPreviousName() == null) {
            context.setPreviousName(
                    knownPreviousName != null ? knownPreviousName : firstName != null ? firstName : account.name());
        }
        if (reused) {
            return observe(model, account, context);
        }
        if (byAlias && context.getAlias() == null && firstName == null) {
            return Events.success(
                    named(model, account.name(), context),
                    "AWS account " + awsAccountId + " has no "
                            + "account alias: kept Spot account " + account.accountId() + "'s name '" + account.name()
                            + "'. "
                            + "Create an alias (aws iam create-account-alias) and update the stack to apply it, or set "
                            + "FailWithoutAlias to true to make a missing alias fail.");
        }
        if (byAlias
                && account.isLinked()
                && awsAccountId != null
                && !awsAccountId.equals(account.providerExternalId())) {
            return Events.failed(
                    HandlerErrorCode.InvalidRequest,
                    "Spot account " + account.accountId() + " is "
                            + "connected to AWS account " + account.providerExternalId() + ", but the alias '"
                            + context.getAlias()
                            + "' belongs to AWS account " + awsAccountId
                            + ", where the stack runs. Name the Spot account of this "
                            + "AWS account, or set Name.");
        }
        final boolean aliased = byAlias && context.getAlias() != null;
        final String target = aliased ? context.getAlias() : byAlias ? firstName : wanted;
        final String source = aliased
                ? ", the alias of AWS account " + awsAccountId
                : byAlias ? ", its AWS account ID: AWS account " + awsAccountId + " has no account alias" : "";
        final boolean asChosen = byAlias && !aliased;
        if (asChosen ? DefaultAccountName.carries(account.name(), target) : target.equals(account.name())) {
            return Events.success(
                    named(model, target, context),
                    "Spot account " + account.accountId() + " is already named '" + target + "'" + source);
        }
        if (previousJustRecorded) {
            // The name to restore must reach CloudFormation (in the callback context) before the
            // rename happens: a process that died after renaming would otherwise leave a retry
            // reading the new name as the one to restore, and the old name would be lost.
            context.setReadName(account.name());
            context.setReadLinkedTo(account.providerExternalId());
            return Events.inProgress(
                    model.toBuilder().previousName(context.getPreviousName()).build(),
                    context,
                    0,
                    "Recorded Spot account " + account.accountId() + "'s name '" + context.getPreviousName()
                            + "' to restore on delete; renaming it to '" + target + "'" + source);
        }
        // The AWS account ID is a name this resource chose: where Spot refuses it, its fallback is given.
        final String applied = asChosen
                ? DefaultAccountName.rename(call.spot(), account.accountId(), target)
                : rename(call, account.accountId(), target);
        call.log("Renamed Spot account " + account.accountId() + " from '" + account.name() + "' to '" + applied + "'");
        return Events.success(
                named(model, applied, context),
                "Renamed Spot account " + account.accountId() + " from '" + account.name() + "' to '" + applied + "'"
                        + source);
    }

    private static String rename(
            final HandlerCall<ResourceModel, CallbackContext> call, final String accountId, final String name) {
        call.spot().renameAccount(accountId, name);
        return name;
    }

    /** Reads the alias into the context; returns the event to stop with when IAM did not answer. */
    private ProgressEvent<ResourceModel, CallbackContext> lookUpAlias(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final CallbackContext context = call.context();
        final String awsAccountId = call.request().getAwsAccountId();
        final Optional<String> alias;
        try {
            alias = aliases.alias(call.proxy(), call.request().getRegion());
        } catch (AliasLookupException e) {
            if (e.kind().retriable() && context.getAliasLookupRetries() < RetryPolicy.MAX_TRANSIENT_RETRIES) {
                final int delay = 5 << context.getAliasLookupRetries();
                context.setAliasLookupRetries(context.getAliasLookupRetries() + 1);
                call.log(AliasLookupException.PERMISSION + " failed (" + e.getMessage() + "); asking again in " + delay
                        + " s");
                return Events.inProgress(
                        call.model(),
                        context,
                        delay,
                        "Waiting " + delay + " s before asking IAM " + "for the account alias again: "
                                + e.getMessage());
            }
            return Events.failed(e.kind().errorCode(), lookupFailure(e, awsAccountId));
        }
        if (alias.isPresent()) {
            final Optional<String> problem = SpotAccountNames.problem(alias.get());
            if (problem.isPresent()) {
                return Events.failed(
                        HandlerErrorCode.InvalidRequest,
                        "The alias '" + alias.get() + "' of AWS account "
                                + awsAccountId + " (from " + AliasLookupException.PERMISSION
                                + ") cannot name a Spot account: it "
                                + problem.get() + ". Set Name to a name Spot accepts: " + SpotAccountNames.rule()
                                + ".");
            }
        }
        context.setAlias(alias.orElse(null));
        context.setAliasLookedUp(true);
        return null;
    }

    private static String lookupFailure(final AliasLookupException e, final String awsAccountId) {
        final String call = AliasLookupException.PERMISSION + " in AWS account " + awsAccountId;
        return switch (e.kind()) {
            case ACCESS_DENIED ->
                "The handler's execution role may not call " + call + " (" + e.getMessage() + "). "
                        + "Name is unset, so the Spot account is named after the AWS account alias: grant the type's "
                        + "execution role " + AliasLookupException.PERMISSION
                        + " (this type's resource-role.yaml does), or "
                        + "set Name.";
            case THROTTLED -> "IAM kept throttling " + call + "; CloudFormation may retry. " + e.getMessage();
            case UNAVAILABLE -> "IAM failed while handling " + call + "; retry later. " + e.getMessage();
            case NETWORK -> "Could not get an answer from IAM for " + call + "; retry later. " + e.getMessage();
            case REFUSED -> "IAM refused " + call + ". " + e.getMessage();
        };
    }

    private static ProgressEvent<ResourceModel, CallbackContext> observe(
            final ResourceModel model, final SpotAccount account, final CallbackContext context) {
        final String holder = AccountAliasHandler.holder(model, account.accountId());
        if (model.getName() != null && !model.getName().equals(account.name())) {
            return Events.failed(
                    HandlerErrorCode.InvalidRequest,
                    holder + ": this stack does not rename it, but Name '" + model.getName()
                            + "' differs from its "
                            + "name '" + account.name()
                            + "'. Remove Name, or manage the account (ExistingAccountPolicy Adopt on "
                            + "the Spot::Onboarding::Account resource, whose Ownership is passed as AccountOwnership).");
        }
        return Events.success(
                named(model, account.name(), context),
                holder + ": this stack does not rename it, so its name stays '" + account.name() + "'");
    }

    /** The model after naming: Name and AppliedName are what the account is now called. */
    private static ResourceModel named(final ResourceModel model, final String name, final CallbackContext context) {
        return model.toBuilder()
                .name(name)
                .appliedName(name)
                .previousName(context.getPreviousName())
                .build();
    }
}
