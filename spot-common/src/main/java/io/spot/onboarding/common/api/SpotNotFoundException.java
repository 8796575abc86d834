package io.spot.onboarding.common.api;

import java.util.List;

/** The object named does not exist (HTTP 404, or Spot's 400 with Account_DOESNT_EXIST). */
public class SpotNotFoundException extends SpotApiException {
    private static final long serialVersionUID = 1L;

    public SpotNotFoundException(
            final String operation,
            final int httpStatus,
            final String requestId,
            final List<SpotError> errors,
            final String detail) {
        super(operation, httpStatus, requestId, errors, detail, null);
    }
}
