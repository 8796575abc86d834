package io.spot.onboarding.common.api;

import java.time.Duration;

/**
 * Timeouts of one Spot call. The defaults keep a handler that makes three calls under the
 * 60 s a Create, Update or Delete invocation may take, and a one-call Read under 30 s. System
 * properties {@code spot.api.connectTimeoutMillis}, {@code spot.api.readTimeoutMillis} and
 * {@code spot.api.callTimeoutMillis} override them for tests and the local runner.
 */
public record SpotClientTimeouts(Duration connect, Duration read, Duration call) {

    public static final SpotClientTimeouts DEFAULT =
            new SpotClientTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15));

    public static SpotClientTimeouts fromSystemProperties() {
        return new SpotClientTimeouts(
                property("spot.api.connectTimeoutMillis", DEFAULT.connect),
                property("spot.api.readTimeoutMillis", DEFAULT.read),
                property("spot.api.callTimeoutMillis", DEFAULT.call));
    }

    private static Duration property(final String name, final Duration fallback) {
        final String value = System.getProperty(name);
        return value == null ? fallback : Duration.ofMillis(Long.parseLong(value.trim()));
    }
}
