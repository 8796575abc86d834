package io.spot.onboarding.runner;

import io.spot.onboarding.emulator.VisibleAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Spot accounts {@code connect-existing} puts in place before a stack, and how Spot differs from then. */
final class ExistingSpotAccounts {
    static final String ROLE_NAME = "SpotConsoleRole";
    /** Cost Intelligence's pre-flight as Spot answers it for a role without Cost Intelligence's permissions. */
    static final List<Map<String, Object>> FAILED_PRE_FLIGHT = List.of(Map.of(
            "id",
            "costIntelligencePolicy",
            "description",
            "The IAM role has the Cost Intelligence permissions",
            "status",
            "failed",
            "validationInfo",
            "ce:GetCostAndUsage is not allowed"));

    private ExistingSpotAccounts() {}

    static String roleOf(final String awsAccountId) {
        return "arn:aws:iam::" + awsAccountId + ":role/" + ROLE_NAME;
    }

    /** Each account deleted, added or changed (name, link, enrollment), in words. */
    static List<String> differences(final List<VisibleAccount> before, final List<VisibleAccount> now) {
        final Map<String, VisibleAccount> then = byId(before);
        final Map<String, VisibleAccount> current = byId(now);
        final List<String> differences = new ArrayList<>();
        for (final VisibleAccount was : before) {
            final VisibleAccount is = current.get(was.accountId());
            if (is == null) {
                differences.add(was.accountId() + " ('" + was.name() + "') was deleted");
            } else if (!is.equals(was)) {
                differences.add(was.accountId() + " changed: " + was + " -> " + is);
            }
        }
        now.stream()
                .filter(a -> !then.containsKey(a.accountId()))
                .forEach(a -> differences.add(a.accountId() + " ('" + a.name() + "') is new and still there"));
        return differences;
    }

    private static Map<String, VisibleAccount> byId(final List<VisibleAccount> accounts) {
        return accounts.stream().collect(Collectors.toMap(VisibleAccount::accountId, Function.identity()));
    }
}
