package io.spot.onboarding.common.api;

import java.util.OptionalLong;

/**
 * HTTP 429. Spot blocks per (organization, route, method) for a rolling 60 s and extends the block
 * when a blocked caller keeps calling, so callers must not retry before {@link #resetSeconds()}.
 */
public class SpotRateLimitException extends SpotApiException {
    private static final long serialVersionUID = 1L;

    private final Long resetSeconds;

    public SpotRateLimitException(
            final String operation, final String requestId, final Long resetSeconds, final String detail) {
        super(
                operation,
                429,
                requestId,
                null,
                detail + (resetSeconds == null ? "" : " (retry allowed in " + resetSeconds + " s)"),
                null);
        this.resetSeconds = resetSeconds;
    }

    /** {@code X-RateLimit-Reset}: seconds until Spot accepts this call again, when Spot sent it. */
    public OptionalLong resetSeconds() {
        return resetSeconds == null ? OptionalLong.empty() : OptionalLong.of(resetSeconds);
    }
}
