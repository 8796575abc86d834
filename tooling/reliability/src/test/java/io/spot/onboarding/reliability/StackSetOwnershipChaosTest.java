package io.spot.onboarding.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.emulator.SpotAnswers;
import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.emulator.VisibleAccount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A StackSet over an organization where some AWS accounts were connected to Spot long before (some
 * enrolled in Cost Intelligence, some not), some are new, and for some someone else has just made an
 * unlinked Spot account named after the AWS account ID. Stacks reuse (the default) or adopt what exists;
 * random faults strike a third of all Spot calls, and every stack that fails rolls back. Then: no
 * pre-existing account deleted, renamed away or left linked to a role a rollback deleted; no foreign
 * account claimed; no account a stack made left behind by its rollback. Then what CloudFormation itself
 * does to stacks: some rename their Account's logical ID (a replacement: the new resource first, the
 * old one deleted in the cleanup), some get a second stack in another region, whose first stack is then
 * deleted; every rollback's Deletes come without the rollback field. No stack is left on a deleted
 * account. A real stack delete of every stack leaves only what existed before, minus the accounts the
 * user chose to Adopt, plus the accounts a replacement or a second stack held when the first one went.
 */
class StackSetOwnershipChaosTest {
    private static final String TOKEN = "ownershipChaos" + Long.toHexString(System.nanoTime());
    private static final int NEW = 16;
    private static final int REUSED = 12;
    private static final int ADOPTED = 8;
    private static final int LOOK_ALIKES = 4;

    private final Map<String, SpotAccountRecord> preexisting = new ConcurrentHashMap<>();
    private final Map<String, SpotAccountRecord> foreign = new ConcurrentHashMap<>();
    private final Set<String> adopting = ConcurrentHashMap.newKeySet();
    private boolean adoptionsSafe;

