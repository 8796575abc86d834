package io.spot.onboarding.emulator;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An account's items on the wire: the one place their fields and field order are written down. */
final class AccountItems {

    private AccountItems() {}

    /** E1 and E3. */
    static Map<String, Object> listItem(SpotAccountRecord account) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("accountId", account.accountId());
        item.put("name", account.name());
        item.put("organizationId", account.organizationId());
        item.put("providerExternalId", account.providerExternalId());
        item.put("cloudProvider", account.cloudProvider());
        item.put("createdAt", Timestamps.format(account.createdAt()));
        return item;
    }

    // [U] invented: updatedDate stays equal to enabledDate, since nothing here updates an enrollment.
    /** E10. */
    static Map<String, Object> registeredAccount(SpotAccountRecord account) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("organizationId", account.organizationId());
        item.put("accountId", account.accountId());
        item.put("providerName", Wire.CI_PROVIDER_AWS);
        item.put("externalProviderId", account.providerExternalId());
        item.put("enabledDate", Timestamps.format(account.ciEnabledDate()));
        item.put("updatedDate", Timestamps.format(account.ciEnabledDate()));
        return item;
    }

    // [U] invented: every enrolled account reports one healthy "cbi" status entry.
    /** E11. */
    static Map<String, Object> withStatus(SpotAccountRecord account) {
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
        Map<String, Object> item = registeredAccount(account);
        item.put("statusSummary", Invented.CI_STATUS_SUMMARY);
        item.put("status", List.of(status));
        return item;
    }

    /**
     * The item as Jackson writes it, to be written again as is: in a list, Jackson then copies its
     * UTF-8 bytes instead of serializing the map, and the answer is the same byte for byte.
     */
    static RawValue rendered(Map<String, Object> item) {
        SerializedString json = new SerializedString(new String(Json.write(item), StandardCharsets.UTF_8));
        // Encoded now, under the state's lock, rather than by the first of many threads writing it.
        json.asUnquotedUTF8();
        return new RawValue(json);
    }
}
