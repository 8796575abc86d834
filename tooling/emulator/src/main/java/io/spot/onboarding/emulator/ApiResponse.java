package io.spot.onboarding.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The HTTP status and the inner {@code response} object of an envelope. */
record ApiResponse(int status, Map<String, Object> response) {

    static ApiResponse items(String kind, List<?> items) {
        Map<String, Object> response = withStatus(HttpStatus.OK);
        response.put("kind", kind);
        response.put("items", items);
        response.put("count", items.size());
        return new ApiResponse(HttpStatus.OK, response);
    }

    static ApiResponse page(String kind, List<?> items, PaginationInfo pagination) {
        ApiResponse page = items(kind, items);
        page.response.put("paginationInfo", pagination.toWire());
        return page;
    }

    static ApiResponse statusOnly() {
        return new ApiResponse(HttpStatus.OK, withStatus(HttpStatus.OK));
    }

    static ApiResponse error(SpotApiException failure, String kind) {
        Map<String, Object> response = withStatus(failure.status());
        response.put("errors", List.of(failure.error().toWire()));
        response.put("count", 1);
        if (kind != null) {
            response.put("kind", kind);
        }
        return new ApiResponse(failure.status(), response);
    }

    /** Spot's documented 429 body carries a {@code data} string and no {@code errors}. */
    static ApiResponse tooManyRequests() {
        Map<String, Object> response = withStatus(HttpStatus.TOO_MANY_REQUESTS);
        response.put("data", Wire.RATE_LIMITED_DATA);
        return new ApiResponse(HttpStatus.TOO_MANY_REQUESTS, response);
    }

    private static Map<String, Object> withStatus(int status) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", Map.of("code", status, "message", HttpStatus.reason(status)));
        return response;
    }
}
