package io.spot.onboarding.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Request validation that fails the way Spot's (Joi) validation does: code ValidationError,
 * field "body.a.b" or "query.x", message "\"b\" is required" (wording confirmed for query.accountId).
 */
final class Validation {

    private Validation() {}

    static String requiredBodyString(JsonNode body, String... path) {
        JsonNode node = body;
        String field = "body";
        String name = "value"; // Joi's label for the payload itself
        for (String step : path) {
            if (!node.isObject()) {
                throw invalid(field, name, Invented.MUST_BE_OBJECT);
            }
            field = field + "." + step;
            name = step;
            node = node.get(step);
            if (node == null || node.isNull()) {
                throw invalid(field, name, Wire.IS_REQUIRED);
            }
        }
        if (!node.isTextual()) {
            throw invalid(field, name, Invented.MUST_BE_STRING);
        }
        if (node.asText().isBlank()) {
            throw invalid(field, name, Invented.MUST_NOT_BE_EMPTY);
        }
        return node.asText();
    }

    static SpotApiException invalid(String field, String name, String problem) {
        return SpotApiException.validation(field, "\"" + name + "\" " + problem);
    }
}
