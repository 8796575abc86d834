package io.spot.onboarding.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Which external IDs an IAM role lets Spot (docs/spot-api.md §4: principal 922761411349) assume it
 * with, read from its trust policy. A role that trusts Spot with no {@code sts:ExternalId} condition
 * admits any; a deleted role, or one that does not trust Spot, admits none.
 */
public record RoleTrust(boolean anyExternalId, Set<String> externalIds) {

    public static final RoleTrust NONE = new RoleTrust(false, Set.of());
    static final String SPOT_ACCOUNT = "922761411349";

    public RoleTrust {
        externalIds = Set.copyOf(externalIds);
    }

    /** A role whose trust admits exactly these IDs (what a test declares). */
    public static RoleTrust of(final String... externalIds) {
        return new RoleTrust(false, Set.of(externalIds));
    }

    /** The trust an IAM trust policy document (JSON, as IAM holds it) gives Spot. */
    public static RoleTrust parse(final String policyDocument) {
        final JsonNode policy = Json.parseBody(policyDocument);
        boolean any = false;
        final Set<String> ids = new HashSet<>();
        for (final JsonNode statement : list(policy.path("Statement"))) {
            if (!"Allow".equals(statement.path("Effect").asText())
                    || !trustsSpot(statement.path("Principal"))
                    || !assumes(statement.path("Action"))) {
                continue;
            }
            final JsonNode condition = statement.path("Condition");
            final JsonNode externalId = condition.path("StringEquals").path("sts:ExternalId");
            if (condition.isMissingNode() || condition.isEmpty()) {
                any = true;
            } else {
                list(externalId).forEach(id -> ids.add(id.asText()));
            }
        }
        return new RoleTrust(any, ids);
    }

    public boolean admits(final String externalId) {
        return anyExternalId || externalId != null && externalIds.contains(externalId);
    }

    private static boolean trustsSpot(final JsonNode principal) {
        for (final JsonNode aws : list(principal.path("AWS"))) {
            final String text = aws.asText();
            if (text.equals(SPOT_ACCOUNT) || text.equals("arn:aws:iam::" + SPOT_ACCOUNT + ":root")) {
                return true;
            }
        }
        return false;
    }

    private static boolean assumes(final JsonNode action) {
        for (final JsonNode one : list(action)) {
            final String text = one.asText();
            if (text.equals("sts:AssumeRole") || text.equals("sts:*") || text.equals("*")) {
                return true;
            }
        }
        return false;
    }

    private static Iterable<JsonNode> list(final JsonNode node) {
        return node.isArray() ? node : node.isMissingNode() || node.isNull() ? Set.of() : Set.of(node);
    }
}
