package io.spot.onboarding.runner.stackset;

import io.spot.onboarding.emulator.RecordedRequest;
import io.spot.onboarding.harness.FormFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spot API calls from the emulator's request log, by AWS account. A request names its account by
 * the Spot account ID (path, accountId query parameter, or body) or by the AWS account ID
 * (cloudAccountId, or the name a new Spot account gets); calls that name none (listing the whole
 * Cost Intelligence enrollment) count as organization-wide.
 */
public record ApiCalls(
        int total,
        Map<String, Integer> perAccount,
        int organizationWide,
        Map<String, Integer> byRoute,
        int throttled,
        int serverErrors,
        int unanswered,
        Map<String, Long> bytesByRoute) {
    private static final Pattern SPOT_ACCOUNT = Pattern.compile("act-[0-9a-zA-Z]+");
    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"(\\d{12})\"");

    /**
     * @param spotToAws   every Spot account ID the stacks have held, with its AWS account
     * @param awsAccounts the accounts of the organization
     */
    public static ApiCalls of(
            final List<RecordedRequest> requests, final Map<String, String> spotToAws, final Set<String> awsAccounts) {
        final Map<String, Integer> perAccount = new HashMap<>();
        awsAccounts.forEach(account -> perAccount.put(account, 0));
        final Map<String, Integer> byRoute = new TreeMap<>();
        final Map<String, Long> bytesByRoute = new TreeMap<>();
        int organizationWide = 0;
        int throttled = 0;
        int serverErrors = 0;
        int unanswered = 0;
        for (final RecordedRequest request : requests) {
            final String route = request.method() + " " + (request.route() == null ? request.path() : request.route());
            byRoute.merge(route, 1, Integer::sum);
            bytesByRoute.merge(route, (long) request.responseBytes(), Long::sum);
            throttled += request.status() == 429 ? 1 : 0;
            serverErrors += request.status() >= 500 ? 1 : 0;
            unanswered += request.responded() ? 0 : 1;
            final String account = account(request, spotToAws, awsAccounts);
            if (account == null) {
                organizationWide++;
            } else {
                perAccount.merge(account, 1, Integer::sum);
            }
        }
        return new ApiCalls(
                requests.size(),
                perAccount,
                organizationWide,
                byRoute,
                throttled,
                serverErrors,
                unanswered,
                bytesByRoute);
    }

    private static String account(
            final RecordedRequest request, final Map<String, String> spotToAws, final Set<String> awsAccounts) {
        final Map<String, String> query = query(request.query());
        final String cloudAccount = query.get("cloudAccountId");
        if (cloudAccount != null && awsAccounts.contains(cloudAccount)) {
            return cloudAccount;
        }
        for (final String text : new String[] {request.path(), query.get("accountId"), request.body()}) {
            if (text == null) {
                continue;
            }
            final Matcher spotAccount = SPOT_ACCOUNT.matcher(text);
            if (spotAccount.find() && spotToAws.containsKey(spotAccount.group())) {
                return spotToAws.get(spotAccount.group());
            }
        }
        if (request.body() != null) {
            final Matcher name = NAME.matcher(request.body());
            if (name.find() && awsAccounts.contains(name.group(1))) {
                return name.group(1);
            }
        }
        return null;
    }

    private static Map<String, String> query(final String query) {
        return FormFields.parse(query);
    }

    /** Bytes of the response bodies Spot sent, all routes together. */
    public long responseBytes() {
        return bytesByRoute.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The route whose responses weighed most. */
    public Map.Entry<String, Long> heaviestRoute() {
        return bytesByRoute.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElse(Map.entry("none", 0L));
    }

    public int minPerAccount() {
        return perAccount.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    public int maxPerAccount() {
        return perAccount.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    public double meanPerAccount() {
        return perAccount.values().stream()
                .mapToInt(Integer::intValue)
                .average()
                .orElse(0);
    }
}
