package io.spot.onboarding.emulator;

import java.time.Instant;

/**
 * One request the emulator received. {@code authorization} is always redacted ("Bearer ***"),
 * so neither the record nor its {@code toString()} can leak a token into test output.
 *
 * @param query  raw query string without '?', or null
 * @param status HTTP status sent, or {@link #NO_RESPONSE} when the connection was closed instead
 * @param route  path template the request matched (e.g. "/setup/account/{id}"), or null
 * @param responseBytes size of the response body sent, 0 when none was
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        String body,
        int status,
        Instant timestamp,
        String route,
        String authorization,
        String requestId,
        int responseBytes) {

    public static final int NO_RESPONSE = 0;

    public boolean responded() {
        return status != NO_RESPONSE;
    }
}
