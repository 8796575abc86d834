package io.spot.onboarding.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * E1's and E11's answers as the emulator rendered them before it kept items pre-rendered and indexed:
 * every account snapshot, filtered, sorted and paged by a scan, each item built as a map and
 * serialized by Jackson. Copied here on purpose, so the tests compare against an independent
 * rendering rather than the production code that writes the cached items.
 */
final class UncachedAnswers {

    private UncachedAnswers() {}

    /** E1, with or without {@code cloudAccountId}. */
    static ApiResponse accountList(List<SpotAccountRecord> accounts, String cloudAccountId) {
        List<Map<String, Object>> items = accounts.stream()
                .filter(a -> cloudAccountId == null || cloudAccountId.equals(a.providerExternalId()))
                .map(UncachedAnswers::listItem)
                .toList();
        return ApiResponse.items(Wire.ACCOUNT_KIND, items);
    }

    /** E11's page after {@code paginationKey} (null for the first page) of {@code size} items. */
    static ApiResponse costIntelligencePage(List<SpotAccountRecord> accounts, String paginationKey, int size) {
        List<SpotAccountRecord> sorted = accounts.stream()
                .filter(a -> a.ciEnabledDate() != null)
                .sorted(Comparator.comparing(SpotAccountRecord::ciEnabledDate)
                        .thenComparing(SpotAccountRecord::accountId))
                .toList();
        int start = 0;
        if (paginationKey != null) {
            String cursor = new String(Base64.getUrlDecoder().decode(paginationKey), StandardCharsets.UTF_8);
            while (start < sorted.size() && compare(sorted.get(start), cursor) <= 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + size);
        String nextKey = end < sorted.size() ? key(sorted.get(end - 1)) : null;
        int before = Math.max(0, start - size);
        String previousKey = start == 0 ? null : before == 0 ? encode("first") : key(sorted.get(before - 1));
        List<Map<String, Object>> items = sorted.subList(start, end).stream()
                .map(UncachedAnswers::withStatus)
                .toList();
        return ApiResponse.page(Wire.CI_ACCOUNT_KIND, items, new PaginationInfo(sorted.size(), nextKey, previousKey));
    }

    private static int compare(SpotAccountRecord account, String cursor) {
        if (cursor.equals("first")) {
            return 1;
        }
        int colon = cursor.indexOf(':');
        long millis = Long.parseLong(cursor.substring(0, colon));
        int byDate = Long.compare(account.ciEnabledDate().toEpochMilli(), millis);
        return byDate != 0 ? byDate : account.accountId().compareTo(cursor.substring(colon + 1));
    }

    private static String key(SpotAccountRecord account) {
        return encode(account.ciEnabledDate().toEpochMilli() + ":" + account.accountId());
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> listItem(SpotAccountRecord account) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("accountId", account.accountId());
        item.put("name", account.name());
        item.put("organizationId", account.organizationId());
        item.put("providerExternalId", account.providerExternalId());
        item.put("cloudProvider", account.cloudProvider());
        item.put("createdAt", Timestamps.format(account.createdAt()));
        return item;
    }

    private static Map<String, Object> withStatus(SpotAccountRecord account) {
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("totalResourceTypeCount", 0);
        statistics.put("failedResourceTypeCount", 0);
        statistics.put("successfulResourceTypes", List.of());
        statistics.put("failedResourceTypes", List.of());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("productOffering", Invented.CI_PRODUCT_OFFERING);
        status.put("statusType", Invented.CI_STATUS_TYPE);
        status.put("statusCode", Invented.CI_STATUS_CODE);
        status.put("statusMessage", Invented.CI_STATUS_MESSAGE);
        status.put("statistics", statistics);
        status.put("statusTimestamp", Timestamps.format(account.ciEnabledDate()));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("organizationId", account.organizationId());
        item.put("accountId", account.accountId());
        item.put("providerName", Wire.CI_PROVIDER_AWS);
        item.put("externalProviderId", account.providerExternalId());
        item.put("enabledDate", Timestamps.format(account.ciEnabledDate()));
        item.put("updatedDate", Timestamps.format(account.ciEnabledDate()));
        item.put("statusSummary", Invented.CI_STATUS_SUMMARY);
        item.put("status", List.of(status));
        return item;
    }
}
