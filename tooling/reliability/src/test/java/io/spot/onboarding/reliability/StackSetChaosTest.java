package io.spot.onboarding.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.emulator.SpotEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A StackSet's worth of accounts enrolled at once while faults strike at random (over a third of all
 * calls: 429s, 503s, resets, answers lost after a write). Every account ends fully enrolled, or
 * cleanly failed with a retriable code and rolled back; a second run, as a user would retry the
 * failed stack instances, enrols them all; and Spot holds exactly one account per AWS account,
 * linked to that account's role, named, enrolled.
 */
class StackSetChaosTest {
    private static final int ACCOUNTS = 40;
    private static final String TOKEN = "chaosToken" + Long.toHexString(System.nanoTime());
    private static final Set<String> RETRIABLE = StackInstance.RETRIABLE;

    @Test
    void everyAccountEndsEnrolledOrCleanlyFailedAndASecondRunEnrolsAll() throws Exception {
        try (SpotEmulator spot =
                SpotEmulator.builder().token(TOKEN).workerThreads(16).build().start()) {
            spot.faults().chaos(0.35, 20261126L);
            final Map<String, String> failures = new ConcurrentHashMap<>();
            run(spot, awsAccounts(), failures);
            failures.values().forEach(code -> assertThat(code).isIn(RETRIABLE));
            System.out.println("stackset-chaos: " + (ACCOUNTS - failures.size()) + " of " + ACCOUNTS
                    + " accounts enrolled under random faults, " + failures.size() + " cleanly failed and rolled back");

            spot.faults().reset();
            final Map<String, String> secondFailures = new ConcurrentHashMap<>();
            run(spot, new ArrayList<>(failures.keySet()), secondFailures);

            assertThat(secondFailures).isEmpty();
            for (final String awsAccount : awsAccounts()) {
                final List<SpotAccountRecord> accounts = spot.state().accounts().stream()
                        .filter(a -> awsAccount.equals(a.providerExternalId())
                                || ("alias-" + awsAccount).equals(a.name())
                                || awsAccount.equals(a.name()))
                        .toList();
                assertThat(accounts)
                        .as("Spot accounts for AWS account %s", awsAccount)
                        .hasSize(1);
                final SpotAccountRecord account = accounts.get(0);
                assertThat(account.iamRole()).isEqualTo(role(awsAccount));
                assertThat(account.name()).isEqualTo("alias-" + awsAccount);
                assertThat(account.ciEnrolled()).isTrue();
            }
            assertThat(spot.state().accounts()).hasSize(ACCOUNTS + 1);
        }
    }

    private static List<String> awsAccounts() {
        final List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(String.format("3100%08d", i));
        }
        return accounts;
    }

    private static String role(final String awsAccount) {
        return "arn:aws:iam::" + awsAccount + ":role/SpotRole";
    }

    /** Each account's stack, eight at a time; a failed one is rolled back and its code kept. */
    private static void run(final SpotEmulator spot, final List<String> awsAccounts, final Map<String, String> failures)
            throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            final List<Future<?>> stacks = new ArrayList<>();
            for (final String awsAccount : awsAccounts) {
                stacks.add(pool.submit(() -> {
                    final StackInstance stack = new StackInstance(spot, TOKEN, awsAccount, "{}", "SpotRole");
                    if (!stack.createOrRollBack()) {
                        failures.put(awsAccount, stack.failure().errorCode());
                    }
                }));
            }
            for (final Future<?> stack : stacks) {
                stack.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
