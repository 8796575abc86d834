package io.spot.onboarding.runner.spot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerDriver;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.runner.types.Progress;
import io.spot.onboarding.runner.types.ReadOutcome;
import io.spot.onboarding.runner.types.ResourceCall;
import io.spot.onboarding.runner.types.ResourceState;
import io.spot.onboarding.runner.types.ResourceTask;
import io.spot.onboarding.runner.types.ResourceType;
import io.spot.onboarding.runner.types.StackContext;
import io.spot.onboarding.runner.types.TypeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spot type, run through its real HandlerWrapper with the request JSON CloudFormation sends:
 * the stack's account, region and stack ID, the member account's credentials as
 * callerCredentials, and the type configuration. IN_PROGRESS becomes a {@link Progress.Waiting}
 * for the stack engine to call back after {@code callbackDelaySeconds}, with the callback context.
 */
public final class SpotHandlerType implements ResourceType {
    private final SpotTypeInfo info;
    private final SchemaSpec schema;
    private final HandlerPool pool;

    SpotHandlerType(final SpotTypeInfo info, final SchemaSpec schema, final HandlerPool pool) {
        this.info = info;
        this.schema = schema;
        this.pool = pool;
    }

    @Override
    public TypeSpec spec() {
        return schema.typeSpec();
    }

    /** What a template may set and read, for the template check: cfn-lint does not validate these. */
    public SchemaSpec schema() {
        return schema;
    }

    /** CloudFormation's drift detection skips writeOnlyProperties: no Read can return them. */
    @Override
    public boolean isDriftChecked(final String property) {
        return !schema.writeOnly().contains(property);
    }

    @Override
    public JsonNode ref(final ResourceState state) {
        return state.model().get(schema.primaryIdentifier());
    }

    @Override
    public JsonNode attribute(final ResourceState state, final String attribute) {
        return state.model().get(attribute);
    }

    @Override
    public ResourceTask create(final ResourceCall call) {
        return new HandlerOperation(request(call.stack(), call.logicalId(), "CREATE", call.desired(), null), false);
    }

    /**
     * CloudFormation sends the new template properties plus what only the resource knows (its
     * identifier and readOnly values) as the desired state, and the previous ones the same way.
     */
    @Override
    public ResourceTask update(final ResourceCall call) {
        return new HandlerOperation(
                rollback(
                        call,
                        request(
                                call.stack(),
                                call.logicalId(),
                                "UPDATE",
                                known(call.desired(), call),
                                known(call.previousDesired(), call))),
                false);
    }

    /** Delete gets the last model, as stack operations pass it. */
    @Override
    public ResourceTask delete(final ResourceCall call) {
        return new HandlerOperation(
                rollback(
                        call,
                        request(
                                call.stack(),
                                call.logicalId(),
                                "DELETE",
                                call.current().model(),
                                null)),
                true);
    }

    /** CloudFormation's flag on the calls that undo a failed operation: handlers release what they did not create. */
    private static ObjectNode rollback(final ResourceCall call, final ObjectNode request) {
        if (call.rollback()) {
            request.put("rollback", true);
        }
        return request;
    }

    @Override
    public ReadOutcome read(final ResourceCall call) {
        final HandlerResponse response;
        try {
            response = pool.invoke(request(
                            call.stack(),
                            call.logicalId(),
                            "READ",
                            call.current().model(),
                            null))
                    .response();
        } catch (AssertionError broken) {
            return ReadOutcome.failed(broken.getMessage());
        }
        if ("SUCCESS".equals(response.status())) {
            return ReadOutcome.found((ObjectNode) response.model());
        }
        return "NotFound".equals(response.errorCode())
                ? ReadOutcome.deleted()
                : ReadOutcome.failed(response.errorCode() + ": " + response.message());
    }

    private ObjectNode known(final ObjectNode properties, final ResourceCall call) {
        final ObjectNode merged =
                properties == null ? CloudFormationRequest.MAPPER.createObjectNode() : properties.deepCopy();
        final ObjectNode model = call.current().model();
        final List<String> carried = new ArrayList<>(schema.readOnly());
        carried.add(schema.primaryIdentifier());
        carried.stream()
                .filter(model::hasNonNull)
                .forEach(name -> merged.set(name, model.get(name).deepCopy()));
        return merged;
    }

    private ObjectNode request(
            final StackContext stack,
            final String logicalId,
            final String action,
            final ObjectNode properties,
            final ObjectNode previous) {
        final ObjectNode request = CloudFormationRequest.of(info.typeName(), action)
                .awsAccountId(stack.accountId())
                .logicalResourceId(logicalId)
                .properties(properties)
                .previousProperties(previous)
                .typeConfiguration(stack.typeConfiguration())
                .json();
        request.put("region", stack.region());
        request.put("stackId", stack.stackId());
        final ObjectNode caller = (ObjectNode) request.get("requestData").get("callerCredentials");
        caller.put("accessKeyId", stack.credentials().accessKeyId());
        caller.put("secretAccessKey", stack.credentials().secretAccessKey());
        caller.put("sessionToken", stack.credentials().sessionToken());
        return request;
    }

    /** One operation: the first request, then each continuation CloudFormation would send. */
    private final class HandlerOperation implements ResourceTask {
        private final boolean deleting;
        private final List<String> log = new ArrayList<>();
        private ObjectNode next;

        HandlerOperation(final ObjectNode first, final boolean deleting) {
            this.next = first;
            this.deleting = deleting;
        }

        @Override
        public Progress advance() {
            final HandlerPool.Answer answer;
            try {
                answer = pool.invoke(next);
            } catch (AssertionError broken) {
                return new Progress.Failed("HandlerContractViolation", broken.getMessage());
            }
            log.addAll(answer.log());
            final HandlerResponse response = answer.response();
            switch (response.status()) {
                case "IN_PROGRESS" -> {
                    next = HandlerDriver.continuation(next, response);
                    return new Progress.Waiting(response.callbackDelaySeconds(), response.message());
                }
                case "SUCCESS" -> {
                    if (deleting) {
                        return new Progress.Done(null, response.message());
                    }
                    // CloudFormation keeps the template's write-only properties, which the handler never returns.
                    final ObjectNode model = CloudFormationRequest.kept(
                            next.path("requestData").path("resourceProperties"), response.model());
                    return new Progress.Done(
                            new ResourceState(
                                    model.path(schema.primaryIdentifier()).asText(), model),
                            response.message());
                }
                default -> {
                    return new Progress.Failed(response.errorCode(), response.message());
                }
            }
        }

        @Override
        public List<String> drainLog() {
            final List<String> lines = List.copyOf(log);
            log.clear();
            return lines;
        }
    }
}
