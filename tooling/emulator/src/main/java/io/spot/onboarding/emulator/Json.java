package io.spot.onboarding.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** An empty body reads as an empty object, so a missing field gets a field-level error. */
    static JsonNode parseBody(String body) {
        if (body == null || body.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw SpotApiException.badRequest(Invented.INVALID_JSON, Invented.INVALID_JSON_MESSAGE);
        }
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
