package io.spot.onboarding.runner.stackset;

import io.spot.onboarding.emulator.RecordedRequest;
import io.spot.onboarding.runner.env.RateLimitSpec;
import io.spot.onboarding.runner.stack.OperationOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one command did across the accounts: how many stacks ended well and when, the Spot API calls
 * per account, the waits, the time it took, and (with --rate-limit) how much of each limit was used.
 * {@code RunReport} holds it as the report file does; {@code SummaryTable} prints it.
 *
 * @param stackEnds      when each stack ended, from the command's start, in the outcomes' order
 * @param calls          null against the real Spot API, whose calls the runner cannot see
 * @param simulatedStart the command's start on the run's clock
 */
public record RunSummary(
        String command,
        List<OperationOutcome> outcomes,
        List<Duration> stackEnds,
        ApiCalls calls,
        List<RecordedRequest> requests,
        List<RateLimitSpec> rateLimits,
        Duration wall,
        Instant simulatedStart,
        Duration simulated) {

    public int succeeded() {
        return (int) outcomes.stream().filter(OperationOutcome::succeeded).count();
    }

    public int failed() {
        return outcomes.size() - succeeded();
    }

    public int callbacks() {
        return outcomes.stream().mapToInt(OperationOutcome::callbacks).sum();
    }

    /** How much of each --rate-limit the command used, by (method, route). */
    public List<RateLimitUse> rateLimitUse() {
        return RateLimitUse.of(requests, rateLimits, simulatedStart, simulated);
    }
}
