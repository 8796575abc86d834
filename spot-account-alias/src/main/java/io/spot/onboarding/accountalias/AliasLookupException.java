package io.spot.onboarding.accountalias;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;

/** iam:ListAccountAliases did not answer with the aliases; {@link Kind} says whether waiting can help. */
final class AliasLookupException extends RuntimeException {
    static final String PERMISSION = "iam:ListAccountAliases";
    private static final long serialVersionUID = 1L;

    enum Kind {
        ACCESS_DENIED(HandlerErrorCode.AccessDenied, false),
        THROTTLED(HandlerErrorCode.Throttling, true),
        UNAVAILABLE(HandlerErrorCode.ServiceInternalError, true),
        NETWORK(HandlerErrorCode.NetworkFailure, true),
        REFUSED(HandlerErrorCode.GeneralServiceException, false);

        private final HandlerErrorCode errorCode;
        private final boolean retriable;

        Kind(final HandlerErrorCode errorCode, final boolean retriable) {
            this.errorCode = errorCode;
            this.retriable = retriable;
        }

        HandlerErrorCode errorCode() {
            return errorCode;
        }

        boolean retriable() {
            return retriable;
        }
    }

    private final Kind kind;

    AliasLookupException(final Kind kind, final String message, final Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** IAM's own error code and message are kept: they name the principal that was refused. */
    static AliasLookupException from(final AwsServiceException failure) {
        final String code = failure.awsErrorDetails() == null
                ? null
                : failure.awsErrorDetails().errorCode();
        final String said = "IAM answered HTTP " + failure.statusCode() + (code == null ? "" : " " + code) + ": "
                + (failure.awsErrorDetails() == null
                        ? failure.getMessage()
                        : failure.awsErrorDetails().errorMessage())
                + (failure.requestId() == null ? "" : " [AWS request id " + failure.requestId() + "]");
        if (failure.statusCode() == 403 || "AccessDenied".equals(code) || "AccessDeniedException".equals(code)) {
            return new AliasLookupException(Kind.ACCESS_DENIED, said, failure);
        }
        if (failure.isThrottlingException()) {
            return new AliasLookupException(Kind.THROTTLED, said, failure);
        }
        if (failure.statusCode() >= 500) {
            return new AliasLookupException(Kind.UNAVAILABLE, said, failure);
        }
        return new AliasLookupException(Kind.REFUSED, said, failure);
    }

    static AliasLookupException from(final SdkClientException failure) {
        return new AliasLookupException(Kind.NETWORK, "no answer from IAM: " + failure.getMessage(), failure);
    }
}
