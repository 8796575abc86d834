package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.runner.cli.Command;
import io.spot.onboarding.runner.output.SummaryTable;
import io.spot.onboarding.runner.stackset.RunSummary;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The onboarding template as a StackSet over a simulated organization: every member account
 * through all four types' real handlers, against one emulator (one Spot organization) and moto.
 */
class StackSetSimulationTest {
    @RegisterExtension
    final TemplateRun template = new TemplateRun();

    private LocalRun run;

    @Test
    void twoHundredAccountsEnrollAndLeaveWithoutAFailure() {
        run = template.start("--accounts", "200", "--concurrency", "50");
        final SpotEmulator spot = template.spot();

        assertThat(run.run(Command.of(Command.DEPLOY))).isTrue();
        final RunSummary deploy = run.summaries().get(0);
        assertThat(deploy.succeeded()).isEqualTo(200);
        assertThat(deploy.failed()).isZero();
        // One Spot account per AWS account, each linked to that account's own role and enrolled in CI.
        assertThat(spot.state().accounts()).hasSize(201);
        assertThat(spot.state().accounts())
                .filteredOn(a -> !a.accountId().equals(spot.state().defaultAccountId()))
                .allSatisfy(a -> assertThat(spot.state().isCostIntelligenceEnrolled(a.accountId()))
                        .isTrue())
                .extracting(a -> a.name())
                .doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).startsWith("acme-member-"));
        // Every account's calls were attributed to it, and no account needed more than another.
        assertThat(deploy.calls().perAccount()).hasSize(200);
        assertThat(deploy.calls().minPerAccount())
                .isPositive()
                .isEqualTo(deploy.calls().maxPerAccount());
        // What grows with the organization is the bytes: each new account reads two organization-wide lists
        // (its accounts, to find an earlier attempt's; the Cost Intelligence enrollments, to find its own).
        assertThat(deploy.calls().heaviestRoute().getKey()).isIn("GET /setup/account", "GET /cbi/v1/setup/account");
        assertThat(deploy.calls().responseBytes()).isGreaterThan(200L * 100 * 200);
        assertThat(SummaryTable.lines(deploy))
                .anyMatch(line -> line.matches("  Spot responses +[\\d.]+ [KM]B in all, [\\d.]+ KB per "
                        + "account; \\d+% of it GET /(cbi/v1/)?setup/account"));
        // IAM propagation made every LinkedCredentials wait; simulated, it cost no wall time.
        assertThat(deploy.callbacks()).isGreaterThanOrEqualTo(200);
        assertThat(deploy.simulated()).isGreaterThanOrEqualTo(Duration.ofSeconds(10));

        assertThat(run.run(Command.of(Command.DELETE))).isTrue();
        assertThat(run.summaries().get(1).failed()).isZero();
        assertThat(spot.state().accounts()).hasSize(1);
    }

    /**
     * With Spot's rate limit on account creation far below the StackSet's pace, the handlers wait
     * out each window (IN_PROGRESS with X-RateLimit-Reset) and every account still enrolls; the
     * simulated time shows the limit, the wall time does not.
     */
    @Test
    void aRateLimitSlowsTheSimulatedClockNotTheRun() {
        run = template.start(
                "--accounts", "20", "--concurrency", "20", "--quiet", "--rate-limit", "POST:/setup/account=5/60s");

        assertThat(run.run(Command.of(Command.DEPLOY))).isTrue();

        final RunSummary deploy = run.summaries().get(0);
        assertThat(deploy.failed()).isZero();
        assertThat(deploy.calls().throttled()).isPositive();
        // 20 creations at 5 a minute need at least three full windows after the first.
        assertThat(deploy.simulated()).isGreaterThanOrEqualTo(Duration.ofMinutes(3));
        assertThat(SummaryTable.lines(deploy))
                .anySatisfy(line -> assertThat(line)
                        .contains("POST /setup/account")
                        .contains("admitted")
                        .contains("of the"));
    }
}
