package io.spot.onboarding.emulator;

/**
 * What the X-RateLimit-* headers of one response say. {@code resetSeconds} is null when the
 * X-RateLimit-Reset header must be left out (the throttleNextWithoutResetHeader fault).
 */
record RateLimitStatus(boolean allowed, int limit, int remaining, Long resetSeconds) {

    static RateLimitStatus unlimited() {
        return new RateLimitStatus(true, Invented.UNLIMITED_RATE_LIMIT, Invented.UNLIMITED_RATE_LIMIT, 0L);
    }

    RateLimitStatus throttled(Long resetSeconds) {
        return new RateLimitStatus(false, limit, 0, resetSeconds);
    }
}
