package io.spot.onboarding.common.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of Spot's {@code response.errors[]}: {@code field} appears only on validation errors. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpotError(String code, String message, String field) {

    @Override
    public String toString() {
        final StringBuilder text = new StringBuilder();
        text.append(code == null ? "error" : code);
        if (message != null && !message.isBlank()) {
            text.append(": ").append(message);
        }
        if (field != null && !field.isBlank()) {
            text.append(" (field ").append(field).append(')');
        }
        return text.toString();
    }
}
