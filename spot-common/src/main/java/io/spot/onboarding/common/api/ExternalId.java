package io.spot.onboarding.common.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A freshly minted STS external ID for the role Spot assumes, valid until {@code maxValidUntil}. */
public record ExternalId(String externalId, Instant maxValidUntil) {

    static ExternalId fromJson(final JsonNode item) {
        return new ExternalId(Json.text(item, "externalId"), Json.instant(item, "maxValidUntil"));
    }

    /** The value is a credential-like string: keep it out of casual logs. */
    @Override
    public String toString() {
        return "ExternalId[maxValidUntil=" + maxValidUntil + "]";
    }
}
