package io.spot.onboarding.runner.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.runner.types.ResourceCall;
import io.spot.onboarding.runner.types.ResourceState;
import io.spot.onboarding.runner.types.TypeSpec;
import java.util.Set;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;

/**
 * AWS::SecretsManager::Secret: Ref is the secret's ARN. Deleted without a recovery window, as
 * CloudFormation does, so a stack deployed again right away can recreate the same name.
 */
public final class SecretType extends AwsResourceType {
    public static final String TYPE = "AWS::SecretsManager::Secret";

    public SecretType(final AwsClients aws) {
        // SecretString is write-only: AWS never reads it back, and the runner must never print it.
        super(aws, new TypeSpec(TYPE, Set.of("Name")), Set.of("Name", "Description", "KmsKeyId"));
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
        return actual;
    }

    /**
     * The stack keeps models for Ref, GetAtt and the next operation; the secret's value is none of
     * those, and kept out of memory it cannot end up in any output.
     */
    private static ObjectNode withoutValue(final ObjectNode model) {
        model.remove("SecretString");
        return model;
    }
}
