package io.spot.onboarding.runner.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.runner.types.ResourceState;
import io.spot.onboarding.runner.types.ResourceType;

/**
 * A resource that exists in a stack.
 *
 * @param applied the template's properties as its last create or update applied them: what an
 *                update compares with and what drift detection expects
 */
public record StackResource(String logicalId, ResourceType type, ResourceState state, ObjectNode applied) {}
