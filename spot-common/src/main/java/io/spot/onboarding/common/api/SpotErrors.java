package io.spot.onboarding.common.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns a non-200 Spot answer into the typed exception that says what kind of failure it was. */
final class SpotErrors {
    /** Spot reports "does not exist" as HTTP 400 with one of these codes on the legacy routes. */
    private static final Set<String> NOT_FOUND_CODES = Set.of("ACCOUNT_DOESNT_EXIST", "RESOURCE_DOES_NOT_EXIST");

    private SpotErrors() {}

    static SpotApiException classify(
            final String operation, final int status, final JsonNode envelope, final String rateLimitReset) {
        final String requestId = SpotApiClient.requestId(envelope);
        final List<SpotError> errors = errors(envelope);
        final String detail = detail(envelope, status);
        if (status == 429) {
            return new SpotRateLimitException(operation, requestId, RateLimitReset.seconds(rateLimitReset), detail);
        }
        if (status == 401) {
            return new SpotUnauthorizedException(operation, status, requestId, errors, detail);
        }
        if (status == 403) {
            return new SpotForbiddenException(operation, status, requestId, errors, detail);
        }
        if (status == 404
                || errors.stream()
                        .anyMatch(e -> e.code() != null
                                && NOT_FOUND_CODES.contains(e.code().toUpperCase()))) {
            return new SpotNotFoundException(operation, status, requestId, errors, detail);
        }
        if (status >= 500) {
            return new SpotServerException(operation, status, requestId, errors, detail);
        }
        return new SpotValidationException(operation, status, requestId, errors, detail);
    }

    private static List<SpotError> errors(final JsonNode envelope) {
        final List<SpotError> errors = new ArrayList<>();
        for (final JsonNode error : envelope.path("response").path("errors")) {
            errors.add(new SpotError(Json.text(error, "code"), Json.text(error, "message"), Json.text(error, "field")));
        }
        return errors;
    }

    /** Without {@code errors[]} (the 429 body has a {@code data} string), the status line still says something. */
    private static String detail(final JsonNode envelope, final int status) {
        final JsonNode response = envelope.path("response");
        final String data = Json.text(response, "data");
        if (data != null) {
            return data;
        }
        final String message = Json.text(response.path("status"), "message");
        return message != null ? message : "HTTP " + status;
    }
}
