package io.spot.onboarding.runner.stackset;

import io.spot.onboarding.emulator.RecordedRequest;
import io.spot.onboarding.runner.env.RateLimitSpec;
import io.spot.onboarding.runner.stack.OperationOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one command did across the accounts: how many stacks ended well, the Spot API calls per
 * account, the waits, the time it took, and (with --rate-limit) how much of each limit was used.
 *
 * @param calls null against the real Spot API, whose calls the runner cannot see
 */
public record RunSummary(
        String command,
        List<OperationOutcome> outcomes,
        ApiCalls calls,
        List<RecordedRequest> requests,
        List<RateLimitSpec> rateLimits,
        Duration wall,
        Duration simulated) {

    private static final int FAILURES_SHOWN = 5;

    public int succeeded() {
        return (int) outcomes.stream().filter(OperationOutcome::succeeded).count();
    }

    public int failed() {
        return outcomes.size() - succeeded();
    }

    public int callbacks() {
        return outcomes.stream().mapToInt(OperationOutcome::callbacks).sum();
    }

    public List<String> lines() {
        final List<String> lines = new ArrayList<>();
        lines.add("Summary of " + command + " over " + outcomes.size() + " account" + (outcomes.size() == 1 ? "" : "s")
                + ":");
        lines.add(String.format("  %-22s %d", verb(), succeeded()));
        lines.add(String.format("  %-22s %d", "failed", failed()));
        outcomes.stream()
                .filter(o -> !o.succeeded())
                .limit(FAILURES_SHOWN)
                .forEach(o -> lines.add(
                        "      " + o.accountId() + " " + o.finalStatus() + ": " + String.join("; ", o.failures())));
        if (command.equals("detect-drift")) {
            lines.add(String.format(
                    "  %-22s %d",
                    "drifted",
                    outcomes.stream().filter(OperationOutcome::drifted).count()));
        }
        if (calls == null) {
            lines.add(String.format(
                    "  %-22s %s", "Spot API calls", "not counted (the real Spot API keeps no log we can read)"));
        } else {
            lines.add(String.format(
                    "  %-22s %d in all; per account min %d, mean %.1f, max %d; %d organization-wide",
                    "Spot API calls",
                    calls.total(),
                    calls.minPerAccount(),
                    calls.meanPerAccount(),
                    calls.maxPerAccount(),
                    calls.organizationWide()));
            if (!calls.byRoute().isEmpty()) {
                lines.add(String.format(
                        "  %-22s %s",
                        "by route",
                        calls.byRoute().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", "))));
            }
            final Map.Entry<String, Long> heaviest = calls.heaviestRoute();
            lines.add(String.format(
                    "  %-22s %s in all, %.1f KB per account; %.0f%% of it %s",
                    "Spot responses",
                    calls.responseBytes() < 1e6
                            ? String.format("%.1f KB", calls.responseBytes() / 1e3)
                            : String.format("%.1f MB", calls.responseBytes() / 1e6),
                    calls.responseBytes() / 1e3 / Math.max(1, outcomes.size()),
                    100.0 * heaviest.getValue() / Math.max(1, calls.responseBytes()),
                    heaviest.getKey()));
            lines.add(String.format(
                    "  %-22s %d (IN_PROGRESS, called again after callbackDelaySeconds);"
                            + " Spot answered 429 %d times, 5xx %d times",
                    "handler callbacks", callbacks(), calls.throttled(), calls.serverErrors()));
        }
        lines.add(String.format(
                "  %-22s %.1f s of wall time; %s of simulated time",
                "elapsed", wall.toMillis() / 1000.0, clock(simulated)));
        rateLimitUse()
                .forEach(use -> lines.add(String.format(
                        "  %-22s %s (%s): %d admitted, %d refused; %.0f%% of the %.0f the limit allows in %s",
                        "rate limit",
                        use.route(),
                        use.limit(),
                        use.admitted(),
                        use.refused(),
                        use.percentOfAllowed(),
                        use.allowed(),
                        clock(simulated))));
        return lines;
    }

    private String verb() {
        return switch (command) {
            case "deploy" -> "accounts enrolled";
            case "update" -> "stacks updated";
            case "delete" -> "stacks deleted";
            case "detect-drift" -> "stacks checked";
            default -> "succeeded";
        };
    }

    /** How much of each --rate-limit the command used, by (method, route). */
    public List<RateLimitUse> rateLimitUse() {
        return RateLimitUse.of(requests, rateLimits, simulated);
    }

    static String clock(final Duration duration) {
        return String.format("%02d:%02d:%02d", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart());
    }
}
