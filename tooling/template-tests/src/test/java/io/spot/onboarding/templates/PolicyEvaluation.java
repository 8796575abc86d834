package io.spot.onboarding.templates;

import static io.spot.onboarding.templates.CfnYaml.list;
import static io.spot.onboarding.templates.CfnYaml.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates a template's resource or key policy for one request, as IAM does for the parts these
 * templates use: explicit Deny wins, then an Allow whose principal, action and conditions all match.
 * The template's intrinsics are resolved first with the given parameter values (and attribute values,
 * named "Resource.Attribute") and true conditions.
 * An Allow to the account's root principal counts as "allowed if the caller's IAM policy allows it",
 * which is how a key policy delegates to IAM. A statement without a Principal (an identity policy,
 * a service control policy) applies to whoever holds it; its Resource must match the request's.
 */
final class PolicyEvaluation {
    enum Decision {
        ALLOWED,
        DENIED,
        NOT_ALLOWED
    }

    /**
     * Who calls, what, on which resource ({@code *}: any), and the request context keys the policies
     * read; {@code keys} adds others, such as {@code aws:ResourceTag/...} or {@code aws:SourceArn}.
     */
    record Request(
            String principalArn,
            String organizationId,
            String action,
            String viaService,
            String resource,
            Map<String, String> keys) {
        Request(final String principalArn, final String organizationId, final String action, final String viaService) {
            this(principalArn, organizationId, action, viaService, "*", Map.of());
        }

        Request on(final String resourceArn) {
            return new Request(principalArn, organizationId, action, viaService, resourceArn, keys);
        }

        Request with(final String key, final String value) {
            final Map<String, String> more = new LinkedHashMap<>(keys);
            more.put(key, value);
            return new Request(principalArn, organizationId, action, viaService, resource, more);
        }

        String accountId() {
            return principalArn.split(":")[4];
        }

        Map<String, String> context() {
            final Map<String, String> context = new LinkedHashMap<>();
            context.put("aws:PrincipalArn", principalArn);
            context.put("aws:PrincipalAccount", accountId());
            if (organizationId != null) {
                context.put("aws:PrincipalOrgID", organizationId);
            }
            if (viaService != null) {
                context.put("kms:ViaService", viaService);
            }
            context.putAll(keys);
            return context;
        }
    }

    private static final Pattern SUB = Pattern.compile("\\$\\{([^}]+)}");

    private final List<Map<String, Object>> statements = new ArrayList<>();

    /**
     * @param document   the policy as the template has it
     * @param values     parameter and pseudo-parameter values (AWS::AccountId, AWS::Region, AWS::Partition, ...)
     * @param conditions the template's conditions that are true
     */
    PolicyEvaluation(final Object document, final Map<String, String> values, final Set<String> conditions) {
        for (final Object statement :
                list(map(resolve(document, values, conditions)).get("Statement"))) {
            statements.add(map(statement));
        }
    }

    List<Map<String, Object>> statements() {
        return statements;
    }

    Decision decide(final Request request) {
        boolean allowed = false;
        for (final Map<String, Object> statement : statements) {
            if (!applies(statement, request)) {
                continue;
            }
            if ("Deny".equals(statement.get("Effect"))) {
                return Decision.DENIED;
            }
            allowed = true;
        }
        return allowed ? Decision.ALLOWED : Decision.NOT_ALLOWED;
    }

    private static boolean applies(final Map<String, Object> statement, final Request request) {
        return principalMatches(statement.get("Principal"), request)
                && list(statement.get("Action")).stream().anyMatch(a -> like(a.toString(), request.action()))
                && resourceMatches(statement.get("Resource"), request)
                && conditionsHold(statement.get("Condition"), request.context());
    }

