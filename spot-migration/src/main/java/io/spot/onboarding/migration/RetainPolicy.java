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
 * result is parsed again and must equal the input plus exactly these attributes.
 */
public final class RetainPolicy {
    static final List<String> ATTRIBUTES = List.of("DeletionPolicy", "UpdateReplacePolicy");

    private RetainPolicy() {
    }

    /** @param changed the custom resources whose attributes were added or set to Retain */
    public record Result(TemplateDocument template, List<CustomResource> changed, List<CustomResource> alreadyRetained) {
    }

    public static Result apply(final String text) {
        final TemplateDocument input = TemplateDocument.parse(text);
        final List<CustomResource> custom = input.customResources();
        if (custom.isEmpty()) {
            throw new TemplateException("the template has no custom resource (Custom::* or "
                + "AWS::CloudFormation::CustomResource): it is not Spot's Lambda-backed onboarding template");
        }
        final List<CustomResource> changed = custom.stream().filter(r -> !r.retained()).toList();
        final List<CustomResource> already = custom.stream().filter(CustomResource::retained).toList();
        final String output = input.json() ? editJson(text, changed) : editYaml(text, changed);
        final TemplateDocument result = TemplateDocument.parse(output);
        final List<String> differences = TemplateComparison.differences(withRetain(input), result.tree());
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the edited template differs from the original in more than the Retain "
                + "attributes, at " + differences + ": nothing was written");
        }
        return new Result(result, changed, already);
    }

    /** Every custom resource of the template is retained on delete and on replacement. */
    public static List<CustomResource> notRetained(final String text) {
        return TemplateDocument.parse(text).customResources().stream().filter(r -> !r.retained()).toList();
    }

    /** The template's tree as it would be with every custom resource retained: what apply must produce. */
    static Map<String, Object> withRetain(final TemplateDocument template) {
        final Map<String, Object> root = new LinkedHashMap<>(template.tree());
        final Map<String, Object> resources = new LinkedHashMap<>();
        template.resources().forEach((id, body) -> {
            if (CustomResource.isCustomType(body.get("Type"))) {
                final Map<String, Object> retained = new LinkedHashMap<>(body);
                ATTRIBUTES.forEach(attribute -> retained.put(attribute, CustomResource.RETAIN));
                resources.put(id, retained);
            } else {
                resources.put(id, body);
            }
        });
        root.put("Resources", resources);
        return root;
    }

    private static String editYaml(final String text, final List<CustomResource> resources) {
        final YamlAttributeEditor editor = new YamlAttributeEditor(text);
        // Inserted in reverse so the first attribute ends up first under the resource's key.
        for (final CustomResource resource : resources) {
            for (final String attribute : reversed(ATTRIBUTES)) {
                editor.set(resource.logicalId(), attribute, CustomResource.RETAIN);
            }
        }
        return editor.text();
    }

    private static String editJson(final String text, final List<CustomResource> resources) {
        try {
            final JsonNode tree = TemplateDocument.JSON.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .readTree(text);
            for (final CustomResource resource : resources) {
                final ObjectNode body = (ObjectNode) tree.get("Resources").get(resource.logicalId());
                ATTRIBUTES.forEach(attribute -> body.put(attribute, CustomResource.RETAIN));
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
