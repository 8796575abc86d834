package io.spot.onboarding.runner.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spot.onboarding.runner.cli.Options;
import io.spot.onboarding.runner.stack.DriftResult;
import io.spot.onboarding.runner.stack.OperationOutcome;
import io.spot.onboarding.runner.stackset.ApiCalls;
import io.spot.onboarding.runner.stackset.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What {@code --report FILE} writes: the run's settings and, for each stack operation it ran, the
 * figures its printed summary shows, as JSON for a script or a CI job to read instead of the console
 * text. The field names are the documented format (tooling/runner/README.md): rename one and every
 * reader breaks, which is why the benchmark reads this file through these same records.
 *
 * @param rateLimits  the --rate-limit options, as given
 * @param spotAnswers how the emulator answered Spot's open questions, rate limits included, as the options that
 *                    give those answers ({@code --rate-limit-scope=template}, ...); null against the real Spot API
 * @param operations  one per stack operation, in the order run (a demo runs several)
 */
public record RunReport(
        String template,
        int accounts,
        int concurrency,
        List<String> rateLimits,
        List<String> spotAnswers,
        List<Operation> operations) {

    /** A report that records no answers to Spot's open questions. */
    public RunReport(
            String template, int accounts, int concurrency, List<String> rateLimits, List<Operation> operations) {
        this(template, accounts, concurrency, rateLimits, null, operations);
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * One stack operation over all its stacks.
     *
     * @param command         deploy, update, detect-drift or delete (and "deploy deploy/central-token.yml",
     *                        "delete deploy/central-token.yml" for the central token's stack)
     * @param stacks          the stacks it ran on: the accounts, for a StackSet
     * @param failures        every stack that failed, in the order they ended
     * @param drift           detect-drift only
     * @param callbacks       handler re-invocations after IN_PROGRESS (waits for Spot, IAM, rate limits)
     * @param simulatedSeconds the operation's duration on the run's clock (simulated against the emulator)
     * @param stackEndSeconds when each stack ended, succeeded or failed, in seconds on the run's clock from the
     *                        operation's start, in the accounts' order
     * @param spotCalls       absent against the real Spot API, whose calls the runner cannot see
     * @param rateLimitUse    one per (--rate-limit, route it matched)
     */
    public record Operation(
            String command,
            int stacks,
            int succeeded,
            int failed,
            List<Failure> failures,
            Drift drift,
            int callbacks,
            double wallSeconds,
            long simulatedSeconds,
            List<Long> stackEndSeconds,
            SpotCalls spotCalls,
            List<LimitUse> rateLimitUse) {}

    /** @param reasons "LogicalId: reason" for each resource that failed */
    public record Failure(String accountId, String stackName, String status, List<String> reasons) {}

    /**
     * @param stacksDrifted stacks with a resource not IN_SYNC (NOT_CHECKED included: it is not known in sync)
     * @param resources     resources by drift status: IN_SYNC, MODIFIED, DELETED, NOT_CHECKED
     */
    public record Drift(int stacksDrifted, Map<DriftResult.Status, Integer> resources) {}

    /**
     * Spot API calls the emulator answered during the operation.
     *
     * @param organizationWide calls that name no account (reads of the whole organization)
     * @param meanPerAccount   over the stacks' accounts, calls that name the account
     * @param throttled        answered 429
     * @param responseBytes    response bodies, all routes together
     * @param byRoute          calls by "METHOD /route"
     */
    public record SpotCalls(
            int total,
            int organizationWide,
            int minPerAccount,
            double meanPerAccount,
            int maxPerAccount,
            int throttled,
            int serverErrors,
            int unanswered,
            long responseBytes,
            Map<String, Integer> byRoute,
            Map<String, Long> responseBytesByRoute) {}

    /**
     * @param limit            the --rate-limit, e.g. POST:/setup/account=60/60s
     * @param route            "METHOD /route" it matched
     * @param allowed          requests the limit admits over the operation's simulated time
     * @param percentOfAllowed admitted as a percentage of allowed: how close the run came to the ceiling
     * @param allowedPerMinute what the limit admits in a minute: the ceiling of admittedPerMinute
     * @param admittedPerMinute requests admitted in each minute of simulated time from the operation's start
     */
    public record LimitUse(
            String limit,
            String route,
            int admitted,
            int refused,
            double allowed,
            double percentOfAllowed,
            double allowedPerMinute,
            List<Integer> admittedPerMinute) {}

    /** @param redact masks the token and NoEcho values in free text (failure reasons, names) */
    public static RunReport of(
            final Options options, final List<RunSummary> summaries, final UnaryOperator<String> redact) {
        return new RunReport(
                options.template().toString(),
                options.accounts(),
                options.concurrency(),
                options.rateLimits().stream().map(Object::toString).toList(),
                options.spotUrl() == null ? options.answers().options() : null,
                summaries.stream().map(s -> operation(s, redact)).toList());
    }

    /** @param redact masks the token and NoEcho values in free text (failure reasons, names) */
    public static Operation operation(final RunSummary summary, final UnaryOperator<String> redact) {
        return new Operation(
                summary.command(),
                summary.outcomes().size(),
                summary.succeeded(),
                summary.failed(),
                summary.outcomes().stream()
                        .filter(o -> !o.succeeded())
                        .map(o -> new Failure(
                                o.accountId(),
                                redact.apply(o.stackName()),
                                o.finalStatus(),
                                o.failures().stream().map(redact).toList()))
                        .toList(),
                summary.command().equals("detect-drift") ? drift(summary.outcomes()) : null,
                summary.callbacks(),
                summary.wall().toMillis() / 1000.0,
                summary.simulated().toSeconds(),
                summary.stackEnds().stream().map(Duration::toSeconds).toList(),
                summary.calls() == null ? null : spotCalls(summary.calls()),
                summary.rateLimitUse().stream()
                        .map(use -> new LimitUse(
                                use.limit(),
                                use.route(),
                                use.admitted(),
                                use.refused(),
                                use.allowed(),
                                use.percentOfAllowed(),
                                use.allowedPerMinute(),
                                use.admittedPerMinute()))
                        .toList());
    }

    private static Drift drift(final List<OperationOutcome> outcomes) {
        final Map<DriftResult.Status, Integer> resources = new EnumMap<>(DriftResult.Status.class);
        for (final DriftResult.Status status : DriftResult.Status.values()) {
            resources.put(status, 0);
        }
        outcomes.stream().flatMap(o -> o.drift().stream()).forEach(r -> resources.merge(r.status(), 1, Integer::sum));
        return new Drift(
                (int) outcomes.stream().filter(OperationOutcome::drifted).count(), resources);
    }

    private static SpotCalls spotCalls(final ApiCalls calls) {
        return new SpotCalls(
                calls.total(),
                calls.organizationWide(),
                calls.minPerAccount(),
                calls.meanPerAccount(),
                calls.maxPerAccount(),
                calls.throttled(),
                calls.serverErrors(),
                calls.unanswered(),
                calls.responseBytes(),
                calls.byRoute(),
                calls.bytesByRoute());
    }

    /** Writes the report whole, replacing the file only once written, so a reader never sees half of one. */
    public void write(final Path file) {
        final String json;
        try {
            json = JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException("--report " + file + ": cannot write it: " + e.getMessage(), e);
        }
        ReportFile.write(file, json, "--report");
    }

    public static RunReport read(final Path file) {
        try {
            return JSON.readValue(file.toFile(), RunReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report " + file + ": " + e.getMessage(), e);
        }
    }

    /** The operations of one command, e.g. "deploy", in the order run. */
    public List<Operation> operations(final String command) {
        return operations.stream().filter(o -> o.command().equals(command)).toList();
    }
}
