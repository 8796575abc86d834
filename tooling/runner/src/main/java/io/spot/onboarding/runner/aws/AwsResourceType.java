package io.spot.onboarding.runner.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.runner.types.Progress;
import io.spot.onboarding.runner.types.ReadOutcome;
import io.spot.onboarding.runner.types.ResourceCall;
import io.spot.onboarding.runner.types.ResourceState;
import io.spot.onboarding.runner.types.ResourceTask;
import io.spot.onboarding.runner.types.ResourceType;
import io.spot.onboarding.runner.types.TypeSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What the AWS types share: one-step operations against moto through the SDK, the model
 * as the properties plus the attributes, and errors as CloudFormation reports them.
 */
abstract class AwsResourceType implements ResourceType {
    protected static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    protected final AwsClients aws;
    private final TypeSpec spec;
    private final Set<String> readBack;

    /**
     * @param readBack the properties the runner creates and reads back: drift detection compares these
     *                 only. Any other property cfn-lint accepts (ReplicaRegions, ...) the runner passes
     *                 over, and a write-only one (a secret's value) AWS never reads back.
     */
    AwsResourceType(final AwsClients aws, final TypeSpec spec, final Set<String> readBack) {
        this.aws = aws;
        this.spec = spec;
        this.readBack = Set.copyOf(readBack);
    }

    @Override
    public TypeSpec spec() {
        return spec;
    }

    @Override
    public boolean isDriftChecked(final String property) {
        return readBack.contains(property);
    }

    /** Ref of each AWS type the runner supports is its physical ID (ARN or name). */
    @Override
    public JsonNode ref(final ResourceState state) {
        return JSON.textNode(state.physicalId());
    }

    @Override
    public JsonNode attribute(final ResourceState state, final String attribute) {
        return state.model().get(attribute);
    }

    @Override
    public ResourceTask create(final ResourceCall call) {
        return () -> AwsFailures.step(() -> new Progress.Done(created(call), null));
    }

    @Override
    public ResourceTask update(final ResourceCall call) {
        return () -> AwsFailures.step(() -> new Progress.Done(updated(call), null));
    }

    @Override
    public ResourceTask delete(final ResourceCall call) {
        return () -> AwsFailures.step(() -> {
            try {
                deleted(call);
            } catch (AwsServiceException e) {
                if (!AwsFailures.isNotFound(e)) {
                    throw e;
                }
                // Already gone: CloudFormation counts that as deleted.
            }
            return new Progress.Done(null, null);
        });
    }

    @Override
    public ReadOutcome read(final ResourceCall call) {
        try {
            return ReadOutcome.found(current(call));
        } catch (AwsServiceException e) {
            return AwsFailures.isNotFound(e) ? ReadOutcome.deleted() : ReadOutcome.failed(AwsFailures.message(e));
        }
    }

    protected abstract ResourceState created(ResourceCall call);

    protected abstract ResourceState updated(ResourceCall call);

    protected abstract void deleted(ResourceCall call);

    /** The resource's properties as AWS has them now. */
    protected abstract ObjectNode current(ResourceCall call);

    /** The name the template gives in {@code property}, else one CloudFormation-style from stack and logical ID. */
    protected static String nameOrGenerated(final ResourceCall call, final String property, final int maxLength) {
        final String given = call.desired().hasNonNull(property)
                ? call.desired().get(property).asText()
                : null;
        return given != null
                ? given
                : PhysicalNames.generate(
                        call.stack().stackName(),
                        call.logicalId(),
                        maxLength,
                        call.stack().stackId());
    }

    protected static AwsRequestOverrideConfiguration as(final ResourceCall call) {
        final AwsSessionCredentials credentials = call.stack().credentials();
        return AwsClients.as(credentials);
    }

    /** The desired properties plus attributes: what Ref, GetAtt and the next operation read. */
    protected static ObjectNode model(final ObjectNode desired, final String... attributes) {
        final ObjectNode model = desired.deepCopy();
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                model.put(attributes[i], attributes[i + 1]);
            }
        }
        return model;
    }

    protected static String text(final JsonNode properties, final String name) {
        final JsonNode value = properties == null ? null : properties.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    protected static Integer integer(final JsonNode properties, final String name) {
        final String value = text(properties, name);
        return value == null ? null : Integer.valueOf(value);
    }

    protected static List<String> strings(final JsonNode properties, final String name) {
        final JsonNode value = properties == null ? null : properties.get(name);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        return StreamSupport.stream(value.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    /** Added (in wanted, not in had) or removed (the reverse), in order. */
    protected static List<String> minus(final List<String> left, final List<String> right) {
        final Set<String> result = new LinkedHashSet<>(left);
        right.forEach(result::remove);
        return new ArrayList<>(result);
    }

    protected static ArrayNode array(final List<String> values) {
        final ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    protected static boolean changed(final ResourceCall call, final String property) {
        final JsonNode before =
                call.previousDesired() == null ? null : call.previousDesired().get(property);
        final JsonNode after = call.desired().get(property);
        return before == null ? after != null : !before.equals(after);
    }

    /** Sorted, so a list whose order means nothing (policy ARNs, tags) compares as a set. */
    protected static JsonNode sorted(final JsonNode list) {
        if (list == null || !list.isArray()) {
            return list;
        }
        final List<JsonNode> items = new ArrayList<>();
        list.forEach(items::add);
        items.sort(Comparator.comparing(JsonNode::toString));
        final ArrayNode result = JSON.arrayNode();
        items.forEach(result::add);
        return result;
    }
}
