package io.spot.onboarding.common.handler;

import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Whether CloudFormation sent a request to undo a failed stack operation. The wire request's
 * top-level {@code rollback} reaches handlers as {@link ResourceHandlerRequest#getRollback()}
 * (plugin 2.2.5 copies it in {@code AbstractWrapper}); it is null, not false, when CloudFormation
 * leaves it out. A Delete that undoes a Create which never succeeded cannot be told from the request
 * alone: a type that must tell it marks its model when its Create succeeds.
 */
public final class Rollback {

    private Rollback() {}

    public static boolean requested(final ResourceHandlerRequest<?> request) {
        return request != null && Boolean.TRUE.equals(request.getRollback());
    }

    /** How a message names the operation: "rollback" or {@code otherwise} (such as "delete"). */
    public static String or(final ResourceHandlerRequest<?> request, final String otherwise) {
        return requested(request) ? "rollback" : otherwise;
    }
}
