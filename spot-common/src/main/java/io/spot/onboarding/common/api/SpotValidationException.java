package io.spot.onboarding.common.api;

import java.util.List;

/** Spot refused the request as invalid (HTTP 400 or 422 other than not-found). */
public class SpotValidationException extends SpotApiException {
    private static final long serialVersionUID = 1L;

    public SpotValidationException(
            final String operation,
            final int httpStatus,
            final String requestId,
            final List<SpotError> errors,
            final String detail) {
        super(operation, httpStatus, requestId, errors, detail, null);
    }
}
