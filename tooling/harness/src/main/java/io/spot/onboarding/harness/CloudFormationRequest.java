package io.spot.onboarding.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * Builds the JSON CloudFormation sends a resource handler (the plugin's {@code HandlerRequest}):
 * top-level action, account, region, type and stack, with {@code requestData} holding the caller's
 * credentials, the logical ID, the properties and the type configuration.
 */
public final class CloudFormationRequest {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String AWS_ACCOUNT_ID = "123456789012";
    public static final String REGION = "us-east-1";

    private final ObjectNode root = MAPPER.createObjectNode();
    private final ObjectNode requestData = root.putObject("requestData");

    private CloudFormationRequest(final String resourceType, final String action) {
        root.put("awsAccountId", AWS_ACCOUNT_ID);
        root.put("bearerToken", UUID.randomUUID().toString());
        root.put("region", REGION);
        root.put("action", action);
        root.put("resourceType", resourceType);
        root.put("resourceTypeVersion", "00000001");
        root.put(
                "stackId",
                "arn:aws:cloudformation:" + REGION + ":" + AWS_ACCOUNT_ID + ":stack/spot-onboarding/"
                        + UUID.nameUUIDFromBytes(resourceType.getBytes()));
        final ObjectNode caller = requestData.putObject("callerCredentials");
        // Any key pair will do: moto_server accepts all, and the handlers never see real AWS here.
        caller.put("accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        caller.put("secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        caller.put("sessionToken", "test-session-token");
        requestData.put("logicalResourceId", "Resource");
        requestData.putObject("resourceProperties");
        requestData.putObject("stackTags");
    }

    public static CloudFormationRequest of(final String resourceType, final String action) {
        return new CloudFormationRequest(resourceType, action);
    }

    public CloudFormationRequest awsAccountId(final String accountId) {
        root.put("awsAccountId", accountId);
        return this;
    }

    /** The stack and its region, as another stack of the same account sends them. */
    public CloudFormationRequest stack(final String region, final String stackId) {
        root.put("region", region);
        root.put("stackId", stackId);
        return this;
    }

    public CloudFormationRequest logicalResourceId(final String logicalId) {
        requestData.put("logicalResourceId", logicalId);
        return this;
    }

    public CloudFormationRequest properties(final JsonNode properties) {
        requestData.set("resourceProperties", properties == null ? MAPPER.createObjectNode() : properties.deepCopy());
        return this;
    }

    public CloudFormationRequest previousProperties(final JsonNode properties) {
        requestData.set("previousResourceProperties", properties == null ? null : properties.deepCopy());
        return this;
    }

    public CloudFormationRequest typeConfiguration(final JsonNode configuration) {
        if (configuration == null) {
            requestData.remove("typeConfiguration");
        } else {
            requestData.set("typeConfiguration", configuration.deepCopy());
        }
        return this;
    }

    /** The flag CloudFormation sets on the handler calls that undo a failed stack operation. */
    public CloudFormationRequest rollback() {
        root.put("rollback", true);
        return this;
    }

    public CloudFormationRequest nextToken(final String token) {
        root.put("nextToken", token);
        return this;
    }

    public CloudFormationRequest withoutCallerCredentials() {
        requestData.remove("callerCredentials");
        return this;
    }

    /** A copy, so a test can vary one request without touching another. */
    public ObjectNode json() {
        return root.deepCopy();
    }

    /** Properties from JSON text, for readable tests: {@code props("{\"Name\":\"x\"}")}. */
    public static ObjectNode props(final String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JSON object: " + json, e);
        }
    }

    /**
     * The model CloudFormation keeps after a Create or Update, and passes again to the next Update and
     * Delete: what the handler returned, with the properties it was sent that it does not return (its
     * writeOnlyProperties, which no Read may report) added back.
     */
    public static ObjectNode kept(final JsonNode sent, final JsonNode returned) {
        final ObjectNode kept = returned instanceof ObjectNode model ? model.deepCopy() : MAPPER.createObjectNode();
        if (sent != null) {
            sent.fields().forEachRemaining(property -> {
                if (!kept.has(property.getKey())) {
                    kept.set(property.getKey(), property.getValue().deepCopy());
                }
            });
        }
        return kept;
    }
}