    /** A statement with no Principal is an identity policy's or a service control policy's: its holder's. */
    private static boolean principalMatches(final Object principal, final Request request) {
        if (principal == null || "*".equals(principal)) {
            return true;
        }
        return list(map(principal).get("AWS")).stream()
                .map(Object::toString)
                .anyMatch(p -> p.equals("*")
                        || p.equals(request.principalArn())
                        || p.endsWith(":root") && p.split(":")[4].equals(request.accountId()));
    }

    private static boolean resourceMatches(final Object resource, final Request request) {
        return resource == null || list(resource).stream().anyMatch(r -> like(r.toString(), request.resource()));
    }

    private static boolean conditionsHold(final Object conditions, final Map<String, String> context) {
        if (conditions == null) {
            return true;
        }
        for (final Map.Entry<String, Object> operator : map(conditions).entrySet()) {
            for (final Map.Entry<String, Object> test : map(operator.getValue()).entrySet()) {
                if (!holds(operator.getKey(), context.get(test.getKey()), list(test.getValue()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean holds(final String operator, final String actual, final List<Object> expected) {
        final boolean negated = operator.contains("Not");
        final boolean wildcard = operator.contains("Like");
        if (actual == null) {
            return negated;
        }
        final boolean any =
                expected.stream().map(Object::toString).anyMatch(e -> wildcard ? like(e, actual) : e.equals(actual));
        return switch (operator) {
            case "StringEquals", "StringLike", "ArnEquals", "ArnLike" -> any;
            case "StringNotEquals", "StringNotLike", "ArnNotEquals", "ArnNotLike" -> !any;
            default -> throw new AssertionError("the evaluation does not know the condition operator " + operator);
        };
    }

    private static boolean like(final String pattern, final String value) {
        final String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return value.matches(regex);
    }

    /** Fn::Sub, Ref, Fn::GetAtt, Fn::If and AWS::NoValue, as CloudFormation resolves them. */
    static Object resolve(final Object value, final Map<String, String> values, final Set<String> conditions) {
        if (value instanceof Map<?, ?> raw) {
            final Map<String, Object> node = map(raw);
            if (node.size() == 1 && node.containsKey("Ref")) {
                final String name = node.get("Ref").toString();
                if ("AWS::NoValue".equals(name)) {
                    return NO_VALUE;
                }
                return known(values, name);
            }
            if (node.size() == 1 && node.containsKey("Fn::Sub")) {
                final Matcher matcher = SUB.matcher(node.get("Fn::Sub").toString());
                final StringBuilder text = new StringBuilder();
                while (matcher.find()) {
                    matcher.appendReplacement(text, Matcher.quoteReplacement(known(values, matcher.group(1))));
                }
                return matcher.appendTail(text).toString();
            }
            if (node.size() == 1 && node.containsKey("Fn::GetAtt")) {
                // Given as "Resource.Attribute", the value the resource returns.
                return known(
                        values,
                        String.join(
                                ".",
                                list(node.get("Fn::GetAtt")).stream()
                                        .map(Object::toString)
                                        .toList()));
            }
            if (node.size() == 1 && node.containsKey("Fn::If")) {
                final List<Object> branches = list(node.get("Fn::If"));
                return resolve(
                        branches.get(conditions.contains(branches.get(0).toString()) ? 1 : 2), values, conditions);
            }
            final Map<String, Object> result = new LinkedHashMap<>();
            node.forEach((key, item) -> {
                final Object resolved = resolve(item, values, conditions);
                if (resolved != NO_VALUE) {
                    result.put(key, resolved);
                }
            });
            return result;
        }
        if (value instanceof List<?> items) {
            final List<Object> result = new ArrayList<>();
            for (final Object item : items) {
                final Object resolved = resolve(item, values, conditions);
                if (resolved != NO_VALUE) {
                    result.add(resolved);
                }
            }
            return result;
        }
        return value;
    }

    private static final Object NO_VALUE = new Object();

    private static String known(final Map<String, String> values, final String name) {
        final String value = values.get(name);
        if (value == null) {
            throw new AssertionError("no value given for " + name);
        }
        return value;
    }
}
