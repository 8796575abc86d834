package io.spot.onboarding.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What an endpoint gets to see of a request. */
final class ApiRequest {

    private final Map<String, String> query;
    private final Map<String, String> pathVariables;
    private final String body;
    private final String organizationId;

    ApiRequest(String rawQuery, Map<String, String> pathVariables, String body, String organizationId) {
        this.query = parseQuery(rawQuery);
        this.pathVariables = pathVariables;
        this.body = body;
        this.organizationId = organizationId;
    }

    /** The {@code Spotinst-Organization-ID} header, when sent. */
    Optional<String> organizationId() {
        return Optional.ofNullable(organizationId).filter(v -> !v.isBlank());
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
    }

    /** Fails with Spot's confirmed wording: field "query.accountId", "\"accountId\" is required". */
    String requiredQuery(String name) {
        return query(name).orElseThrow(() -> Validation.invalid("query." + name, name, Wire.IS_REQUIRED));
    }

    String pathVariable(String name) {
        return pathVariables.get(name);
    }

    JsonNode json() {
        return Json.parseBody(body);
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    /** A malformed escape is kept as sent, so the endpoint reports the parameter as invalid. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
