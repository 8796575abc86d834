package io.spot.onboarding.common.api;

/**
 * The one reading of {@code X-RateLimit-Reset}: seconds until Spot accepts a call again. Spot documents
 * seconds without saying whether they are whole, so a decimal is read too and rounded up: waiting a
 * fraction less than Spot said would be a call made while blocked, which extends the block.
 */
final class RateLimitReset {

    private RateLimitReset() {}

    /** Whole seconds, at least 0; null when the header is missing or not a number. */
    static Long seconds(final String header) {
        if (header == null) {
            return null;
        }
        try {
            final double value = Double.parseDouble(header.trim());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return null;
            }
            return Math.max(0L, (long) Math.ceil(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
