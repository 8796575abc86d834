package io.spot.onboarding.runner.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.runner.eval.EvaluationException;
import io.spot.onboarding.runner.eval.Evaluator;
import io.spot.onboarding.runner.template.Location;

/** Ref and Fn::GetAtt of a resource, as the stack has it now. */
final class StackResolver implements Evaluator.Resources {
    private final Stack stack;

    StackResolver(final Stack stack) {
        this.stack = stack;
    }

    static Evaluator evaluator(final Stack stack) {
        return new Evaluator(
                stack.template(),
                stack.parameters(),
                stack.pseudo(),
                stack.conditions()::isTrue,
                new StackResolver(stack));
    }

    @Override
    public JsonNode ref(final String logicalId, final Location at) {
        final StackResource resource = existing(logicalId, at);
        final JsonNode value = resource.type().ref(resource.state());
        if (value == null || value.isNull()) {
            throw new EvaluationException(at, "Ref " + logicalId + ": the resource returned no identifier");
        }
        return value;
    }

    @Override
    public JsonNode getAtt(final String logicalId, final String attribute, final Location at) {
        final StackResource resource = existing(logicalId, at);
        final JsonNode value = resource.type().attribute(resource.state(), attribute);
        if (value == null || value.isNull()) {
            throw new EvaluationException(
                    at,
                    "Fn::GetAtt " + logicalId + "." + attribute + ": the resource returned " + "no value for "
                            + attribute);
        }
        return value;
    }

    private StackResource existing(final String logicalId, final Location at) {
        final StackResource resource = stack.resource(logicalId);
        if (resource == null) {
            throw new EvaluationException(at, logicalId + " does not exist in the stack");
        }
        return resource;
    }
}
