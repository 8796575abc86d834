package io.spot.onboarding.emulator;

import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one organization the emulator serves. Public methods are the out-of-band door for tests:
 * they bypass the API's rules (no account limit, no external ID or propagation checks) and throw
 * {@link IllegalArgumentException} for an unknown account. Every method holds the same lock, so
 * an endpoint's check-then-write runs as one step even with many handler threads.
 */
public final class EmulatorState {

    private final Clock clock;
    private final String organizationId;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    /** When a set-credentials call first named each role ARN: the start of its IAM propagation. */
    private final Map<String, Instant> roleFirstSeen = new HashMap<>();
    /** Each role's trust as IAM holds it, where the caller told it (moto, or a test's declaration). */
    private final Map<String, RoleTrust> roleTrust = new HashMap<>();
    /**
     * For a role whose trust nobody told: it trusts the external ID it was first linked with for an
     * account (the role was built for that ID), keyed by account and role.
     */
    private final Map<String, String> assumedTrust = new HashMap<>();

    private volatile SpotAnswers answers = SpotAnswers.DEFAULT;

    private final AccountIndex index = new AccountIndex();

    private String defaultAccountId;
    private long nextPosition;

    EmulatorState(Clock clock, String organizationId) {
        this.clock = clock;
        this.organizationId = organizationId;
        reset();
    }

    public String organizationId() {
        return organizationId;
    }

    /** How the emulator answers Spot's open questions; kept across {@link #reset()}. */
    public SpotAnswers answers() {
        return answers;
    }

    public void answers(SpotAnswers answers) {
        this.answers = Objects.requireNonNull(answers, "answers");
    }

    public synchronized SpotAccountRecord createAccount(String name) {
        Objects.requireNonNull(name, "name");
        Account account = new Account(newAccountId(), name, now(), nextPosition++);
        accounts.put(account.id, account);
        return account.snapshot(organizationId);
    }

    /**
     * Links a role as a successful set-credentials would, without any propagation delay or trust
     * check, with the account's newest external ID (one is minted first if it has none). A role
     * linked this way (an onboarding from before the test) is one IAM propagated long ago, unless
     * the test said when it was created: a later set-credentials naming it again, such as a
     * rollback giving an adopted account its old link back, is not held up as a new role. Unless its
     * trust was declared, the role trusts that external ID.
     */
    public synchronized void link(String accountId, String roleArn) {
        String awsAccountId = IamRoleArn.awsAccountIdOf(roleArn)
                .orElseThrow(() -> new IllegalArgumentException("Not an IAM role ARN: " + roleArn));
        Instant now = now();
        modify(accountId, account -> {
            if (account.externalId() == null) {
                account.issueExternalId(Ids.externalId(), now.plus(Invented.EXTERNAL_ID_TTL));
            }
            String externalId = account.externalId();
            assumedTrust.putIfAbsent(accountId + " " + roleArn, externalId);
            account.linkRole(roleArn, awsAccountId, externalId);
        });
        roleExistedLongAgo(roleArn);
    }

    /** Mints an external ID as the API does, without the API's rules; returns it. */
    public synchronized String mintExternalId(String accountId) {
        String externalId = Ids.externalId();
        Instant validUntil = now().plus(Invented.EXTERNAL_ID_TTL);
        modify(accountId, account -> account.issueExternalId(externalId, validUntil));
        return externalId;
    }

    /** The role's trust policy as IAM now holds it (a test's declaration, or what moto answered). */
    public synchronized void roleTrust(String roleArn, RoleTrust trust) {
        roleTrust.put(Objects.requireNonNull(roleArn, "roleArn"), Objects.requireNonNull(trust, "trust"));
    }

    /** The role no longer exists: Spot can assume it with no external ID. */
    public void roleDeleted(String roleArn) {
        roleTrust(roleArn, RoleTrust.NONE);
    }

    /** Whether Spot can assume the account's linked role now: the role admits the ID Spot presents. */
    public synchronized boolean spotCanAssume(String accountId) {
        Account account = accounts.get(accountId);
        if (account == null) {
            throw unknown(accountId);
        }
        return canAssume(account);
    }

    private synchronized void roleExistedLongAgo(String roleArn) {
        roleFirstSeen.putIfAbsent(roleArn, Instant.EPOCH);
    }

    public void rename(String accountId, String name) {
        Objects.requireNonNull(name, "name");
        modify(accountId, account -> account.rename(name));
    }

    /** Deleting the default account is refused here too: an organization always has one. */
    public synchronized void delete(String accountId) {
        if (accountId.equals(defaultAccountId)) {
            throw new IllegalArgumentException("Cannot delete the default account " + accountId);
        }
        if (!remove(accountId)) {
            throw unknown(accountId);
        }
    }

    /** Enrolls without the credentials precondition the API enforces. */
    public void enrollCostIntelligence(String accountId) {
        Instant now = now();
        modify(accountId, account -> account.enrollCostIntelligence(now));
    }

    /** All accounts, oldest first. */
    public synchronized List<SpotAccountRecord> accounts() {
        return accounts.values().stream().map(a -> a.snapshot(organizationId)).toList();
    }

    /** The organization as its users see it, oldest account first: equal before and after means nothing changed. */
    public synchronized List<VisibleAccount> visibleAccounts() {
        return accounts.values().stream()
                .map(a -> VisibleAccount.of(
                        a.snapshot(organizationId), a.presentedExternalId(answers.externalIds()), canAssume(a)))
                .toList();
    }

