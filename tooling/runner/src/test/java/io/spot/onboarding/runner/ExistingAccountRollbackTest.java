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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole onboarding template over AWS accounts already connected to Spot, its last resource
 * (Cost Intelligence) failing: the stack rolls back through every type's real handlers with
 * CloudFormation's rollback flag, and Spot ends exactly as it was before the stack.
 */
class ExistingAccountRollbackTest {
    @RegisterExtension
    final TemplateRun template = new TemplateRun();

    private LocalRun run;

    /**
     * Each policy under today's answers and under every open answer taken the other way: the only
     * answer that changes the outcome is a new external ID replacing the old, for Adopt (it mints).
     */
    static Stream<Arguments> cells() {
        return Stream.of("Reuse", "Adopt").flatMap(policy -> answers().map(answers -> Arguments.of(policy, answers)));
    }

    /** Today's answers to Spot's open questions, and every one taken the other way. */
    static Stream<SpotAnswers> answers() {
        return Stream.of(SpotAnswers.DEFAULT, SpotAnswers.STRICT);
    }

    @ParameterizedTest(name = "ExistingAccountPolicy {0}, {1}")
    @MethodSource("cells")
    void aRollbackOverConnectedAccountsLeavesSpotExactlyAsItWas(final String policy, final SpotAnswers answers) {
        final List<String> args = new ArrayList<>(List.of("--accounts", "3", "--concurrency", "3", "--events"));
        args.addAll(answers.options());
        run = template.start(args.toArray(String[]::new));
        final SpotEmulator spot = template.spot();

        assertThat(run.run(Command.of(Command.CONNECT_EXISTING))).isTrue();
        final List<VisibleAccount> before = spot.state().visibleAccounts();
        assertThat(run.run(new Command(Command.DEPLOY, Map.of("ExistingAccountPolicy", policy))))
                .isFalse();

        assertThat(template.printed())
                .containsPattern("SpotCostIntelligence +Spot::Onboarding::CostIntelligence +CREATE_FAILED");
        if ("Adopt".equals(policy) && answers.externalIds() == SpotAnswers.ExternalIds.REPLACES_OLD) {
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
            assertThat(before).allSatisfy(was -> assertThat(now)
                    .anySatisfy(is -> assertThat(is.reachableAsBefore(was)).isTrue()));
            assertThat(run.run(Command.of(Command.CHECK_UNCHANGED))).isFalse();
            return;
        }
        assertThat(run.stacks())
                .hasSize(3)
                .allSatisfy(stack -> assertThat(stack.status()).isEqualTo("ROLLBACK_COMPLETE"));
        assertThat(template.printed())
                // Each DELETE_COMPLETE says what it left in Spot and why, as the handler put it.
                .containsPattern(
                        "SpotAccount +Spot::Onboarding::Account +DELETE_COMPLETE +Spot account \\S+ was "
                                + ("Reuse".equals(policy)
                                        ? "Reused, not created by this stack: left untouched"
                                        : "Adopted by a Create that is being rolled back: released as it was found, not deleted"));
        assertThat(spot.state().visibleAccounts()).isEqualTo(before);
        assertThat(before)
                .filteredOn(account -> account.iamRole() != null)
                .isNotEmpty()
                .allSatisfy(account -> assertThat(account.spotCanAssume()).isTrue());
        assertThat(run.run(Command.of(Command.CHECK_UNCHANGED))).isTrue();
        assertThat(template.printed()).contains("Spot is exactly as it was before the stack");
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
