package io.spot.onboarding.migration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where two parsed templates differ, as paths ({@code /Resources/SpotRole/Properties/RoleName}).
 * Scalars compare as CloudFormation passes them to a resource, as text: {@code 1} and {@code "1"},
 * {@code true} and {@code "true"} are the same value.
 */
public final class TemplateComparison {

    private TemplateComparison() {}

    public static List<String> differences(final Object left, final Object right) {
        final List<String> found = new ArrayList<>();
        compare(left, right, "", found);
        return found;
    }

    /**
     * Whether the user's copy of Spot's template is the template the StackSet runs, apart from the
     * Retain attributes this tool adds under either policy (so a resumed migration still matches).
     */
    public static List<String> differencesIgnoringRetain(final String left, final String right) {
        return differences(
                RetainPolicy.withRetain(TemplateDocument.parse(left), Selection.WITH_SPOT_ROLE),
                RetainPolicy.withRetain(TemplateDocument.parse(right), Selection.WITH_SPOT_ROLE));
    }

    private static void compare(final Object left, final Object right, final String path, final List<String> found) {
        if (left instanceof Map<?, ?> a && right instanceof Map<?, ?> b) {
            final Set<Object> keys = new LinkedHashSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (final Object key : keys) {
                compare(a.get(key), b.get(key), path + "/" + key, found);
            }
        } else if (left instanceof List<?> a && right instanceof List<?> b) {
            if (a.size() != b.size()) {
                found.add(path);
                return;
            }
            for (int i = 0; i < a.size(); i++) {
                compare(a.get(i), b.get(i), path + "/" + i, found);
            }
        } else if (!scalar(left).equals(scalar(right))) {
            found.add(path.isEmpty() ? "/" : path);
        }
    }

    private static String scalar(final Object value) {
        if (value == null) {
            return "\u0000absent";
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return "\u0000" + value.getClass().getSimpleName();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
