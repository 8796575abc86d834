package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.handler.RetryPolicy;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.emulator.SpotAnswers;
import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.runner.cli.Command;
import io.spot.onboarding.runner.stack.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ./spot-local --accounts N migrate}: the Spot side of leaving Spot's Lambda-backed StackSet.
 * What the emulator holds before and after is compared directly, not through the runner's summary.
 */
class MigrateScenarioTest {
    @RegisterExtension
    final TemplateRun template = new TemplateRun();

    private LocalRun run;

    private static final Command ADOPT = new Command(Command.MIGRATE, Map.of("ExistingAccountPolicy", "Adopt"));

    private SpotEmulator start(final int concurrency) {
        return start(concurrency, SpotAnswers.DEFAULT);
    }

    private SpotEmulator start(final int concurrency, final SpotAnswers answers) {
        final List<String> args =
                new ArrayList<>(List.of("--accounts", "6", "--concurrency", Integer.toString(concurrency)));
        args.addAll(answers.options());
        run = template.start(args.toArray(String[]::new));
        return template.spot();
    }

    private static List<SpotAccountRecord> members(final SpotEmulator spot) {
        return spot.state().accounts().stream()
                .filter(a -> !a.accountId().equals(spot.state().defaultAccountId()))
                .toList();
    }

    /**
     * The default: every new stack reuses its account, so nothing is minted or written to Spot, and the
     * old SpotRole stays for Spot to assume. Safe whatever Spot does with an earlier external ID.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.spot.onboarding.runner.ExistingAccountRollbackTest#answers")
    void byDefaultEveryAccountIsReusedOnItsOldRoleAndNothingIsWritten(final SpotAnswers answers) {
        final SpotEmulator spot = start(3, answers);

        final boolean migrated = run.run(Command.of(Command.MIGRATE));

        assertThat(migrated).as(template.printed()).isTrue();
        assertThat(members(spot)).hasSize(6).allSatisfy(account -> {
            assertThat(account.iamRole()).contains("LEGACY");
            assertThat(account.name()).startsWith("acme-member-");
            assertThat(account.ciEnrolled()).isTrue();
            assertThat(spot.state().spotCanAssume(account.accountId())).isTrue();
        });
        assertThat(spot.requests()).filteredOn(r -> !"GET".equals(r.method())).isEmpty();
        assertThat(template.printed())
                .containsPattern("reused by its new stack +6")
                .containsPattern("on the old role +6")
                .containsPattern("reachable by Spot +6")
                .contains("its SpotRole stays, Spot still uses it");
    }

    @Test
    void everyAccountSpotsStackSetEnrolledIsAdoptedRelinkedAndKept() {
        final SpotEmulator spot = start(3);

        final boolean migrated = run.run(ADOPT);

        assertThat(migrated).as(template.printed()).isTrue();
        final Map<String, Stack> stacks = run.stacks().stream().collect(Collectors.toMap(Stack::accountId, s -> s));
        final List<SpotAccountRecord> members = members(spot);
        // The six accounts Spot's StackSet made, no more: none deleted, none created twice.
        assertThat(members).hasSize(6);
        assertThat(members).allSatisfy(account -> {
            final Stack stack = stacks.get(account.providerExternalId());
            assertThat(stack.status()).isEqualTo("CREATE_COMPLETE");
            assertThat(stack.resource("SpotAccount").state().physicalId()).isEqualTo(account.accountId());
            assertThat(stack.resource("SpotAccount")
                            .state()
                            .model()
                            .get("Ownership")
                            .asText())
                    .isEqualTo("Adopted");
            assertThat(account.iamRole())
                    .isEqualTo(stack.resource("SpotRole")
                            .state()
                            .model()
                            .get("Arn")
                            .asText())
                    .doesNotContain("LEGACY");
            assertThat(account.name()).startsWith("acme-member-");
            assertThat(account.ciEnrolled()).isTrue();
            assertThat(stack.resource("SpotLinkedCredentials")
                            .state()
                            .model()
                            .get("PreviousRoleArn")
                            .asText())
                    .isEqualTo("arn:aws:iam::" + account.providerExternalId()
                            + ":role/StackSet-SpotOnboarding-SpotRole-LEGACY");
        });
        assertThat(template.printed())
                .containsPattern("adopted by its new stack +6")
                .containsPattern("linked to the new role +6")
                .containsPattern("old link remembered +6")
                .containsPattern("Spot accounts deleted +0")
                .containsPattern("linked to a deleted role +0")
                .contains("Step 3 (remove): the old stack deleted in 6 accounts")
                .contains("Spot API calls: 0");
    }

    /**
     * One account's new stack fails (Spot refuses its Cost Intelligence pre-flight) and rolls back:
     * its Spot account is released as it was, linked to the old role again, and that role is kept.
     */
    @Test
    void anAccountWhoseNewStackRollsBackStaysOnItsOldRole() {
        // One account at a time: the first to reach Cost Intelligence's pre-flight meets every 5xx and fails.
        final SpotEmulator spot = start(1);
        failOnePreFlight(spot);

        final boolean migrated = run.run(ADOPT);

        assertThat(migrated).isFalse();
        final List<Stack> rolledBack = run.stacks().stream()
                .filter(s -> !s.status().equals("CREATE_COMPLETE"))
                .toList();
        assertThat(rolledBack)
                .singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo("ROLLBACK_COMPLETE"));
        final String failing = rolledBack.get(0).accountId();
        final SpotAccountRecord kept = spot.state().accounts().stream()
                .filter(a -> failing.equals(a.providerExternalId()))
                .findFirst()
                .orElseThrow();
        assertThat(kept.iamRole())
                .isEqualTo("arn:aws:iam::" + failing + ":role/StackSet-SpotOnboarding-SpotRole-LEGACY");
        assertThat(kept.name()).startsWith("acme-member-");
        assertThat(kept.ciEnrolled()).isTrue();
        assertThat(spot.state().accounts()).hasSize(7);
        assertThat(template.printed())
                .containsPattern("adopted by its new stack +5")
                .containsPattern("linked to the new role +5")
                .containsPattern("Spot accounts deleted +0")
                .containsPattern("linked to a deleted role +0")
                .contains("the old stack deleted in 5 accounts")
                .contains("kept in 1")
                .contains("not migrated: " + failing);
    }

    private static void failOnePreFlight(final SpotEmulator spot) {
        spot.faults()
                .serverErrorNext(
                        "POST", "/cbi/v1/setup/account/validation", RetryPolicy.MAX_TRANSIENT_RETRIES + 1, 503);
    }

    /**
     * Adopt where a new external ID replaces the old: the old role is unusable from the mint on, so the
     * failing account's rollback cannot link it back and stops, leaving the account on the new stack's
     * role (kept, Spot can assume it), named and enrolled; its old stack is kept. Why Adopt is opt-in.
     */
    @Test
    void whereANewExternalIdReplacesTheOldAnAdoptionRolledBackStopsOnTheNewRole() {
        final SpotEmulator spot = start(1, SpotAnswers.STRICT);
        failOnePreFlight(spot);

        final boolean migrated = run.run(ADOPT);

        assertThat(migrated).isFalse();
        final Stack failed = run.stacks().stream()
                .filter(s -> !s.status().equals("CREATE_COMPLETE"))
                .collect(Collectors.toList())
                .get(0);
        assertThat(failed.status()).isEqualTo("ROLLBACK_FAILED");
        final SpotAccountRecord kept = members(spot).stream()
                .filter(a -> failed.accountId().equals(a.providerExternalId()))
                .findFirst()
                .orElseThrow();
        assertThat(kept.iamRole()).doesNotContain("LEGACY");
        assertThat(spot.state().spotCanAssume(kept.accountId())).isTrue();
        assertThat(kept.name()).startsWith("acme-member-");
        assertThat(kept.ciEnrolled()).isTrue();
        assertThat(template.printed())
                .containsPattern("Spot accounts deleted +0")
                .containsPattern("linked to a deleted role +0")
                .containsPattern("reachable by Spot +6")
                .contains("kept in 1");
    }
}
