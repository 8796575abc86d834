package io.spot.onboarding.common.wrapper;

import java.util.Arrays;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Takes a schema's {@code writeOnlyProperties} out of a model before it leaves the handler, as the
 * plugin's {@code ResourceTypeSchema.removeWriteOnlyProperties} does, without building the full
 * JSON-schema validator the plugin loads for it (a quarter of a cold Read's time). Same rules: each
 * pointer loses its leading {@code /properties}; the last token is removed from the object its
 * parent tokens lead to; a pointer that leads nowhere removes nothing. One difference: a pointer
 * through a value that is not an object removes nothing, where the plugin's cast fails the invocation.
 */
final class WriteOnlyProperties {
    private static final String PROPERTIES = "/properties";

    private final List<List<String>> paths;

    private WriteOnlyProperties(final List<List<String>> paths) {
        this.paths = paths;
    }

    static WriteOnlyProperties of(final JSONObject schema) {
        final JSONArray pointers = schema.optJSONArray("writeOnlyProperties");
        if (pointers == null) {
            return new WriteOnlyProperties(List.of());
        }
        return new WriteOnlyProperties(pointers.toList().stream()
                .map(Object::toString)
                .map(p -> p.startsWith(PROPERTIES) ? p.substring(PROPERTIES.length()) : p)
                .map(WriteOnlyProperties::tokens)
                .filter(tokens -> !tokens.isEmpty())
                .toList());
    }

    void removeFrom(final JSONObject model) {
        for (final List<String> path : paths) {
            JSONObject parent = model;
            for (final String token : path.subList(0, path.size() - 1)) {
                final Object child = parent.opt(token);
                parent = child instanceof JSONObject object ? object : null;
                if (parent == null) {
                    break;
                }
            }
            if (parent != null) {
                parent.remove(path.get(path.size() - 1));
            }
        }
    }

    /** "/A/B" is [A, B]; property names hold neither '/' nor '~', so no token needs unescaping. */
    private static List<String> tokens(final String pointer) {
        if (pointer.isEmpty() || pointer.charAt(0) != '/') {
            return List.of();
        }
        return Arrays.asList(pointer.substring(1).split("/", -1));
    }
}
