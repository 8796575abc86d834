package io.spot.onboarding.runner.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Set;

/**
 * The pseudo parameters the runner's templates use, for one stack. AWS::NoValue is the evaluator's
 * own business; the template check refuses the others before anything runs.
 */
public record PseudoParameters(String accountId, String region) {
    public static final String NO_VALUE = "AWS::NoValue";
    public static final Set<String> NAMES = Set.of("AWS::AccountId", "AWS::Region", "AWS::Partition", NO_VALUE);

    public String partition() {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** The value, or null for a name that is not a pseudo parameter (or is AWS::NoValue). */
    public JsonNode value(final String name) {
        final JsonNodeFactory json = JsonNodeFactory.instance;
        return switch (name) {
            case "AWS::AccountId" -> json.textNode(accountId);
            case "AWS::Region" -> json.textNode(region);
            case "AWS::Partition" -> json.textNode(partition());
            default -> null;
        };
    }
}
