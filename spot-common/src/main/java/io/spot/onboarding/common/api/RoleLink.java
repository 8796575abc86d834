package io.spot.onboarding.common.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The IAM role Spot assumes in a Spot account's AWS account: what Spot's API and console call the
 * account's "AWS credentials" (E8 {@code GET /setup/credentials/aws}), though it holds no secret.
 */
public record RoleLink(String accountId, String iamRole) {

    static RoleLink fromJson(final JsonNode item) {
        return new RoleLink(Json.text(item, "accountId"), Json.text(item, "iamRole"));
    }
}
