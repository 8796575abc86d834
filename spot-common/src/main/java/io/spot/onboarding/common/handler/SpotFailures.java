package io.spot.onboarding.common.handler;

import io.spot.onboarding.common.api.SpotApiException;
import io.spot.onboarding.common.api.SpotForbiddenException;
import io.spot.onboarding.common.api.SpotForeignAnswerException;
import io.spot.onboarding.common.api.SpotNetworkException;
import io.spot.onboarding.common.api.SpotNotFoundException;
import io.spot.onboarding.common.api.SpotRateLimitException;
import io.spot.onboarding.common.api.SpotServerException;
import io.spot.onboarding.common.api.SpotUnauthorizedException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

/**
 * The one place that decides which CloudFormation error code a Spot failure is (docs/design.md §5),
 * and words a message a person can act on. Spot's own codes, messages and request id are kept.
 */
public final class SpotFailures {

    private SpotFailures() {}

    public static HandlerErrorCode errorCode(final SpotApiException failure) {
        if (failure instanceof SpotNotFoundException) {
            return HandlerErrorCode.NotFound;
        }
        if (failure instanceof SpotUnauthorizedException) {
            return HandlerErrorCode.InvalidCredentials;
        }
        if (failure instanceof SpotForbiddenException) {
            return HandlerErrorCode.AccessDenied;
        }
        if (failure instanceof SpotRateLimitException) {
            return HandlerErrorCode.Throttling;
        }
        if (failure instanceof SpotServerException) {
            return HandlerErrorCode.ServiceInternalError;
        }
        if (failure instanceof SpotNetworkException) {
            return HandlerErrorCode.NetworkFailure;
        }
        if (failure.errors().stream()
                .anyMatch(e -> e.code() != null && e.code().toUpperCase().contains("LIMIT"))) {
            return HandlerErrorCode.ServiceLimitExceeded;
        }
        return HandlerErrorCode.InvalidRequest;
    }

    public static String message(
            final SpotApiException failure, final String typeName, final String identifier, final String tokenSource) {
        final String what = typeName + (identifier == null ? "" : " " + identifier);
        if (failure instanceof SpotForeignAnswerException) {
            return "The answer for " + what + " was not Spot's, so nothing was concluded from it; fix the address "
                    + "or proxy and retry. " + failure.getMessage();
        }
        return switch (errorCode(failure)) {
            case NotFound ->
                String.format(HandlerErrorCode.NotFound.getMessage(), typeName, identifier) + " "
                        + failure.getMessage();
            case InvalidCredentials ->
                "Spot rejected the API token from " + tokenSource + " (HTTP 401). Set a valid, "
                        + "unexpired Spot organization admin token there. " + failure.getMessage();
            case AccessDenied ->
                "The Spot API token from " + tokenSource + " may not do this for " + what
                        + " (HTTP 403): use an organization admin token. " + failure.getMessage();
            case Throttling ->
                "Spot's rate limit stopped " + what + "; CloudFormation may retry. " + failure.getMessage();
            case ServiceInternalError ->
                "Spot failed while handling " + what + "; retry later. " + failure.getMessage();
            case NetworkFailure ->
                "Could not get an answer from Spot for " + what + "; retry later. " + failure.getMessage();
            case ServiceLimitExceeded ->
                "Spot refused " + what + " because an organization limit is reached (ask Spot "
                        + "support to raise it). " + failure.getMessage();
            default -> "Spot refused the request for " + what + ". " + failure.getMessage();
        };
    }
}
