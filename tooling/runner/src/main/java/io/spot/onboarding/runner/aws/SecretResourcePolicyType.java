package io.spot.onboarding.runner.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.runner.types.ReadOutcome;
import io.spot.onboarding.runner.types.ResourceCall;
import io.spot.onboarding.runner.types.ResourceState;
import io.spot.onboarding.runner.types.TypeSpec;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyResponse;

/** AWS::SecretsManager::ResourcePolicy: Ref is the secret's ARN, as in CloudFormation. */
public final class SecretResourcePolicyType extends AwsResourceType {
    public static final String TYPE = "AWS::SecretsManager::ResourcePolicy";

    public SecretResourcePolicyType(final AwsClients aws) {
        // Secrets Manager's check of BlockPublicPolicy is AWS's, not moto's: the runner only passes it on.
        super(aws, new TypeSpec(TYPE, Set.of("SecretId")), Set.of("SecretId", "ResourcePolicy"));
    }

    @Override
    public JsonNode attribute(final ResourceState state, final String attribute) {
        return "Id".equals(attribute) ? JSON.textNode(state.physicalId()) : null;
    }

    @Override
    protected ResourceState created(final ResourceCall call) {
        final String arn = put(call);
        return new ResourceState(arn, model(call.desired(), "Id", arn));
    }

    @Override
    protected ResourceState updated(final ResourceCall call) {
        put(call);
        return new ResourceState(
                call.current().physicalId(),
                model(call.desired(), "Id", call.current().physicalId()));
    }

    @Override
    protected void deleted(final ResourceCall call) {
        aws.secrets()
                .deleteResourcePolicy(
                        r -> r.secretId(call.current().physicalId()).overrideConfiguration(as(call)));
    }

    /** A secret without a policy has lost this resource: drift reports it deleted. */
    @Override
    public ReadOutcome read(final ResourceCall call) {
        try {
            final GetResourcePolicyResponse policy = aws.secrets()
                    .getResourcePolicy(
                            r -> r.secretId(call.current().physicalId()).overrideConfiguration(as(call)));
            if (policy.resourcePolicy() == null) {
                return ReadOutcome.deleted();
            }
            final ObjectNode actual = JSON.objectNode();
            actual.put("SecretId", text(call.current().model(), "SecretId"));
            actual.set("ResourcePolicy", PolicyDocuments.parse(policy.resourcePolicy()));
            return ReadOutcome.found(actual);
        } catch (AwsServiceException e) {
            return AwsFailures.isNotFound(e) ? ReadOutcome.deleted() : ReadOutcome.failed(AwsFailures.message(e));
        }
    }

    @Override
    protected ObjectNode current(final ResourceCall call) {
        throw new UnsupportedOperationException("read() reads the policy");
    }

    @Override
    public JsonNode normalizeForDrift(final String property, final JsonNode value) {
        return "ResourcePolicy".equals(property) ? PolicyDocuments.normalize(value) : value;
    }

    private String put(final ResourceCall call) {
        final ObjectNode desired = call.desired();
        final String block = text(desired, "BlockPublicPolicy");
        return aws.secrets()
                .putResourcePolicy(r -> r.secretId(text(desired, "SecretId"))
                        .resourcePolicy(PolicyDocuments.text(desired.get("ResourcePolicy")))
                        .blockPublicPolicy(block == null ? null : Boolean.valueOf(block))
                        .overrideConfiguration(as(call)))
                .arn();
    }
}
