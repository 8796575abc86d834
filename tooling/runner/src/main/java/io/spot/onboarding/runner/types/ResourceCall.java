package io.spot.onboarding.runner.types;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One operation on one resource.
 *
 * @param desired          the template's evaluated properties (create, update)
 * @param previousDesired  the properties the last operation applied (update), else null
 * @param current          the resource as it exists (update, delete, read), else null
 * @param rollback         the call undoes a failed create or update (CloudFormation sets {@code rollback})
 */
public record ResourceCall(
        StackContext stack,
        String logicalId,
        ObjectNode desired,
        ObjectNode previousDesired,
        ResourceState current,
        boolean rollback) {

    public static ResourceCall create(final StackContext stack, final String logicalId, final ObjectNode desired) {
        return new ResourceCall(stack, logicalId, desired, null, null, false);
    }

    public static ResourceCall existing(final StackContext stack, final String logicalId, final ResourceState current) {
        return new ResourceCall(stack, logicalId, null, null, current, false);
    }

    /** The same call made to undo a failed stack operation: CloudFormation's {@code rollback} flag. */
    public ResourceCall rollingBack() {
        return new ResourceCall(stack, logicalId, desired, previousDesired, current, true);
    }
}
