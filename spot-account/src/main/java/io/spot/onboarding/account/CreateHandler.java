package io.spot.onboarding.account;

import io.spot.onboarding.common.api.AccountListing;
import io.spot.onboarding.common.api.PendingAccountName;
import io.spot.onboarding.common.api.SpotAccount;
import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.api.SpotRateLimitException;
import io.spot.onboarding.common.handler.CreatePace;
import io.spot.onboarding.common.handler.DefaultAccountName;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.Ownership;
import io.spot.onboarding.common.handler.SpotInvoker;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Predicate;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Finds or creates the Spot account for the AWS account, then mints the external ID. Two
 * invocations for a new account: the first ends as soon as Spot has answered the create, so the
 * new ID is in the callback context before anything else can fail; the account is created under
 * its {@link CreateMarker} name and given its final name in the second, unless the stack's
 * AccountAlias names it ({@code NamedByAccountAlias}).
 */
public class CreateHandler extends AccountHandler {
    /**
     * How a Reused account's ExternalId begins. It is never changed, so nothing is minted; the rest is
     * drawn at random, so the role that requires it trusts no value Spot ever presents or anyone knows.
     */
    static final String UNASSUMABLE_PREFIX = "unassumable-";

    private static final String CREATE_ROUTE = "/setup/account";

    private final CreatePace pace;
    private final StackAuthority stacks;

    public CreateHandler(final SpotInvoker invoker) {
        this(invoker, new CreatePace());
    }

    CreateHandler(final SpotInvoker invoker, final CreatePace pace) {
        this(invoker, pace, new StackAuthority());
    }

    CreateHandler(final SpotInvoker invoker, final CreatePace pace, final StackAuthority stacks) {
        super(Action.CREATE, invoker);
        this.pace = pace;
        this.stacks = stacks;
    }

    /**
     * Only a Created account is this stack's while the Create is still running: a rollback must
     * delete what it made, and must never delete what it only found, so a found account's events
     * claim nothing until the Create has succeeded.
     */
    @Override
    protected ResourceModel progressModel(final ResourceModel model, final CallbackContext context) {
        final ResourceModel progress = super.progressModel(model, context);
        return Ownership.CREATED.value().equals(context.getOwnership())
                ? progress.toBuilder().ownership(Ownership.CREATED.value()).build()
                : progress.toBuilder().ownership(null).build();
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final ResourceModel model = call.model();
        final CallbackContext context = call.context();
        final String awsAccountId = model.getAwsAccountId() != null
                ? model.getAwsAccountId()
                : call.request().getAwsAccountId();
        if (awsAccountId == null || !awsAccountId.matches("[0-9]{12}")) {
            return Events.failed(
                    HandlerErrorCode.InvalidRequest,
                    "AwsAccountId must be a 12-digit AWS account ID, and the "
                            + "request names no account to default to (was '" + awsAccountId + "').");
        }
        final String policy =
                model.getExistingAccountPolicy() != null ? model.getExistingAccountPolicy() : DEFAULT_POLICY;
        final String name = model.getName() != null ? model.getName() : awsAccountId;

        if (context.getAccountId() == null) {
            final ProgressEvent<ResourceModel, CallbackContext> refused =
                    findOrCreate(call.spot(), context, awsAccountId, policy, name, call);
            if (refused != null) {
                return refused;
            }
            if (Ownership.CREATED.value().equals(context.getOwnership())) {
                return Events.inProgress(
                        progressModel(model, context),
                        context,
                        0,
                        "Created Spot account " + context.getAccountId() + "; "
                                + (leftToAccountAlias(model) ? "" : "naming it and ") + "minting its external ID");
            }
        }
        return finish(call, awsAccountId, policy, name);
    }

