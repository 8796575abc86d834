package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.emulator.SpotAnswers;
import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.emulator.VisibleAccount;
import io.spot.onboarding.runner.cli.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole onboarding template over AWS accounts already connected to Spot and not in Cost
 * Intelligence, under today's answers to Spot's open questions and under every one taken the other
 * way. The defaults (Reuse) succeed without a write; an adoption's last resource (Cost Intelligence)
 * fails and the stack rolls back through every type's real handlers. Either way Spot ends with every
 * account as it was, or, where a new external ID replaces the old, on a role Spot can assume with the
 * rollback stopped and saying what to do.
 */
class ExistingAccountRollbackTest {
    @RegisterExtension
    final TemplateRun template = new TemplateRun();

    private LocalRun run;

    /** Today's answers to Spot's open questions, and every one taken the other way. */
    static Stream<SpotAnswers> answers() {
        return Stream.of(SpotAnswers.DEFAULT, SpotAnswers.STRICT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void theDefaultsOverConnectedAccountsNotInCostIntelligenceFailNoStackAndWriteNothing(final SpotAnswers answers) {
        run = start(answers);
        final SpotEmulator spot = template.spot();

        assertThat(run.run(Command.of(Command.CONNECT_EXISTING))).isTrue();
        final List<VisibleAccount> before = spot.state().visibleAccounts();
        assertThat(run.run(new Command(Command.DEPLOY, Map.of()))).isTrue();

        assertThat(run.stacks())
                .hasSize(3)
                .allSatisfy(stack -> assertThat(stack.status()).isEqualTo("CREATE_COMPLETE"));
        assertThat(template.printed())
                .containsPattern("SpotCostIntelligence +Spot::Onboarding::CostIntelligence +CREATE_COMPLETE +Spot "
                        + "account \\S+ is Reused \\(AccountOwnership\\) and not enrolled in Cost Intelligence");
        assertExactlyAsBefore(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void anAdoptionsRollbackOverConnectedAccountsLeavesSpotAsItWas(final SpotAnswers answers) {
        run = start(answers);
        final SpotEmulator spot = template.spot();

        assertThat(run.run(Command.of(Command.CONNECT_EXISTING))).isTrue();
        final List<VisibleAccount> before = spot.state().visibleAccounts();
        assertThat(run.run(new Command(Command.DEPLOY, Map.of("ExistingAccountPolicy", "Adopt"))))
                .isFalse();

        assertThat(template.printed())
                .containsPattern("SpotCostIntelligence +Spot::Onboarding::CostIntelligence +CREATE_FAILED");
        if (answers.externalIds() == SpotAnswers.ExternalIds.REPLACES_OLD) {
            // The minted ID made the old role unusable: the rollback cannot link it back, so it stops with the
            // account on the stack's role, which Spot can assume, named and enrolled as before.
            assertThat(run.stacks())
                    .hasSize(3)
                    .allSatisfy(stack -> assertThat(stack.status()).isEqualTo("ROLLBACK_FAILED"));
            assertThat(template.printed())
                    .containsPattern("SpotLinkedCredentials +Spot::Onboarding::LinkedCredentials +DELETE_FAILED +Spot "
                            + "refused to link Spot account \\S+ back to role")
                    .contains("Make role ");
            final List<VisibleAccount> now = spot.state().visibleAccounts();
            assertThat(before)
                    .allSatisfy(was -> assertThat(now)
                            .anySatisfy(
                                    is -> assertThat(is.reachableAsBefore(was)).isTrue()));
            assertThat(run.run(Command.of(Command.CHECK_UNCHANGED))).isFalse();
            return;
        }
        assertThat(run.stacks())
                .hasSize(3)
                .allSatisfy(stack -> assertThat(stack.status()).isEqualTo("ROLLBACK_COMPLETE"));
        assertThat(template.printed())
                // Each DELETE_COMPLETE says what it left in Spot and why, as the handler put it.
                .containsPattern("SpotAccount +Spot::Onboarding::Account +DELETE_COMPLETE +Spot account \\S+ was "
                        + "Adopted by a Create that is being rolled back: released as it was found, not deleted");
        assertExactlyAsBefore(before);
        assertThat(template.printed()).contains("Spot is exactly as it was before the stack");
    }

    /** Spot as connect-existing left it, every linked role one Spot can still assume. */
    private void assertExactlyAsBefore(final List<VisibleAccount> before) {
        assertThat(template.spot().state().visibleAccounts()).isEqualTo(before);
        assertThat(before)
                .filteredOn(account -> account.iamRole() != null)
                .isNotEmpty()
                .allSatisfy(account -> assertThat(account.spotCanAssume()).isTrue());
        assertThat(run.run(Command.of(Command.CHECK_UNCHANGED))).isTrue();
    }

    private LocalRun start(final SpotAnswers answers) {
        final List<String> args = new ArrayList<>(List.of("--accounts", "3", "--concurrency", "3", "--events"));
        args.addAll(answers.options());
        return template.start(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "a difference is reported: {0}")
    @ValueSource(strings = {"renamed", "deleted"})
    void checkUnchangedFailsOnAnyDifference(final String change) {
        run = template.start();
        final SpotEmulator spot = template.spot();
        assertThat(run.run(Command.of(Command.CONNECT_EXISTING))).isTrue();
        final String existing = spot.state().visibleAccounts().stream()
                .filter(a -> a.name().startsWith("connected-"))
                .findFirst()
                .orElseThrow()
                .accountId();

        if ("renamed".equals(change)) {
            spot.state().rename(existing, "someone else's name");
        } else {
            spot.state().delete(existing);
        }

        assertThat(run.run(Command.of(Command.CHECK_UNCHANGED))).isFalse();
        assertThat(template.printed())
                .contains(existing)
                .contains("difference(s) from Spot as it was before the stack");
    }
}
