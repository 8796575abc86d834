package io.spot.onboarding.runner.output;

import io.spot.onboarding.runner.stack.DriftResult;
import io.spot.onboarding.runner.stack.EventSink;
import io.spot.onboarding.runner.stack.Stack;
import io.spot.onboarding.runner.stack.StackEvent;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Prints the event stream the way the CloudFormation console lists it, oldest first: timestamp,
 * logical ID, type, status, reason. For a StackSet of many accounts only what went wrong is
 * printed (failures, drift), each line prefixed with its account.
 */
public final class EventPrinter implements EventSink {
    public enum Detail {
        ALL,
        PROBLEMS,
        NONE
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final Console console;
    private final Detail detail;
    private final boolean accountPrefix;
    private final boolean handlerLogs;

    public EventPrinter(
            final Console console, final Detail detail, final boolean accountPrefix, final boolean handlerLogs) {
        this.console = console;
        this.detail = detail;
        this.accountPrefix = accountPrefix;
        this.handlerLogs = handlerLogs;
    }

    @Override
    public void event(final StackEvent event) {
        if (detail == Detail.ALL
                || detail == Detail.PROBLEMS
                        && (event.isFailure() || event.status().contains("ROLLBACK"))) {
            console.line(format(event));
        }
    }

    public String format(final StackEvent event) {
        return String.format(
                        "%s%s  %-30s %-36s %-36s %s",
                        prefix(event.accountId()),
                        TIME.format(event.timestamp().truncatedTo(ChronoUnit.SECONDS)),
                        event.logicalId(),
                        event.resourceType(),
                        event.status(),
                        event.reason() == null ? "" : event.reason())
                .stripTrailing();
    }

    @Override
    public void handlerLog(final StackEvent context, final List<String> lines) {
        if (handlerLogs && detail != Detail.NONE) {
            lines.forEach(line ->
                    console.line(prefix(context.accountId()) + "    | " + context.logicalId() + ": " + line.strip()));
        }
    }

    @Override
    public void drift(final Stack stack, final DriftResult result) {
        final boolean drifted = result.status() != DriftResult.Status.IN_SYNC;
        if (detail == Detail.ALL || detail == Detail.PROBLEMS && drifted) {
            console.line(String.format(
                    "%s  %-30s %-36s %s%s",
                    prefix(stack.accountId()),
                    result.logicalId(),
                    result.resourceType(),
                    result.status(),
                    result.reason() == null ? "" : "  " + result.reason()));
            for (final DriftResult.PropertyDifference difference : result.differences()) {
                console.line(String.format(
                        "%s      %s: expected %s, actual %s (%s)",
                        prefix(stack.accountId()),
                        difference.path(),
                        quote(difference.expected()),
                        quote(difference.actual()),
                        difference.type()));
            }
        }
    }

    @Override
    public void outputs(final Stack stack) {
        if (detail == Detail.ALL && !stack.outputs().isEmpty()) {
            console.line(prefix(stack.accountId()) + "Outputs of " + stack.name() + ":");
            stack.outputs()
                    .forEach((name, value) ->
                            console.line(String.format("%s  %-30s %s", prefix(stack.accountId()), name, value)));
        }
    }

    private String prefix(final String accountId) {
        return accountPrefix ? "[" + accountId + "] " : "";
    }

    private static String quote(final String value) {
        return value == null ? "(none)" : "'" + value + "'";
    }
}
