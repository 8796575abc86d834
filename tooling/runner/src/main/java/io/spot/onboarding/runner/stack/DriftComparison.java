package io.spot.onboarding.runner.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.runner.types.ResourceType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Compares what a resource is now with what the template says, the way CloudFormation's drift
 * detection does: only the properties the template sets, down to the nested value that differs,
 * and scalars by their text (the template's "3600" is the service's 3600).
 */
final class DriftComparison {
    private final ResourceType type;
    private final List<DriftResult.PropertyDifference> differences = new ArrayList<>();

    private DriftComparison(final ResourceType type) {
        this.type = type;
    }

    static List<DriftResult.PropertyDifference> differences(
            final ResourceType type, final ObjectNode expected, final ObjectNode actual) {
        final DriftComparison comparison = new DriftComparison(type);
        expected.fields().forEachRemaining(entry -> {
            final String property = entry.getKey();
            if (type.isDriftChecked(property)) {
                comparison.compare(
                        "/" + property,
                        type.normalizeForDrift(property, entry.getValue()),
                        type.normalizeForDrift(property, actual.get(property)));
            }
        });
        return comparison.differences;
    }

    private void compare(final String path, final JsonNode expected, final JsonNode actual) {
        if (actual == null || actual.isNull()) {
            if (expected != null && !expected.isNull()) {
                differences.add(new DriftResult.PropertyDifference(path, show(expected), null, "REMOVE"));
            }
            return;
        }
        if (expected.isValueNode() || actual.isValueNode()) {
            if (!expected.isValueNode()
                    || !actual.isValueNode()
                    || !expected.asText().equals(actual.asText())) {
                differences.add(new DriftResult.PropertyDifference(path, show(expected), show(actual), "NOT_EQUAL"));
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                if (i >= expected.size()) {
                    differences.add(
                            new DriftResult.PropertyDifference(path + "/" + i, null, show(actual.get(i)), "ADD"));
                } else {
                    compare(path + "/" + i, expected.get(i), actual.get(i));
                }
            }
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            final Iterator<String> names = expected.fieldNames();
            while (names.hasNext()) {
                final String name = names.next();
                compare(path + "/" + name, expected.get(name), actual.get(name));
            }
            actual.fieldNames().forEachRemaining(name -> {
                if (!expected.has(name)) {
                    differences.add(
                            new DriftResult.PropertyDifference(path + "/" + name, null, show(actual.get(name)), "ADD"));
                }
            });
            return;
        }
        differences.add(new DriftResult.PropertyDifference(path, show(expected), show(actual), "NOT_EQUAL"));
    }

    private static String show(final JsonNode value) {
        return value == null ? null : value.isTextual() ? value.asText() : value.toString();
    }
}
