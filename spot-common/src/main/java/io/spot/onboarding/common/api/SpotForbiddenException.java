package io.spot.onboarding.common.api;

import java.util.List;

/** HTTP 403: the token is valid but lacks the permission for this call. */
public class SpotForbiddenException extends SpotApiException {
    private static final long serialVersionUID = 1L;

    public SpotForbiddenException(
            final String operation,
            final int httpStatus,
            final String requestId,
            final List<SpotError> errors,
            final String detail) {
        super(operation, httpStatus, requestId, errors, detail, null);
    }
}
