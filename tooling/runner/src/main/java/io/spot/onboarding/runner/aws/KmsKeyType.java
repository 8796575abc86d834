package io.spot.onboarding.runner.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.runner.types.ResourceCall;
import io.spot.onboarding.runner.types.ResourceState;
import io.spot.onboarding.runner.types.TypeSpec;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * AWS::KMS::Key: Ref is the key ID; Fn::GetAtt Arn and KeyId. Deleting schedules the deletion
 * (PendingWindowInDays, 30 by default), as CloudFormation does; a key pending deletion reads as gone.
 */
public final class KmsKeyType extends AwsResourceType {
    public static final String TYPE = "AWS::KMS::Key";
    private static final String POLICY_NAME = "default";
    private static final int DEFAULT_PENDING_DAYS = 30;

    public KmsKeyType(final AwsClients aws) {
        // PendingWindowInDays is write-only in CloudFormation's schema: AWS reads no pending window back.
        super(aws, new TypeSpec(TYPE, Set.of()), Set.of("Description", "KeyPolicy", "EnableKeyRotation"));
    }

    @Override
    protected ResourceState created(final ResourceCall call) {
        final ObjectNode desired = call.desired();
        final KeyMetadata key = aws.kms()
                .createKey(r -> r.description(text(desired, "Description"))
                        .policy(policy(desired))
                        .overrideConfiguration(as(call)))
                .keyMetadata();
        if (flag(desired, "EnableKeyRotation", false)) {
            aws.kms().enableKeyRotation(r -> r.keyId(key.keyId()).overrideConfiguration(as(call)));
        }
        return new ResourceState(key.keyId(), model(desired, "Arn", key.arn(), "KeyId", key.keyId()));
    }

    @Override
    protected ResourceState updated(final ResourceCall call) {
        final String keyId = call.current().physicalId();
        final ObjectNode desired = call.desired();
        if (changed(call, "Description")) {
            aws.kms()
                    .updateKeyDescription(r -> r.keyId(keyId)
                            .description(text(desired, "Description"))
                            .overrideConfiguration(as(call)));
        }
        if (changed(call, "KeyPolicy") && policy(desired) != null) {
            aws.kms()
                    .putKeyPolicy(r -> r.keyId(keyId)
                            .policyName(POLICY_NAME)
                            .policy(policy(desired))
                            .overrideConfiguration(as(call)));
        }
        if (changed(call, "EnableKeyRotation")) {
            if (flag(desired, "EnableKeyRotation", false)) {
                aws.kms().enableKeyRotation(r -> r.keyId(keyId).overrideConfiguration(as(call)));
            } else {
                aws.kms().disableKeyRotation(r -> r.keyId(keyId).overrideConfiguration(as(call)));
            }
        }
        return new ResourceState(
                keyId, model(desired, "Arn", text(call.current().model(), "Arn"), "KeyId", keyId));
    }

    @Override
    protected void deleted(final ResourceCall call) {
        final Integer days = integer(call.current().model(), "PendingWindowInDays");
        aws.kms()
                .scheduleKeyDeletion(r -> r.keyId(call.current().physicalId())
                        .pendingWindowInDays(days == null ? DEFAULT_PENDING_DAYS : days)
                        .overrideConfiguration(as(call)));
    }

    @Override
    protected ObjectNode current(final ResourceCall call) {
        final String keyId = call.current().physicalId();
        final KeyMetadata key = aws.kms()
                .describeKey(r -> r.keyId(keyId).overrideConfiguration(as(call)))
                .keyMetadata();
        if (key.keyState() == KeyState.PENDING_DELETION) {
            throw NotFoundException.builder()
                    .message("the key " + keyId + " is pending deletion")
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("NotFoundException")
                            .serviceName("KMS")
                            .build())
                    .statusCode(400)
                    .build();
        }
        final ObjectNode actual = JSON.objectNode();
        if (key.description() != null) {
            actual.put("Description", key.description());
        }
        actual.set(
                "KeyPolicy",
                PolicyDocuments.parse(aws.kms()
                        .getKeyPolicy(
                                r -> r.keyId(keyId).policyName(POLICY_NAME).overrideConfiguration(as(call)))
                        .policy()));
        actual.put(
                "EnableKeyRotation",
                aws.kms()
                        .getKeyRotationStatus(r -> r.keyId(keyId).overrideConfiguration(as(call)))
                        .keyRotationEnabled());
        return actual;
    }

    @Override
    public JsonNode normalizeForDrift(final String property, final JsonNode value) {
        if ("KeyPolicy".equals(property)) {
            return PolicyDocuments.normalize(value);
        }
        // A template may write a boolean as "true": compare what it means.
        return "EnableKeyRotation".equals(property) && value != null && value.isTextual()
                ? JSON.booleanNode(Boolean.parseBoolean(value.asText()))
                : value;
    }

    private static String policy(final JsonNode properties) {
        final JsonNode document = properties.get("KeyPolicy");
        return document == null || document.isNull() ? null : PolicyDocuments.text(document);
    }

    private static boolean flag(final JsonNode properties, final String name, final boolean otherwise) {
        final String value = text(properties, name);
        return value == null ? otherwise : Boolean.parseBoolean(value);
    }
}
