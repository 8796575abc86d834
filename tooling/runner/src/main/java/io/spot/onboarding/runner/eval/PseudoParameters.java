package io.spot.onboarding.runner.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Set;

/** AWS::AccountId and friends, for one stack. AWS::NoValue is the evaluator's own business. */
public record PseudoParameters(String accountId, String region, String stackName, String stackId) {
    public static final String NO_VALUE = "AWS::NoValue";
    public static final Set<String> NAMES = Set.of(
            "AWS::AccountId",
            "AWS::Region",
            "AWS::StackName",
            "AWS::StackId",
            "AWS::Partition",
            "AWS::URLSuffix",
            "AWS::NotificationARNs",
            NO_VALUE);

    public String partition() {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    public String urlSuffix() {
        return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    /** The value, or null for a name that is not a pseudo parameter (or is AWS::NoValue). */
    public JsonNode value(final String name) {
        final JsonNodeFactory json = JsonNodeFactory.instance;
        return switch (name) {
            case "AWS::AccountId" -> json.textNode(accountId);
            case "AWS::Region" -> json.textNode(region);
            case "AWS::StackName" -> json.textNode(stackName);
            case "AWS::StackId" -> json.textNode(stackId);
            case "AWS::Partition" -> json.textNode(partition());
            case "AWS::URLSuffix" -> json.textNode(urlSuffix());
            case "AWS::NotificationARNs" -> json.arrayNode();
            default -> null;
        };
    }
}
