package io.spot.onboarding.common.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A Spot account as Spot lists it. {@code providerExternalId} is the linked cloud account's ID (the
 * 12-digit AWS account ID), not the STS external ID, despite its name; null until linked.
 */
public record SpotAccount(
        String accountId,
        String name,
        String organizationId,
        String providerExternalId,
        String cloudProvider,
        Instant createdAt) {

    /** Accepts both shapes Spot uses: {@code id} on create, {@code accountId} on list and get. */
    static SpotAccount fromJson(final JsonNode item) {
        return new SpotAccount(
                Json.text(item, "accountId", "id"),
                Json.text(item, "name"),
                Json.text(item, "organizationId"),
                Json.text(item, "providerExternalId"),
                Json.text(item, "cloudProvider"),
                Json.instant(item, "createdAt"));
    }

    public boolean isLinked() {
        return providerExternalId != null && !providerExternalId.isBlank();
    }
}
