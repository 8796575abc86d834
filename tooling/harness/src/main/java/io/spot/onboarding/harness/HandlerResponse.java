package io.spot.onboarding.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One response of a handler as CloudFormation receives it: the raw JSON, with typed accessors. */
public record HandlerResponse(ObjectNode json) {

    public String status() {
        return text("status");
    }

    public String errorCode() {
        return text("errorCode");
    }

    public String message() {
        return text("message");
    }

    public int callbackDelaySeconds() {
        return json.path("callbackDelaySeconds").asInt(0);
    }

    /** The resource model, or a missing node when the event carries none. */
    public JsonNode model() {
        return json.path("resourceModel");
    }

    public boolean hasModel() {
        return json.hasNonNull("resourceModel");
    }

    public String modelText(final String property) {
        final JsonNode value = model().get(property);
        return value == null || value.isNull() ? null : value.asText();
    }

    public JsonNode models() {
        return json.path("resourceModels");
    }

    public String nextToken() {
        return text("nextToken");
    }

    public JsonNode callbackContext() {
        return json.get("callbackContext");
    }

    public boolean inProgress() {
        return "IN_PROGRESS".equals(status());
    }

    private String text(final String field) {
        final JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
