package io.spot.onboarding.common.api;

import java.io.IOException;

/**
 * No usable HTTP response: connect or read timeout, reset, or a connection closed mid-response.
 * A write may or may not have been applied by Spot; callers must re-read before repeating it.
 */
public class SpotNetworkException extends SpotApiException {
    private static final long serialVersionUID = 1L;

    public SpotNetworkException(final String operation, final IOException cause) {
        super(operation, 0, null, null, cause.getClass().getSimpleName() + describe(cause), cause);
    }

    private static String describe(final IOException cause) {
        return cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
    }
}
