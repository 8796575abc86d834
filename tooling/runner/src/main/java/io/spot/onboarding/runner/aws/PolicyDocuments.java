package io.spot.onboarding.runner.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** IAM policy documents: sent as JSON text, returned URL-encoded, compared as JSON. */
public final class PolicyDocuments {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyDocuments() {}

    /** A template may give a document as an object or as JSON text. */
    public static String text(final JsonNode document) {
        return document.isTextual() ? document.asText() : document.toString();
    }

    /** A document as IAM returns it (URL-encoded, or not: moto and IAM differ) back to JSON. */
    public static JsonNode parse(final String returned) {
        final String text = returned.trim().startsWith("%") || returned.contains("%22")
                ? URLDecoder.decode(returned, StandardCharsets.UTF_8)
                : returned;
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("IAM returned a policy document that is not JSON", e);
        }
    }

    /** For comparison: a document given as text becomes the JSON it holds. */
    public static JsonNode normalize(final JsonNode document) {
        if (document != null && document.isTextual()) {
            try {
                return MAPPER.readTree(document.asText());
            } catch (JsonProcessingException e) {
                return document;
            }
        }
        return document;
    }
}