    /**
     * An account that was there before any stack: created {@code age} ago (on the emulator's clock)
     * and, when {@code awsAccountId} is given, connected to it through {@code roleArn}.
     */
    public synchronized SpotAccountRecord seedAccount(String name, Duration age, String roleArn) {
        Objects.requireNonNull(name, "name");
        Account account = new Account(newAccountId(), name, now().minus(age), nextPosition++);
        accounts.put(account.id, account);
        if (roleArn != null) {
            link(account.id, roleArn);
        }
        return account.snapshot(organizationId);
    }

    public synchronized Optional<SpotAccountRecord> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId)).map(a -> a.snapshot(organizationId));
    }

    public synchronized String defaultAccountId() {
        return defaultAccountId;
    }

    public synchronized boolean isCostIntelligenceEnrolled(String accountId) {
        Account account = accounts.get(accountId);
        return account != null && account.ciEnabledDate() != null;
    }

    /** Back to a fresh organization that holds only a new default account. */
    public synchronized void reset() {
        accounts.clear();
        index.clear();
        roleFirstSeen.clear();
        roleTrust.clear();
        assumedTrust.clear();
        defaultAccountId = createAccount(Invented.DEFAULT_ACCOUNT_NAME).accountId();
    }

    // ---- used by the endpoints ----

    Instant now() {
        return Timestamps.now(clock);
    }

    /**
     * Runs {@code action} on the account under the lock and returns its (non-null) result; empty
     * when the account does not exist. The indexes follow whatever the action changed, even when
     * it throws.
     */
    synchronized <T> Optional<T> withAccount(String accountId, Function<Account, T> action) {
        Account account = accounts.get(accountId);
        if (account == null) {
            return Optional.empty();
        }
        String cloudAccountBefore = account.providerExternalId();
        boolean enrolledBefore = account.ciEnabledDate() != null;
        try {
            return Optional.of(action.apply(account));
        } finally {
            index.changed(account, cloudAccountBefore, enrolledBefore);
        }
    }

    /** E1's items, rendered: every account, or those linked to {@code cloudAccountId}, oldest first. */
    synchronized List<RawValue> listItems(Optional<String> cloudAccountId) {
        Iterable<Account> listed =
                cloudAccountId.isPresent() ? index.linkedTo(cloudAccountId.get()) : accounts.values();
        List<RawValue> items = new ArrayList<>(cloudAccountId.isPresent() ? 1 : accounts.size());
        for (Account account : listed) {
            items.add(account.listItem(organizationId));
        }
        return items;
    }

    /**
     * Runs {@code read} under the lock on the enrolled accounts, ordered by enabledDate then
     * accountId (the stable order E11 pages through). The list is live: {@code read} must copy
     * what it returns.
     */
    synchronized <T> T withEnrolled(Function<List<Account>, T> read) {
        return read.apply(index.enrolled());
    }

    /** Creates an account unless the organization already holds {@code maxAccounts}. */
    synchronized Optional<SpotAccountRecord> createAccountWithin(String name, int maxAccounts) {
        return accounts.size() >= maxAccounts ? Optional.empty() : Optional.of(createAccount(name));
    }

    synchronized boolean remove(String accountId) {
        Account removed = accounts.remove(accountId);
        if (removed != null) {
            index.removed(removed);
        }
        return removed != null;
    }

    /**
     * IAM propagation of a role counts from its creation, when the caller says when that was (the
     * local runner does, creating roles in moto); otherwise from the first time Spot is asked to use it.
     */
    public synchronized void roleCreated(String roleArn) {
        roleFirstSeen.put(roleArn, now());
    }

    /** The trust of {@code roleArn} as far as the emulator knows it; empty when nobody told it. */
    synchronized Optional<RoleTrust> knownTrust(String roleArn) {
        return Optional.ofNullable(roleTrust.get(roleArn));
    }

    /** Records that a role nobody declared trusts the ID it is being linked with for this account. */
    synchronized void assumeTrust(String accountId, String roleArn, String externalId) {
        assumedTrust.putIfAbsent(accountId + " " + roleArn, externalId);
    }

    /** The role's trust for this account: declared or from IAM; else the ID it was first linked with. */
    synchronized RoleTrust trustFor(String accountId, String roleArn) {
        RoleTrust known = roleTrust.get(roleArn);
        if (known != null) {
            return known;
        }
        String assumed = assumedTrust.get(accountId + " " + roleArn);
        return assumed == null ? new RoleTrust(true, Set.of()) : RoleTrust.of(assumed);
    }

    private boolean canAssume(Account account) {
        return account.iamRole() != null
                && trustFor(account.id, account.iamRole()).admits(account.presentedExternalId(answers.externalIds()));
    }

    synchronized Instant roleFirstSeen(String roleArn) {
        return roleFirstSeen.computeIfAbsent(roleArn, arn -> now());
    }

    private void modify(String accountId, Consumer<Account> change) {
        withAccount(accountId, account -> {
                    change.accept(account);
                    return account;
                })
                .orElseThrow(() -> unknown(accountId));
    }

    private String newAccountId() {
        String id;
        do {
            id = Ids.accountId();
        } while (accounts.containsKey(id));
        return id;
    }

    private static IllegalArgumentException unknown(String accountId) {
        return new IllegalArgumentException("No such account: " + accountId);
    }
}
