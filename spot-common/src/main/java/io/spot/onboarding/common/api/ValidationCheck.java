package io.spot.onboarding.common.api;

import com.fasterxml.jackson.databind.JsonNode;

/** One check of Cost Intelligence's pre-flight validation (E12). */
public record ValidationCheck(String id, String description, String status, String validationInfo) {

    static ValidationCheck fromJson(final JsonNode item) {
        return new ValidationCheck(
                Json.text(item, "id"),
                Json.text(item, "description"),
                Json.text(item, "status"),
                Json.text(item, "validationInfo"));
    }

    public boolean failed() {
        return "failed".equalsIgnoreCase(status);
    }

    public boolean warning() {
        return "warning".equalsIgnoreCase(status);
    }

    @Override
    public String toString() {
        final String info = validationInfo == null || validationInfo.isBlank() ? "" : " (" + validationInfo + ")";
        return (id == null ? "check" : id) + ": " + (description == null ? status : description) + info;
    }
}
