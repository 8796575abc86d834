package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.runner.cli.Command;
import io.spot.onboarding.runner.output.SummaryTable;
import io.spot.onboarding.runner.stackset.RunSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A StackSet whose every stack is in flight at once, against a Spot that admits 5 writes a minute, under each
 * answer to what Spot does not publish about its limits: per route template, per concrete path or one window
 * for the organization; with or without X-RateLimit-* headers; counting refused calls or not. Every account
 * enrolls once, through the real handlers, whichever answer holds.
 */
class UnknownRateLimitsTest {
    private static final int ACCOUNTS = 30;
    private static final int WRITES = 5;

    @RegisterExtension
    final TemplateRun template = new TemplateRun();

    @ParameterizedTest(name = "scope {0}, headers {1}, refused calls counted {2}")
    @CsvSource({
        "template, on, on",
        "template, off, on",
        "template, on, off",
        "path, on, on",
        "organization, on, on",
        "organization, off, on"
    })
    void everyAccountEnrollsOnce(final String scope, final String headers, final String countsRefused) {
        final List<String> args = new ArrayList<>(List.of(
                "--accounts",
                Integer.toString(ACCOUNTS),
                "--concurrency",
                Integer.toString(ACCOUNTS),
                "--quiet",
                "--rate-limit-scope",
                scope,
                "--rate-limit-headers",
                headers,
                "--rate-limit-counts-refused",
                countsRefused));
        if ("organization".equals(scope)) {
            args.addAll(List.of("--rate-limit", "*:*=" + WRITES * 10 + "/60s"));
        } else {
            args.addAll(List.of("--rate-limit", "POST:*=" + WRITES + "/60s"));
            args.addAll(List.of("--rate-limit", "PUT:*=" + WRITES + "/60s"));
            args.addAll(List.of("--rate-limit", "GET:*=" + WRITES * 10 + "/60s"));
        }
        final LocalRun run = template.start(args.toArray(String[]::new));
        final SpotEmulator spot = template.spot();

        assertThat(run.run(Command.of(Command.DEPLOY))).isTrue();

        final RunSummary deploy = run.summaries().get(0);
        assertThat(deploy.failed())
                .as(String.join("\n", SummaryTable.lines(deploy)))
                .isZero();
        assertThat(deploy.succeeded()).isEqualTo(ACCOUNTS);
        assertThat(deploy.calls().throttled()).as("the limit was met").isPositive();
        assertThat(spot.state().accounts())
                .as("one Spot account per AWS account, and the organization's own")
                .hasSize(ACCOUNTS + 1);
    }
}
