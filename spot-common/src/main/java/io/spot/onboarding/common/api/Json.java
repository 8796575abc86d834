package io.spot.onboarding.common.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Lenient reading of Spot's JSON: unknown fields ignored, numbers accepted where strings are documented. */
final class Json {
    static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {}

    /** The first present, non-null field among {@code names}, as text (so 606079861123 and "606079861123" agree). */
    static String text(final JsonNode node, final String... names) {
        for (final String name : names) {
            final JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value.isValueNode() ? value.asText() : value.toString();
            }
        }
        return null;
    }

    /** An ISO-8601 timestamp, or null when absent or unparsable: a date is never worth failing a call. */
    static Instant instant(final JsonNode node, final String name) {
        final String value = text(node, name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
