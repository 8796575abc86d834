package io.spot.onboarding.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A path such as "/setup/account/{id}"; a "{name}" segment matches one non-empty segment. */
record PathTemplate(String template) {

    Optional<Map<String, String>> match(String path) {
        String[] expected = segments(template);
        String[] actual = segments(path);
        if (expected.length != actual.length) {
            return Optional.empty();
        }
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i].startsWith("{") && expected[i].endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                variables.put(expected[i].substring(1, expected[i].length() - 1), actual[i]);
            } else if (!expected[i].equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(variables);
    }

    private static String[] segments(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return trimmed.split("/", -1);
    }
}
