package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.emulator.VisibleAccount;
import io.spot.onboarding.runner.cli.Command;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole onboarding template over AWS accounts already connected to Spot and not in Cost
 * Intelligence. The defaults succeed without a write; an adoption's last resource (Cost Intelligence)
 * fails and the stack rolls back through every type's real handlers with CloudFormation's rollback
 * flag. Either way Spot ends exactly as it was before the stack.
 */
class ExistingAccountRollbackTest {
    @RegisterExtension
    final TemplateRun template = new TemplateRun();

    private LocalRun run;

    @Test
    void theDefaultsOverConnectedAccountsNotInCostIntelligenceFailNoStackAndWriteNothing() {
        run = template.start("--accounts", "3", "--concurrency", "3", "--events");
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
        assertThat(spot.state().visibleAccounts()).isEqualTo(before);
        assertThat(run.run(Command.of(Command.CHECK_UNCHANGED))).isTrue();
    }

    @Test
    void anAdoptionsRollbackOverConnectedAccountsLeavesSpotExactlyAsItWas() {
        run = template.start("--accounts", "3", "--concurrency", "3", "--events");
        final SpotEmulator spot = template.spot();

        assertThat(run.run(Command.of(Command.CONNECT_EXISTING))).isTrue();
        final List<VisibleAccount> before = spot.state().visibleAccounts();
        assertThat(run.run(new Command(Command.DEPLOY, Map.of("ExistingAccountPolicy", "Adopt"))))
                .isFalse();

        assertThat(run.stacks())
                .hasSize(3)
                .allSatisfy(stack -> assertThat(stack.status()).isEqualTo("ROLLBACK_COMPLETE"));
        assertThat(template.printed())
                .containsPattern("SpotCostIntelligence +Spot::Onboarding::CostIntelligence +CREATE_FAILED")
                // Each DELETE_COMPLETE says what it left in Spot and why, as the handler put it.
                .containsPattern("SpotAccount +Spot::Onboarding::Account +DELETE_COMPLETE +Spot account \\S+ was "
                        + "Adopted by a Create that is being rolled back: released as it was found, not deleted");
        assertThat(spot.state().visibleAccounts()).isEqualTo(before);
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
