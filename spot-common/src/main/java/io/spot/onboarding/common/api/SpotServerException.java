package io.spot.onboarding.common.api;

import java.util.List;

/** HTTP 5xx: Spot failed; the same call may succeed later. */
public class SpotServerException extends SpotApiException {
    private static final long serialVersionUID = 1L;

    public SpotServerException(
            final String operation,
            final int httpStatus,
            final String requestId,
            final List<SpotError> errors,
            final String detail) {
        super(operation, httpStatus, requestId, errors, detail, null);
    }
}
