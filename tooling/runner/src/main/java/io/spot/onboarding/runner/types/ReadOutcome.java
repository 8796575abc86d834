package io.spot.onboarding.runner.types;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a read for drift detection found.
 *
 * @param actual  the resource's current properties; null when it no longer exists
 * @param failure why it could not be read, or null
 */
public record ReadOutcome(ObjectNode actual, String failure) {

    public static ReadOutcome found(final ObjectNode actual) {
        return new ReadOutcome(actual, null);
    }

    public static ReadOutcome deleted() {
        return new ReadOutcome(null, null);
    }

    public static ReadOutcome failed(final String failure) {
        return new ReadOutcome(null, failure);
    }
}
