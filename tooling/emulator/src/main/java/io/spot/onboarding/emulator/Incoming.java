package io.spot.onboarding.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** A received request, read once off the exchange. */
record Incoming(
        String requestId,
        Instant receivedAt,
        String method,
        String rawPath,
        String rawQuery,
        String body,
        String authorization,
        String organizationId,
        Route.Resolved resolved) {

    static Incoming read(HttpExchange exchange, Clock clock) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return new Incoming(
                Ids.requestId(),
                Timestamps.now(clock),
                method,
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                body,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst(Wire.ORGANIZATION_HEADER),
                Route.resolve(method, exchange.getRequestURI().getPath()).orElse(null));
    }

    /** The path template, or null for a path the emulator does not know. */
    String template() {
        return resolved == null ? null : resolved.template();
    }

    /** The endpoint, or null when the path or its method is not served. */
    Route route() {
        return resolved == null ? null : resolved.route();
    }

    String url() {
        return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }

    ApiRequest apiRequest() {
        return new ApiRequest(rawQuery, resolved == null ? Map.of() : resolved.pathVariables(), body, organizationId);
    }

    RecordedRequest recorded(int status, int responseBytes) {
        return new RecordedRequest(
                method,
                rawPath,
                rawQuery,
                body,
                status,
                receivedAt,
                template(),
                Auth.redact(authorization),
                requestId,
                responseBytes);
    }
}
