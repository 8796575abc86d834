package io.spot.onboarding.runner.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.runner.types.ResourceCall;
import io.spot.onboarding.runner.types.ResourceState;
import io.spot.onboarding.runner.types.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * AWS::SecretsManager::Secret: Ref is the secret's ARN. Deleted without a recovery window, as
 * CloudFormation does, so a stack deployed again right away can recreate the same name.
 */
public final class SecretType extends AwsResourceType {
    public static final String TYPE = "AWS::SecretsManager::Secret";

    public SecretType(final AwsClients aws) {
        // SecretString is write-only: AWS never reads it back, and the runner must never print it.
        super(aws, new TypeSpec(TYPE, Set.of("Name")), Set.of("Name", "Description", "KmsKeyId", "Tags"));
    }

    @Override
    public JsonNode attribute(final ResourceState state, final String attribute) {
        return "Id".equals(attribute) ? JSON.textNode(state.physicalId()) : null;
    }

    @Override
    protected ResourceState created(final ResourceCall call) {
        final ObjectNode desired = call.desired();
        final String name = text(desired, "Name") != null
                ? text(desired, "Name")
                : PhysicalNames.withSuffix(call.logicalId(), 512, call.stack().stackId());
        final String arn = aws.secrets()
                .createSecret(r -> r.name(name)
                        .description(text(desired, "Description"))
                        .secretString(text(desired, "SecretString"))
                        .kmsKeyId(text(desired, "KmsKeyId"))
                        .tags(tags(desired))
                        .overrideConfiguration(as(call)))
                .arn();
        return new ResourceState(arn, withoutValue(model(desired, "Id", arn)));
    }

    @Override
    protected ResourceState updated(final ResourceCall call) {
        final String arn = call.current().physicalId();
        final ObjectNode desired = call.desired();
        if (changed(call, "Description") || changed(call, "KmsKeyId")) {
            aws.secrets()
                    .updateSecret(r -> r.secretId(arn)
                            .description(text(desired, "Description"))
                            .kmsKeyId(text(desired, "KmsKeyId"))
                            .overrideConfiguration(as(call)));
        }
        if (changed(call, "SecretString")) {
            aws.secrets()
                    .putSecretValue(r -> r.secretId(arn)
                            .secretString(text(desired, "SecretString"))
                            .overrideConfiguration(as(call)));
        }
        if (changed(call, "Tags") && !tags(desired).isEmpty()) {
            aws.secrets().tagResource(r -> r.secretId(arn).tags(tags(desired)).overrideConfiguration(as(call)));
        }
        return new ResourceState(arn, withoutValue(model(desired, "Id", arn)));
    }

    @Override
    protected void deleted(final ResourceCall call) {
        aws.secrets()
                .deleteSecret(r -> r.secretId(call.current().physicalId())
                        .forceDeleteWithoutRecovery(true)
                        .overrideConfiguration(as(call)));
    }

    @Override
    protected ObjectNode current(final ResourceCall call) {
        final DescribeSecretResponse secret = aws.secrets()
                .describeSecret(r -> r.secretId(call.current().physicalId()).overrideConfiguration(as(call)));
        final ObjectNode actual = JSON.objectNode();
        actual.put("Name", secret.name());
        if (secret.description() != null) {
            actual.put("Description", secret.description());
        }
        if (secret.kmsKeyId() != null) {
            actual.put("KmsKeyId", secret.kmsKeyId());
        }
        final ArrayNode tags = JSON.arrayNode();
        secret.tags().forEach(tag -> tags.addObject().put("Key", tag.key()).put("Value", tag.value()));
        actual.set("Tags", tags);
        return actual;
    }

    @Override
    public JsonNode normalizeForDrift(final String property, final JsonNode value) {
        return "Tags".equals(property) ? sorted(value) : value;
    }

    /**
     * The stack keeps models for Ref, GetAtt and the next operation; the secret's value is none of
     * those, and kept out of memory it cannot end up in any output.
     */
    private static ObjectNode withoutValue(final ObjectNode model) {
        model.remove("SecretString");
        return model;
    }

    private static List<Tag> tags(final JsonNode properties) {
        final List<Tag> tags = new ArrayList<>();
        final JsonNode list = properties == null ? null : properties.get("Tags");
        if (list != null && list.isArray()) {
            list.forEach(tag -> tags.add(Tag.builder()
                    .key(tag.path("Key").asText())
                    .value(tag.path("Value").asText())
                    .build()));
        }
        return tags;
    }
}
