package io.spot.onboarding.runner.stack;

import java.util.List;

/**
 * One resource's drift, as {@code describe-stack-resource-drifts} reports it.
 *
 * @param differences what differs from the template (MODIFIED only)
 * @param reason      why the resource could not be checked (NOT_CHECKED only)
 */
public record DriftResult(
        String logicalId,
        String physicalId,
        String resourceType,
        Status status,
        List<PropertyDifference> differences,
        String reason) {

    public enum Status {
        IN_SYNC,
        MODIFIED,
        DELETED,
        NOT_CHECKED
    }

    /** @param type NOT_EQUAL, REMOVE or ADD, as CloudFormation names them */
    public record PropertyDifference(String path, String expected, String actual, String type) {}
}
