package io.spot.onboarding.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Headers;

/** One HTTP answer from the emulator, body parsed. */
record Reply(int status, Headers headers, JsonNode json) {

    JsonNode response() {
        return json.path("response");
    }

    JsonNode items() {
        return response().path("items");
    }

    JsonNode item() {
        return items().path(0);
    }

    /** The single entry of {@code response.errors}. */
    JsonNode error() {
        return response().path("errors").path(0);
    }

    String errorCode() {
        return error().path("code").asText(null);
    }

    String header(String name) {
        return headers.get(name);
    }
}
