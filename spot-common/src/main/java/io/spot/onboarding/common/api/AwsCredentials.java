package io.spot.onboarding.common.api;

import com.fasterxml.jackson.databind.JsonNode;

/** The IAM role a Spot account is linked to (E8 {@code GET /setup/credentials/aws}). */
public record AwsCredentials(String accountId, String iamRole) {

    static AwsCredentials fromJson(final JsonNode item) {
        return new AwsCredentials(Json.text(item, "accountId"), Json.text(item, "iamRole"));
    }
}
