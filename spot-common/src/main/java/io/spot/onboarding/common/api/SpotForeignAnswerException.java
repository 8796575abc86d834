package io.spot.onboarding.common.api;

import java.util.List;

/**
 * An answer that is not Spot's to the call made: no Spot response envelope (a wrong {@code ApiUrl},
 * a proxy's or load balancer's page), or Spot's envelope about another object than the one asked
 * for. It proves nothing about the object, least of all that it is gone; like a 5xx, the same
 * call may get Spot's own answer later.
 */
public class SpotForeignAnswerException extends SpotServerException {
    private static final long serialVersionUID = 1L;

    public SpotForeignAnswerException(
            final String operation, final int httpStatus, final String requestId, final String detail) {
        super(operation, httpStatus, requestId, List.of(), detail);
    }
}
