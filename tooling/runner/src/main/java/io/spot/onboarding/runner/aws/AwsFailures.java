package io.spot.onboarding.runner.aws;

import io.spot.onboarding.runner.types.Progress;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Runs one AWS step and turns a service error into the FAILED event CloudFormation would show
 * (its error code and the service's own message), so each resource type only writes the happy path.
 */
public final class AwsFailures {

    private AwsFailures() {}

    public static Progress step(final Supplier<Progress> step) {
        try {
            return step.get();
        } catch (AwsServiceException e) {
            return new Progress.Failed(errorCode(e), message(e));
        } catch (SdkClientException e) {
            return new Progress.Failed("NetworkFailure", "could not reach AWS: " + e.getMessage());
        }
    }

    public static boolean isNotFound(final AwsServiceException e) {
        return "NotFound".equals(errorCode(e));
    }

    public static String message(final AwsServiceException e) {
        final String code =
                e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        final String text = e.awsErrorDetails() == null
                ? e.getMessage()
                : e.awsErrorDetails().errorMessage();
        return text + " (Service: "
                + (e.awsErrorDetails() == null ? "AWS" : e.awsErrorDetails().serviceName()) + ", Status Code: "
                + e.statusCode() + (code == null ? "" : ", Error Code: " + code) + ")";
    }

    static String errorCode(final AwsServiceException e) {
        final String code = e.awsErrorDetails() == null
                ? ""
                : String.valueOf(e.awsErrorDetails().errorCode());
        return switch (code) {
            case "NoSuchEntity", "ResourceNotFoundException", "NotFoundException" -> "NotFound";
            case "EntityAlreadyExists", "ResourceExistsException" -> "AlreadyExists";
            case "LimitExceeded", "LimitExceededException" -> "ServiceLimitExceeded";
            case "MalformedPolicyDocument",
                    "MalformedPolicyDocumentException",
                    "ValidationError",
                    "InvalidInput",
                    "InvalidParameterException",
                    "InvalidRequestException" -> "InvalidRequest";
            case "AccessDenied", "AccessDeniedException" -> "AccessDenied";
            case "Throttling", "ThrottlingException" -> "Throttling";
            default -> e.statusCode() >= 500 ? "ServiceInternalError" : "GeneralServiceException";
        };
    }
}
