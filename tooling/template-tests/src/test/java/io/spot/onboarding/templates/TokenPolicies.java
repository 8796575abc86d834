package io.spot.onboarding.templates;

import static io.spot.onboarding.templates.CfnYaml.map;

import io.spot.onboarding.templates.PolicyEvaluation.Request;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The accounts, roles and requests the token policies are tested with. */
final class TokenPolicies {
    static final String ORGANIZATION = "o-abcdefghij";
    static final String REGION = "eu-west-1";
    static final String MEMBER = "111122223333";
    static final String MANAGEMENT = "999988887777";
    static final String OUTSIDER = "444455556666";
    static final String ROLE_NAME = "SpotOnboardingHandlers-" + REGION;
    static final String VIA_SECRETS_MANAGER = "secretsmanager." + REGION + ".amazonaws.com";

    private TokenPolicies() {}

    static String role(final String account, final String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    static String handlers(final String account) {
        return role(account, ROLE_NAME);
    }

    static Request request(final String principal, final String organization, final String action) {
        return new Request(principal, organization, action, null);
    }

    static Request viaSecretsManager(final String principal, final String organization, final String action) {
        return new Request(principal, organization, action, VIA_SECRETS_MANAGER);
    }

    /** The pseudo parameters of a stack in {@code account}, in {@link #REGION}, plus the given parameters. */
    static Map<String, String> stackValues(final String account, final Map<String, String> parameters) {
        final Map<String, String> values = new HashMap<>(parameters);
        values.put("AWS::AccountId", account);
        values.put("AWS::Region", REGION);
        values.put("AWS::Partition", "aws");
        return values;
    }

    static PolicyEvaluation policy(
            final Map<String, Object> resources,
            final String resource,
            final String property,
            final Map<String, String> values,
            final Set<String> conditions) {
        return new PolicyEvaluation(
                map(map(resources.get(resource)).get("Properties")).get(property), values, conditions);
    }
}
