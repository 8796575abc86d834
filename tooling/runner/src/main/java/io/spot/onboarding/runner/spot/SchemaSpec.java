package io.spot.onboarding.runner.spot;

import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.runner.types.TypeSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A registry schema read the way CloudFormation reads it for a template: writable properties with
 * their JSON types, enums and patterns; readOnly ones are Fn::GetAtt attributes only; the first
 * primary identifier is what Ref returns.
 *
 * @param properties the properties a template may set
 * @param required   properties the template must set
 * @param writeOnly  properties no Read returns: drift detection does not check them
 * @param source     the schema's file, for messages
 */
public record SchemaSpec(
        TypeSpec typeSpec,
        Map<String, PropertySpec> properties,
        Set<String> required,
        Set<String> readOnly,
        Set<String> writeOnly,
        String primaryIdentifier,
        String source) {

    public SchemaSpec {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        required = Set.copyOf(required);
        readOnly = Set.copyOf(readOnly);
        writeOnly = Set.copyOf(writeOnly);
    }

    public String typeName() {
        return typeSpec.typeName();
    }

    public static SchemaSpec from(final JsonNode schema, final String source) {
        final Set<String> readOnly = names(schema.path("readOnlyProperties"));
        final Map<String, PropertySpec> properties = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(entry -> {
            if (!readOnly.contains(entry.getKey())) {
                properties.put(entry.getKey(), property(entry.getKey(), entry.getValue(), schema));
            }
        });
        final Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        final List<String> identifier = new ArrayList<>(names(schema.path("primaryIdentifier")));
        return new SchemaSpec(
                new TypeSpec(schema.path("typeName").asText(), names(schema.path("createOnlyProperties"))),
                properties,
                required,
                readOnly,
                names(schema.path("writeOnlyProperties")),
                identifier.isEmpty() ? null : identifier.get(0),
                source);
    }

    private static PropertySpec property(final String name, final JsonNode definition, final JsonNode schema) {
        JsonNode resolved = definition;
        if (definition.has("$ref")) {
            final String pointer = definition.get("$ref").asText().replaceFirst("^#", "");
            resolved = schema.at(pointer);
        }
        final Set<String> types = new HashSet<>();
        final JsonNode type = resolved.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        } else if (resolved.has("properties")) {
            types.add("object");
        }
        final List<String> allowed = new ArrayList<>();
        resolved.path("enum").forEach(value -> allowed.add(value.asText()));
        return new PropertySpec(
                name,
                types,
                allowed,
                resolved.hasNonNull("pattern") ? resolved.get("pattern").asText() : null);
    }

    /** "/properties/AccountId" entries as "AccountId" (top-level properties only, as ours are). */
    private static Set<String> names(final JsonNode pointers) {
        final Set<String> names = new LinkedHashSet<>();
        pointers.forEach(pointer -> names.add(pointer.asText().replaceFirst("^/properties/", "")));
        return names;
    }
}
