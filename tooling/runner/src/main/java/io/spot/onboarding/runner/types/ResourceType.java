package io.spot.onboarding.runner.types;

import com.fasterxml.jackson.databind.JsonNode;

/** A resource type the runner can provision: its spec for the checks, and its four operations. */
public interface ResourceType {

    TypeSpec spec();

    default String name() {
        return spec().typeName();
    }

    /** What Ref returns. */
    JsonNode ref(ResourceState state);

    /** What Fn::GetAtt returns, or null when the resource has no such value (yet). */
    JsonNode attribute(ResourceState state, String attribute);

    ResourceTask create(ResourceCall call);

    ResourceTask update(ResourceCall call);

    ResourceTask delete(ResourceCall call);

    /** Reads the resource now, for drift detection: one step, never waits. */
    ReadOutcome read(ResourceCall call);

    /**
     * The properties drift detection compares: those the template sets, minus the ones the
     * type cannot read back (such as a secret's value).
     */
    default boolean isDriftChecked(final String property) {
        return true;
    }

    /**
     * The form in which drift detection compares a property, so that what means the same compares
     * equal: a list whose order means nothing, a policy document given as text.
     */
    default JsonNode normalizeForDrift(final String property, final JsonNode value) {
        return value;
    }
}
