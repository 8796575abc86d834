package io.spot.onboarding.common.api;

import java.util.List;

/** HTTP 401: the token is missing, unknown or expired. */
public class SpotUnauthorizedException extends SpotApiException {
    private static final long serialVersionUID = 1L;

    public SpotUnauthorizedException(
            final String operation,
            final int httpStatus,
            final String requestId,
            final List<SpotError> errors,
            final String detail) {
        super(operation, httpStatus, requestId, errors, detail, null);
    }
}
