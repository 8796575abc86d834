package io.spot.onboarding.testing;

import java.util.Set;
import java.util.TreeSet;
import org.json.JSONObject;

/**
 * The permissions a schema's handlers declare: what the execution role in {@code resource-role.yaml}
 * (which {@code cfn generate} writes) and in {@code registry.yml} grants.
 */
public final class ResourceRoleTemplate {

    private ResourceRoleTemplate() {}

    public static Set<String> permissions(final JSONObject schema) {
        final Set<String> actions = new TreeSet<>();
        final JSONObject handlers = schema.getJSONObject("handlers");
        for (final String handler : handlers.keySet()) {
            handlers.getJSONObject(handler).getJSONArray("permissions").forEach(a -> actions.add(a.toString()));
        }
        return actions;
    }
}
