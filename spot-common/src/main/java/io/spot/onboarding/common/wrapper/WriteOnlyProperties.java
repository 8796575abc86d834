package io.spot.onboarding.common.wrapper;

import java.util.Collection;
import org.json.JSONObject;

/**
 * Takes a schema's {@code writeOnlyProperties} out of a model before it leaves the handler, as the
 * plugin's {@code ResourceTypeSchema.removeWriteOnlyProperties} does, without building the full
 * JSON-schema validator the plugin loads for it (a quarter of a cold Read's time). Same rules: the
 * last name of a property's path is removed from the object the names before it lead to; a path that
 * leads nowhere removes nothing. One difference: a path through a value that is not an object removes
 * nothing, where the plugin's cast fails the invocation.
 */
final class WriteOnlyProperties {
    private WriteOnlyProperties() {}

    /**
     * @param properties the schema's write-only properties without their {@code /properties/} prefix, as
     *                   {@link io.spot.onboarding.common.handler.TypeSchema#writeOnlyProperties()} gives them:
     *                   "A", or "A/B" for B inside A (property names hold neither '/' nor '~')
     */
    static void removeFrom(final JSONObject model, final Collection<String> properties) {
        for (final String property : properties) {
            final String[] path = property.split("/", -1);
            JSONObject parent = model;
            for (int i = 0; i < path.length - 1 && parent != null; i++) {
                parent = parent.opt(path[i]) instanceof JSONObject child ? child : null;
            }
            if (parent != null) {
                parent.remove(path[path.length - 1]);
            }
        }
    }
}