    /** Returns a FAILED event when the policy refuses the existing accounts, else null with the context filled. */
    private ProgressEvent<ResourceModel, CallbackContext> findOrCreate(
            final SpotApi spot,
            final CallbackContext context,
            final String awsAccountId,
            final String policy,
            final String name,
            final HandlerCall<ResourceModel, CallbackContext> call) {

        if (!context.isConnectedRuledOut()) {
            final List<SpotAccount> connected = spot.findAccountsByCloudAccount(awsAccountId);
            if (!connected.isEmpty()) {
                return useConnected(connected, context, awsAccountId, policy, call);
            }
            context.setConnectedRuledOut(true);
        }
        final String marker = CreateMarker.of(call.request(), awsAccountId);
        if (!context.isEarlierAttemptsRuledOut()) {
            final AccountListing listing = spot.listAccounts();
            // The listing names each account's cloud account, so the lookup above, made perhaps minutes
            // ago (before a wait for room), is checked again right before creating without another call.
            final List<SpotAccount> connected = AccountLookup.connectedTo(listing, awsAccountId);
            if (!connected.isEmpty()) {
                return useConnected(connected, context, awsAccountId, policy, call);
            }
            final Predicate<String> own = CreateMarker.ownNames(call.request(), awsAccountId)::contains;
            final Optional<SpotAccount> earlier = AccountLookup.createdByThisResource(listing, own);
            if (earlier.isPresent()) {
                call.log("Spot account " + earlier.get().accountId() + " was created by an earlier attempt of this "
                        + "resource's Create (it carries the name '"
                        + earlier.get().name()
                        + "' only this resource gives); using it instead of creating another");
                remember(context, earlier.get(), Ownership.CREATED);
                return null;
            }
            final List<SpotAccount> othersPending = AccountLookup.othersPending(listing, awsAccountId, own);
            if (!othersPending.isEmpty()) {
                return Events.failed(
                        HandlerErrorCode.AlreadyExists,
                        "Spot account " + AccountLookup.describe(othersPending)
                                + " is not connected to any cloud account and was created in the last "
                                + AccountLookup.LOOK_ALIKE_WINDOW.toHours() + " hours by another "
                                + "Spot::Onboarding::Account resource for AWS account " + awsAccountId
                                + " (its name says so): another stack, or another resource of this one, is onboarding "
                                + "this AWS account. It is not this resource's to take, and a second Spot account for "
                                + "the same AWS account is not created. One resource onboards an AWS account: deploy the "
                                + "onboarding template once per AWS account. If no stack is creating it any more, delete "
                                + "it in Spot and retry.");
            }
            final List<SpotAccount> lookAlikes = AccountLookup.lookAlikes(
                    listing, call.model().getName() == null ? DefaultAccountName.fallback(name) : name, name);
            if (!lookAlikes.isEmpty()) {
                return Events.failed(
                        HandlerErrorCode.AlreadyExists,
                        "Spot account " + AccountLookup.describe(lookAlikes)
                                + " is not connected to any cloud account and was created in the last "
                                + AccountLookup.LOOK_ALIKE_WINDOW.toHours()
                                + " hours with the name this resource would give. "
                                + "It may be someone else's onboarding in progress, or this resource's own from an attempt whose "
                                + "answer was lost; Spot cannot tell which, so it is neither taken nor duplicated. If nobody uses "
                                + "it, delete it in Spot and retry; or set Name to another name; or connect it to AWS account "
                                + awsAccountId + " and set ExistingAccountPolicy to Reuse.");
            }
            final CreatePace.Seen seen = new CreatePace.Seen(
                    listing,
                    spot.lastWindow("GET", CREATE_ROUTE),
                    context.getCreateLimit() == null ? OptionalInt.empty() : OptionalInt.of(context.getCreateLimit()),
                    context.getCreatePeak(),
                    context.getCreateRefusals(),
                    context.getCreateWaits());
            final Optional<CreatePace.Wait> full = pace.decide(seen);
            context.setCreatePeak(CreatePace.peakSeen(seen));
            if (full.isPresent()) {
                context.setCreateWaits(context.getCreateWaits() + 1);
                // The listing is read again after the wait: it is what shows the window, and the earlier
                // checks above must hold at the moment of the create.
                return waitBeforeCreating(call, full.get().seconds(), full.get().reason());
            }
            context.setEarlierAttemptsRuledOut(true);
        }
        final SpotAccount created;
        try {
            created = spot.createAccount(marker);
        } catch (SpotRateLimitException refused) {
            spot.lastWindow("POST", CREATE_ROUTE).ifPresent(route -> context.setCreateLimit(route.limit()));
            // Spot did nothing, but the retry lists the organization again all the same: that listing is the
            // create pace's check, and it shows an account someone connected to the AWS account meanwhile.
            context.setEarlierAttemptsRuledOut(false);
            context.setCreateRefusals(context.getCreateRefusals() + 1);
            throw refused;
        } catch (RuntimeException unknownOutcome) {
            // The account may exist now without our knowing its ID: the next attempt must look for it.
            context.setEarlierAttemptsRuledOut(false);
            throw unknownOutcome;
        }
        remember(context, created, Ownership.CREATED);
        call.log("Created Spot account " + created.accountId() + " as '" + marker + "'; "
                + (leftToAccountAlias(call.model())
                        ? "the stack's AccountAlias names it"
                        : "it is named '" + name + "' next"));
        return null;
    }

