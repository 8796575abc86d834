package io.spot.onboarding.common.handler;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * What the shared handler checks read from a type's schema (the JSON the type's jar carries, read as
 * cfn's generated {@code BaseConfiguration} reads it): which properties are create-only, which one
 * names the resource, and which ones the caller never sets. Read on first use, once per JVM.
 */
public final class TypeSchema {
    private static final String PROPERTY_POINTER = "/properties/";

    private final Supplier<JSONObject> source;
    private volatile String text;
    private volatile Rules rules;

    /** @param source the type's {@code Configuration::resourceSchemaJSONObject} */
    public TypeSchema(final Supplier<JSONObject> source) {
        this.source = source;
    }

    /** A fresh copy of the schema, since callers may modify what they get. */
    public JSONObject json() {
        if (text == null) {
            text = source.get().toString();
        }
        return new JSONObject(text);
    }

    public String typeName() {
        return rules().typeName();
    }

    /** {@code createOnlyProperties}, as top-level property names: a change to any of them needs a new resource. */
    public List<String> createOnlyProperties() {
        return rules().createOnly();
    }

    /** The property of the {@code primaryIdentifier}. */
    public String identifierProperty() {
        return rules().identifier();
    }

    /** In {@code readOnlyProperties}: the handlers set it, the caller never does. */
    public boolean isReadOnly(final String property) {
        return rules().readOnly().contains(property);
    }

    /** In {@code writeOnlyProperties}: never repeated in a message. */
    public boolean isWriteOnly(final String property) {
        return rules().writeOnly().contains(property);
    }

    /** {@code writeOnlyProperties}: "/properties/A" is "A", and "/properties/A/B" is "A/B". */
    public Set<String> writeOnlyProperties() {
        return rules().writeOnly();
    }

    private Rules rules() {
        if (rules == null) {
            final JSONObject schema = json();
            rules = new Rules(
                    schema.getString("typeName"),
                    names(schema.optJSONArray("createOnlyProperties")),
                    names(schema.getJSONArray("primaryIdentifier")).get(0),
                    Set.copyOf(names(schema.optJSONArray("readOnlyProperties"))),
                    Set.copyOf(names(schema.optJSONArray("writeOnlyProperties"))));
        }
        return rules;
    }

    /** "/properties/AccountId" is "AccountId"; this project's types have no nested create-only properties. */
    private static List<String> names(final JSONArray pointers) {
        if (pointers == null) {
            return List.of();
        }
        return pointers.toList().stream()
                .map(Object::toString)
                .map(p -> p.startsWith(PROPERTY_POINTER) ? p.substring(PROPERTY_POINTER.length()) : p)
                .collect(Collectors.toUnmodifiableList());
    }

    private record Rules(
            String typeName, List<String> createOnly, String identifier, Set<String> readOnly, Set<String> writeOnly) {}
}
