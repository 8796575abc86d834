package io.spot.onboarding.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first step of leaving Spot's StackSet: every custom resource gets {@code DeletionPolicy:
 * Retain} and {@code UpdateReplacePolicy: Retain}. These are resource attributes, not properties,
 * so the StackSet update that applies them sends no request to Spot's Lambdas; afterwards deleting
 * the stacks sends none either. Nothing else in the template changes, and that is checked: the
 * result is parsed again and must equal the input plus exactly these attributes. The same change
 * on another selection of resources serves the migration's rollback.
 */
public final class RetainPolicy {
    static final List<String> ATTRIBUTES = List.of("DeletionPolicy", "UpdateReplacePolicy");

    private RetainPolicy() {}

    /** @param changed the custom resources whose attributes were added or set to Retain */
    public record Result(TemplateDocument template, List<RetainTarget> changed, List<RetainTarget> alreadyRetained) {}

    public static Result apply(final String text) {
        return apply(text, Selection.CUSTOM);
    }

    public static Result apply(final String text, final Selection selection) {
        final TemplateDocument input = TemplateDocument.parse(text);
        final List<RetainTarget> custom = input.targets(selection);
        if (custom.isEmpty()) {
            throw new TemplateException("the template has no " + selection.description()
                    + (selection == Selection.CUSTOM ? ": it is not Spot's Lambda-backed onboarding template" : ""));
        }
        final List<RetainTarget> changed =
                custom.stream().filter(r -> !r.retained()).toList();
        final List<RetainTarget> already =
                custom.stream().filter(RetainTarget::retained).toList();
        final String output = input.json() ? editJson(text, changed) : editYaml(text, changed);
        final TemplateDocument result = TemplateDocument.parse(output);
        final List<String> differences = TemplateComparison.differences(withRetain(input, selection), result.tree());
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the edited template differs from the original in more than the Retain "
                    + "attributes, at " + differences + ": nothing was written");
        }
        return new Result(result, changed, already);
    }

    /** The selected resources that CloudFormation would still delete (or replace) through their handler. */
    public static List<RetainTarget> notRetained(final String text, final Selection selection) {
        return TemplateDocument.parse(text).targets(selection).stream()
                .filter(r -> !r.retained())
                .toList();
    }

    public static List<RetainTarget> notRetained(final String text) {
        return notRetained(text, Selection.CUSTOM);
    }

    /** The template's tree as it would be with the selected resources retained: what apply must produce. */
    static Map<String, Object> withRetain(final TemplateDocument template, final Selection selection) {
        final Map<String, Object> root = new LinkedHashMap<>(template.tree());
        final Map<String, Object> resources = new LinkedHashMap<>();
        template.resources().forEach((id, body) -> {
            if (selection.matches().test(body.get("Type"))) {
                final Map<String, Object> retained = new LinkedHashMap<>(body);
                ATTRIBUTES.forEach(attribute -> retained.put(attribute, RetainTarget.RETAIN));
                resources.put(id, retained);
            } else {
                resources.put(id, body);
            }
        });
        root.put("Resources", resources);
        return root;
    }

    private static String editYaml(final String text, final List<RetainTarget> resources) {
        final YamlAttributeEditor editor = new YamlAttributeEditor(text);
        // Inserted in reverse so the first attribute ends up first under the resource's key.
        for (final RetainTarget resource : resources) {
            for (final String attribute : reversed(ATTRIBUTES)) {
                editor.set(resource.logicalId(), attribute, RetainTarget.RETAIN);
            }
        }
        return editor.text();
    }

    private static String editJson(final String text, final List<RetainTarget> resources) {
        try {
            final JsonNode tree = TemplateDocument.JSON
                    .copy()
                    .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                    .readTree(text);
            for (final RetainTarget resource : resources) {
                final ObjectNode body = (ObjectNode) tree.get("Resources").get(resource.logicalId());
                ATTRIBUTES.forEach(attribute -> body.put(attribute, RetainTarget.RETAIN));
            }
            return TemplateDocument.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> reversed(final List<String> list) {
        final List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