    private ProgressEvent<ResourceModel, CallbackContext> waitBeforeCreating(
            final HandlerCall<ResourceModel, CallbackContext> call, final int seconds, final String why) {
        return Events.inProgress(
                progressModel(call.model(), call.context()),
                call.context(),
                seconds,
                why + ": waiting " + seconds + " s before creating the Spot account");
    }

    /** The policy's decision on the Spot accounts connected to the AWS account: FAILED, or null with the context filled. */
    private ProgressEvent<ResourceModel, CallbackContext> useConnected(
            final List<SpotAccount> connected,
            final CallbackContext context,
            final String awsAccountId,
            final String policy,
            final HandlerCall<ResourceModel, CallbackContext> call) {
        if (connected.size() > 1) {
            return Events.failed(
                    HandlerErrorCode.InvalidRequest,
                    "AWS account " + awsAccountId + " is connected to "
                            + connected.size() + " Spot accounts: " + AccountLookup.describe(connected)
                            + ". Spot's onboarding "
                            + "needs exactly one. Delete or disconnect the extra Spot accounts, then retry.");
        }
        final SpotAccount existing = connected.get(0);
        // An account carrying this resource's own create marker is this resource's own creation (an
        // earlier attempt whose stack linked it), not one that was there before: it is Created whatever
        // the policy, and this Create finishes its rename.
        final boolean own = CreateMarker.ownNames(call.request(), awsAccountId).contains(existing.name());
        if ("Fail".equals(policy) && !own) {
            return Events.failed(
                    HandlerErrorCode.AlreadyExists,
                    "AWS account " + awsAccountId + " is already connected "
                            + "to Spot account " + AccountLookup.describe(connected)
                            + " and ExistingAccountPolicy is Fail. "
                            + "Set ExistingAccountPolicy to Reuse (use it untouched) or Adopt (manage it, and delete it with "
                            + "the stack) to use it.");
        }
        final String heldElsewhere = heldByAnotherStack(call, existing.accountId());
        if (heldElsewhere != null) {
            return Events.failed(
                    HandlerErrorCode.AlreadyExists,
                    "Spot account " + existing.accountId() + " of AWS account " + awsAccountId + " is already held by "
                            + heldElsewhere + ". One stack onboards an AWS account: a second one (another region, "
                            + "another StackSet) would be left on a Spot account, and a role link, that the first one's "
                            + "delete removes. Nothing was changed. Deploy the onboarding template in one region only, or "
                            + "delete the other stack first.");
        }
        final Ownership ownership =
                own ? Ownership.CREATED : "Adopt".equals(policy) ? Ownership.ADOPTED : Ownership.REUSED;
        if (ownership == Ownership.REUSED
                && call.model().getName() != null
                && !call.model().getName().equals(existing.name())) {
            return Events.failed(
                    HandlerErrorCode.InvalidRequest,
                    "ExistingAccountPolicy Reuse never changes Spot "
                            + "account " + existing.accountId() + ", but Name '"
                            + call.model().getName() + "' differs from "
                            + "its name '" + existing.name() + "'. Remove Name, or use Adopt to rename it.");
        }
        remember(context, existing, ownership);
        call.log("Using Spot account " + existing.accountId() + " connected to AWS account " + awsAccountId + " ("
                + ownership.value() + ")");
        return null;
    }

    /**
     * Another stack's Account resource that holds the account, described, or null. Resources of this
     * stack are no obstacle: they are what a replacement replaces. When CloudFormation cannot answer, the
     * Create goes on (it changes nothing by finding the account); the Delete asks again before deleting.
     */
    private String heldByAnotherStack(final HandlerCall<ResourceModel, CallbackContext> call, final String accountId) {
        final String stackId = call.request().getStackId();
        try {
            return stacks
                    .otherHolders(
                            call.proxy(),
                            call.request().getRegion(),
                            stackId,
                            call.request().getLogicalResourceIdentifier(),
                            accountId)
                    .stream()
                    .filter(h -> !h.stackId().equals(stackId))
                    .map(h -> StackAuthority.TYPE + " " + h.describe())
                    .findFirst()
                    .orElse(null);
        } catch (StackAuthority.Unknown unknown) {
            call.log("Could not ask CloudFormation whether another stack holds Spot account " + accountId + ": "
                    + unknown.getMessage());
            return null;
        }
    }

