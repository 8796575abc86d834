package io.spot.onboarding.runner.cli;

import io.spot.onboarding.emulator.SpotAnswers;
import io.spot.onboarding.runner.env.RateLimitSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The command line, parsed.
 *
 * @param parameters   template parameter values for deploy (--param Name=value)
 * @param concurrency  accounts in flight at once (StackSets' MaxConcurrentCount)
 * @param spotTokenEnv the environment variable holding the real Spot token (with --spot-url)
 * @param events       print every event even for many accounts
 * @param centralToken the central token option: central-token.yml in a management account first,
 *                     then the template with CentralTokenSecretArn instead of SpotApiToken
 * @param report       where to write each operation's results as JSON (--report), or null
 * @param reportHtml   where to write them as a page, with a chart (--report-html), or null
 * @param answers      how the emulator answers Spot's open questions (--new-external-id, ...)
 */
public record Options(
        Path template,
        Map<String, String> parameters,
        int accounts,
        int concurrency,
        String spotUrl,
        String spotTokenEnv,
        Duration iamPropagation,
        List<RateLimitSpec> rateLimits,
        String region,
        String stackName,
        int threads,
        boolean events,
        boolean quiet,
        boolean verbose,
        boolean rollback,
        boolean centralToken,
        Path report,
        Path reportHtml,
        SpotAnswers answers,
        List<Command> commands) {

    public Options {
        parameters = Map.copyOf(parameters);
        rateLimits = List.copyOf(rateLimits);
        commands = List.copyOf(commands);
    }

    public boolean stackSet() {
        return accounts > 1;
    }
}