    /**
     * Today's answers to Spot's open questions, and each taken the other way. Where a new external ID
     * replaces the old, Adopt (the user's opt-in, never a default) is unsafe whatever the handlers do
     * (ExistingAccountScenariosTest shows why), so those stacks take the default there.
     */
    static Stream<SpotAnswers> answers() {
        return Stream.of(SpotAnswers.DEFAULT, SpotAnswers.STRICT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void nothingThatExistedBeforeIsLostAndNothingForeignIsClaimed(final SpotAnswers answers) throws Exception {
        adoptionsSafe = answers.externalIds() == SpotAnswers.ExternalIds.KEEPS_OLD;
        try (SpotEmulator spot = SpotEmulator.builder()
                .token(TOKEN)
                .workerThreads(16)
                .answers(answers)
                .build()
                .start()) {
            final List<StackInstance> stacks = organization(spot);
            final Map<String, VisibleAccount> before = visible(spot);
            spot.faults().chaos(0.35, 20261129L);

            final List<StackInstance> first = run(stacks);
            spot.faults().reset();
            // As a user retries the failed stack instances: those that failed for a reason that may pass.
            final List<StackInstance> rolledBack =
                    first.stream().filter(s -> !s.succeeded()).toList();
            final List<StackInstance> retried = run(rolledBack.stream()
                    .filter(s -> StackInstance.RETRIABLE.contains(s.failure().errorCode()))
                    .map(StackInstance::again)
                    .toList());
            final List<StackInstance> latest = new ArrayList<>(first.stream()
                    .filter(s -> retried.stream().noneMatch(r -> r.awsAccount().equals(s.awsAccount())))
                    .toList());
            latest.addAll(retried);

            assertThat(latest).extracting(StackInstance::rollbackStop).containsOnlyNulls();
            final Set<String> deletedRoles =
                    rolledBack.stream().map(StackInstance::roleArn).collect(Collectors.toSet());
            int untouched = 0;
            for (final StackInstance stack : latest) {
                final SpotAccountRecord existing = preexisting.get(stack.awsAccount());
                if (existing == null) {
                    continue;
                }
                final Optional<SpotAccountRecord> now = spot.state().account(existing.accountId());
                assertThat(now)
                        .as("pre-existing %s of %s", existing.accountId(), stack.awsAccount())
                        .isPresent();
                assertThat(now.get().iamRole()).as("its link").isNotIn(deletedRoles);
                assertThat(spot.state().spotCanAssume(existing.accountId()))
                        .as("Spot can assume its role")
                        .isTrue();
                if (!stack.succeeded() || !adopting.contains(stack.awsAccount())) {
                    assertThat(visible(spot, existing.accountId()))
                            .as(
                                    "pre-existing %s after %s",
                                    existing.accountId(),
                                    stack.succeeded()
                                            ? "a Reuse"
                                            : "a rollback (" + stack.failure().message() + ")")
                            .isEqualTo(before.get(existing.accountId()));
                    untouched++;
                }
            }
            for (final SpotAccountRecord account : foreign.values()) {
                assertThat(visible(spot, account.accountId()))
                        .as("foreign look-alike")
                        .isEqualTo(before.get(account.accountId()));
                assertThat(latest).extracting(StackInstance::spotAccount).doesNotContain(account.accountId());
            }
            assertThat(newAccountsLeftBy(spot, before, latest))
                    .as("accounts a rolled-back stack made and left")
                    .isEmpty();

            final long claimedLookAlikes = latest.stream()
                    .filter(s -> foreign.containsKey(s.awsAccount()))
                    .filter(StackInstance::succeeded)
                    .count();
            assertThat(claimedLookAlikes).isZero();
            // The retries run without faults, the failing pre-flights included: count the first run's rollbacks.
            final long adoptionsRolledBack = rolledBack.stream()
                    .filter(s -> adopting.contains(s.awsAccount()))
                    .count();
            assertThat(adoptionsRolledBack)
                    .as("adoptions rolled back")
                    .isGreaterThanOrEqualTo(adopting.isEmpty() ? 0 : ADOPTED / 2);
            System.out.println("stackset-ownership-chaos: " + stacks.size() + " stacks (" + NEW + " new accounts, "
                    + REUSED + " already connected and reused, " + adopting.size() + " adopted, " + LOOK_ALIKES
                    + " with a foreign "
                    + "look-alike), " + rolledBack.size() + " rolled back under random faults (" + adoptionsRolledBack
                    + " adoptions), " + retried.size() + " retried ("
                    + retried.stream().filter(StackInstance::succeeded).count() + " then created); " + untouched
                    + " pre-existing accounts "
                    + "exactly as before; 0 pre-existing deleted, renamed away or linked to a deleted role; 0 foreign "
                    + "accounts claimed");

            final List<StackInstance> live = new ArrayList<>(
                    latest.stream().filter(StackInstance::succeeded).toList());
            final Set<String> kept = editsOfCloudFormation(spot, live);
            for (final StackInstance stack : live) {
                final Optional<SpotAccountRecord> used = spot.state().account(stack.spotAccount());
                assertThat(used)
                        .as("the account stack %s uses, after replacements and second stacks", stack.awsAccount())
                        .isPresent();
                assertThat(used.get().iamRole()).as("its link").isNotNull().isNotIn(deletedRoles);
            }

            // A real stack delete of what is left: only Adopt (the user's opt-in) deletes a pre-existing account.
            live.forEach(StackInstance::delete);
            final Map<String, VisibleAccount> after = visible(spot);
            final Set<String> adopted = live.stream()
                    .filter(s -> adopting.contains(s.awsAccount()))
                    .map(s -> preexisting.get(s.awsAccount()).accountId())
                    .filter(id -> !kept.contains(id))
                    .collect(Collectors.toSet());
            final Map<String, VisibleAccount> expected = new ConcurrentHashMap<>(before);
            adopted.forEach(expected::remove);
            assertThat(after.keySet())
                    .as("accounts after every stack's delete")
                    .containsExactlyInAnyOrderElementsOf(union(expected.keySet(), kept));
            expected.keySet().stream()
                    .filter(id -> !kept.contains(id))
                    .forEach(id -> assertThat(after.get(id)).as(id).isEqualTo(expected.get(id)));
        }
    }

    /**
     * Every third stack renames its Account's logical ID; for every fourth (of the others) a second stack
     * of the same AWS account is deployed in another region, which is refused before it writes anything
     * and rolls back. Returns the accounts that now stay when every stack is deleted: held by a replacement
     * as Reused (an adoption's replacement adopts the account again).
     */
    private static Set<String> editsOfCloudFormation(final SpotEmulator spot, final List<StackInstance> live) {
        final Set<String> kept = ConcurrentHashMap.newKeySet();
        final List<StackInstance> firsts = new ArrayList<>(live);
        int replaced = 0;
        int seconds = 0;
        for (int i = 0; i < firsts.size(); i++) {
            final StackInstance stack = firsts.get(i);
            final String accountId = stack.spotAccount();
            if (i % 3 == 0) {
                final var cleanup = stack.renameAccount("SpotAccountMoved");
                assertThat(cleanup.status()).as(cleanup.message()).isEqualTo("SUCCESS");
                assertThat(stack.spotAccount()).isEqualTo(accountId);
                if ("Reused".equals(stack.ownership())) {
                    // An adoption's replacement adopts it again and deletes it with the stack; otherwise it stays.
                    kept.add(accountId);
                }
                replaced++;
            } else if (i % 4 == 1) {
                final StackInstance second =
                        new StackInstance(spot, TOKEN, stack.awsAccount(), "{}", "SpotRole-eu", "eu-west-1");
                assertThat(second.createOrRollBack())
                        .as("a second stack of one AWS account")
                        .isFalse();
                assertThat(second.failure().errorCode()).isEqualTo("AlreadyExists");
                assertThat(spot.state().account(accountId)).isPresent();
                seconds++;
            }
        }
        assertThat(replaced).isPositive();
        assertThat(seconds).isPositive();
        System.out.println("stackset-ownership-chaos: " + replaced + " Account resources replaced (logical ID "
                + "renamed), " + seconds + " second stacks in another region refused and rolled back; 0 accounts "
                + "deleted or broken");
        return kept;
    }

    private static Set<String> union(final Set<String> a, final Set<String> b) {
        final Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The stacks, and Spot as it is before them. */
    private List<StackInstance> organization(final SpotEmulator spot) {
        final List<StackInstance> stacks = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < NEW; i++) {
            stacks.add(new StackInstance(spot, TOKEN, awsAccount(index++), "{}", "SpotRole"));
        }
        for (int i = 0; i < REUSED + ADOPTED; i++) {
            final String awsAccount = awsAccount(index++);
            final SpotAccountRecord existing = spot.state()
                    .seedAccount(
                            "production-" + awsAccount,
                            Duration.ofDays(90),
                            "arn:aws:iam::" + awsAccount + ":role/LegacySpotRole");
            if (i % 2 == 0) {
                spot.state().enrollCostIntelligence(existing.accountId());
            }
            preexisting.put(awsAccount, existing);
            final boolean adopt = i >= REUSED && adoptionsSafe;
            if (adopt) {
                adopting.add(awsAccount);
                if (i % 2 == 1) {
                    // Its last resource fails whatever the faults do: an adoption that must be rolled back.
                    spot.faults()
                            .ciValidationResult(
                                    existing.accountId(),
                                    List.of(Map.of(
                                            "id",
                                            "costIntelligencePolicy",
                                            "description",
                                            "The IAM role has the Cost Intelligence permissions",
                                            "status",
                                            "failed",
                                            "validationInfo",
                                            "ce:GetCostAndUsage is not allowed")));
                }
            }
            stacks.add(new StackInstance(
                    spot, TOKEN, awsAccount, adopt ? "{\"ExistingAccountPolicy\":\"Adopt\"}" : "{}", "SpotRole"));
        }
        for (int i = 0; i < LOOK_ALIKES; i++) {
            final String awsAccount = awsAccount(index++);
            foreign.put(awsAccount, spot.state().seedAccount(awsAccount, Duration.ofMinutes(1), null));
            stacks.add(new StackInstance(spot, TOKEN, awsAccount, "{}", "SpotRole"));
        }
        return stacks;
    }

    /** Accounts that did not exist before, are not held by a stack that succeeded, and are still there. */
    private static List<SpotAccountRecord> newAccountsLeftBy(
            final SpotEmulator spot, final Map<String, VisibleAccount> before, final List<StackInstance> stacks) {
        final Set<String> held = stacks.stream()
                .filter(StackInstance::succeeded)
                .map(StackInstance::spotAccount)
                .collect(Collectors.toSet());
        return spot.state().accounts().stream()
                .filter(a -> !before.containsKey(a.accountId()))
                .filter(a -> !held.contains(a.accountId()))
                .toList();
    }

    private static String awsAccount(final int index) {
        return String.format("3200%08d", index);
    }

    private static Map<String, VisibleAccount> visible(final SpotEmulator spot) {
        return spot.state().visibleAccounts().stream().collect(Collectors.toMap(VisibleAccount::accountId, a -> a));
    }

    private static VisibleAccount visible(final SpotEmulator spot, final String accountId) {
        return visible(spot).get(accountId);
    }

    /** Each account's stack, eight at a time, as a StackSet's MaxConcurrentCount would run them. */
    private static List<StackInstance> run(final List<StackInstance> stacks) throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            final List<Future<Boolean>> running = new ArrayList<>();
            for (final StackInstance stack : stacks) {
                running.add(pool.submit(stack::createOrRollBack));
            }
            for (final Future<Boolean> stack : running) {
                stack.get();
            }
            return stacks;
        } finally {
            pool.shutdown();
        }
    }
}