    private ProgressEvent<ResourceModel, CallbackContext> finish(
            final HandlerCall<ResourceModel, CallbackContext> call,
            final String awsAccountId,
            final String policy,
            final String name) {

        final CallbackContext context = call.context();
        final Ownership ownership = Ownership.parse(context.getOwnership());
        String spotName = context.getSpotName();
        // An Adopted account still under a create marker (another resource's, whose rename never came)
        // is given its final name as a new account is: no account is left under a marker.
        final boolean renames = ownership == Ownership.CREATED && !leftToAccountAlias(call.model())
                || ownership == Ownership.ADOPTED
                        && (call.model().getName() != null
                                || PendingAccountName.is(spotName) && !leftToAccountAlias(call.model()));
        final boolean named =
                call.model().getName() == null ? DefaultAccountName.carries(spotName, name) : name.equals(spotName);
        if (renames && !named) {
            // A marker is never a name to give back: a rollback leaves the final name instead.
            if (ownership == Ownership.ADOPTED
                    && context.getPreviousName() == null
                    && !PendingAccountName.is(spotName)) {
                context.setPreviousName(spotName);
            }
            spotName = applyName(
                    call.spot(), context.getAccountId(), name, call.model().getName() != null);
            context.setSpotName(spotName);
        }
        if (context.getExternalId() == null) {
            context.setExternalId(
                    ownership.mayChange()
                            ? call.spot()
                                    .createExternalId(context.getAccountId())
                                    .externalId()
                            : unassumable());
        }
        final ResourceModel result = call.model().toBuilder()
                .accountId(context.getAccountId())
                .awsAccountId(awsAccountId)
                .name(spotName != null ? spotName : name)
                .existingAccountPolicy(policy)
                .organizationId(context.getOrganizationId())
                .externalId(context.getExternalId())
                .ownership(ownership.value())
                .previousName(context.getPreviousName())
                .build();
        return Events.success(
                withReusedAwsAccountId(result, awsAccountId),
                describe(ownership, context.getAccountId(), awsAccountId, spotName));
    }

    /**
     * A Reused account's SpotRole is never linked, so nothing may assume it: Spot mints every external ID
     * it presents, and a random value of this resource's own is no public constant that another Spot
     * organization's account could be made to present.
     */
    private static String unassumable() {
        return UNASSUMABLE_PREFIX + UUID.randomUUID();
    }

    /**
     * A new account the stack's AccountAlias names keeps its marker until then: renaming it here
     * too would write twice on Spot's rename route, whose limit paces a whole StackSet. Only
     * without Name: a Name the template sets is this resource's to apply.
     */
    static boolean leftToAccountAlias(final ResourceModel model) {
        return Boolean.TRUE.equals(model.getNamedByAccountAlias()) && model.getName() == null;
    }

    private static void remember(final CallbackContext context, final SpotAccount account, final Ownership ownership) {
        context.setAccountId(account.accountId());
        context.setOrganizationId(account.organizationId());
        context.setSpotName(account.name());
        context.setOwnership(ownership.value());
    }

    private static String describe(
            final Ownership ownership, final String accountId, final String awsAccountId, final String spotName) {
        return switch (ownership) {
            case CREATED ->
                "Created Spot account " + accountId + " for AWS account " + awsAccountId
                        + (PendingAccountName.is(spotName)
                                ? "; it keeps the name '" + spotName
                                        + "' until the stack's Spot::Onboarding::AccountAlias names it (NamedByAccountAlias)"
                                : "");
            case ADOPTED ->
                "Adopted Spot account " + accountId + ", already connected to AWS account " + awsAccountId
                        + "; this stack now manages it and deletes it when the stack is deleted (a rollback leaves it as it was)"
                        + (PendingAccountName.is(spotName)
                                ? "; it keeps the name '" + spotName
                                        + "' until the stack's Spot::Onboarding::AccountAlias names it (NamedByAccountAlias)"
                                : "");
            case REUSED ->
                "Reusing Spot account " + accountId + ", already connected to AWS account " + awsAccountId
                        + "; this stack never changes or deletes it"
                        + (PendingAccountName.is(spotName)
                                ? ". It is still named '" + spotName + "', the name another "
                                        + "Spot::Onboarding::Account resource gave it while creating it, and Reuse never "
                                        + "renames it: rename it in Spot, or recreate this resource with "
                                        + "ExistingAccountPolicy Adopt, which names it"
                                : "");
        };
    }
}
