package io.spot.onboarding.common.handler;

import java.util.List;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

/** The few event shapes the handler contract allows, so no handler builds one slightly wrong. */
public final class Events {

    private Events() {}

    /** FAILED always has a code and a message; it carries no model, since nothing was changed. */
    public static <M, C> ProgressEvent<M, C> failed(final HandlerErrorCode code, final String message) {
        return ProgressEvent.<M, C>builder()
                .status(OperationStatus.FAILED)
                .errorCode(code)
                .message(message)
                .build();
    }

    /** NotFound, in the plugin's words ("Resource of type 'T' with identifier 'I' was not found."), then why. */
    public static <M, C> ProgressEvent<M, C> notFound(
            final String typeName, final String identifier, final String why) {
        return failed(
                HandlerErrorCode.NotFound,
                String.format(HandlerErrorCode.NotFound.getMessage(), typeName, identifier) + " " + why);
    }

    public static <M, C> ProgressEvent<M, C> success(final M model, final String message) {
        return ProgressEvent.<M, C>builder()
                .status(OperationStatus.SUCCESS)
                .resourceModel(model)
                .message(message)
                .build();
    }

    /** Delete's SUCCESS carries no model. */
    public static <M, C> ProgressEvent<M, C> deleted(final String message) {
        return ProgressEvent.<M, C>builder()
                .status(OperationStatus.SUCCESS)
                .message(message)
                .build();
    }

    /** IN_PROGRESS carries the model with its primary identifier, and the context to continue from. */
    public static <M, C> ProgressEvent<M, C> inProgress(
            final M model, final C context, final int delaySeconds, final String message) {
        return ProgressEvent.<M, C>builder()
                .status(OperationStatus.IN_PROGRESS)
                .resourceModel(model)
                .callbackContext(context)
                .callbackDelaySeconds(delaySeconds)
                .message(message)
                .build();
    }

    public static <M, C> ProgressEvent<M, C> listed(final List<M> models, final String nextToken) {
        return ProgressEvent.<M, C>builder()
                .status(OperationStatus.SUCCESS)
                .resourceModels(models)
                .nextToken(nextToken)
                .build();
    }
}
