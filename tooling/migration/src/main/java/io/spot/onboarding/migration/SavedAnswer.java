package io.spot.onboarding.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An AWS CLI JSON answer saved to a file (describe-stack-set, list-stack-instances), asked the
 * {@code --query} the migrate script would send and answered as {@code --output text} would print
 * it, so that its dry run can read the StackSet's state without AWS. Knows the part of JMESPath
 * the script uses: {@code A.B}, projections {@code A[].B} and multiselect lists {@code A.[B,C.D]}.
 */
final class SavedAnswer {
    private final JsonNode root;

    SavedAnswer(final String json) {
        try {
            this.root = new ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TemplateException("not an AWS CLI JSON answer: " + e.getOriginalMessage());
        }
    }

    /** The query's answer as --output text prints it: one line per row of a list of lists, fields tab-separated. */
    String text(final String query) {
        final Object value = evaluate(root, query.strip());
        if (value instanceof List<?> rows && !rows.isEmpty() && rows.stream().allMatch(r -> r instanceof List<?>)) {
            return rows.stream().map(SavedAnswer::line).collect(Collectors.joining("\n"));
        }
        return line(value);
    }

    private static String line(final Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(SavedAnswer::line).collect(Collectors.joining("\t"));
        }
        if (value == null || value instanceof JsonNode node && node.isNull()) {
            return "None";
        }
        final JsonNode node = (JsonNode) value;
        if (node.isBoolean()) {
            return node.booleanValue() ? "True" : "False";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static Object evaluate(final JsonNode node, final String query) {
        if (query.isEmpty()) {
            return node;
        }
        if (query.startsWith("[") && query.endsWith("]") && !query.equals("[]")) {
            final List<Object> selected = new ArrayList<>();
            for (final String part : topLevel(query.substring(1, query.length() - 1), ',')) {
                selected.add(evaluate(node, part.strip()));
            }
            return selected;
        }
        final List<String> steps = topLevel(query, '.');
        final String first = steps.get(0);
        final String rest = String.join(".", steps.subList(1, steps.size()));
        if (first.endsWith("[]")) {
            final JsonNode list = node == null ? null : node.get(first.substring(0, first.length() - 2));
            final List<Object> projected = new ArrayList<>();
            if (list != null && list.isArray()) {
                list.forEach(element -> projected.add(evaluate(element, rest)));
            }
            return projected;
        }
        final JsonNode next = node == null ? null : node.get(first);
        return next == null ? null : evaluate(next, rest);
    }

    /** The parts of text separated by {@code separator} outside square brackets. */
    private static List<String> topLevel(final String text, final char separator) {
        final List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
