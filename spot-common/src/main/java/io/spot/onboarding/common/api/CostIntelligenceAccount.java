package io.spot.onboarding.common.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A Spot account enrolled in Cost Intelligence (E10 response, E11 list item). */
public record CostIntelligenceAccount(
        String accountId,
        String organizationId,
        String providerName,
        String externalProviderId,
        String statusSummary,
        Instant enabledDate,
        Instant updatedDate) {

    static CostIntelligenceAccount fromJson(final JsonNode item) {
        return new CostIntelligenceAccount(
                Json.text(item, "accountId"),
                Json.text(item, "organizationId"),
                Json.text(item, "providerName"),
                Json.text(item, "externalProviderId"),
                Json.text(item, "statusSummary"),
                Json.instant(item, "enabledDate"),
                Json.instant(item, "updatedDate"));
    }
}
