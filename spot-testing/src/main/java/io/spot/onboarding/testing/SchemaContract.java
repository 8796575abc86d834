package io.spot.onboarding.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.json.JSONObject;
import software.amazon.cloudformation.resource.ResourceTypeSchema;
import software.amazon.cloudformation.resource.Validator;

/**
 * Checks that keep what {@code cfn generate} would write equal to the schema, the source of truth:
 * the schema against the registry's meta-schema, and each model class against the properties.
 */
public final class SchemaContract {

    private SchemaContract() {
    }

    public static JSONObject load(final Path schemaFile) {
        try {
            return new JSONObject(Files.readString(schemaFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws the registry's own validation error when the schema breaks the meta-schema. */
    public static void assertValidResourceSchema(final JSONObject schema) {
        new Validator().loadResourceDefinitionSchema(new JSONObject(schema.toString()));
        ResourceTypeSchema.load(new JSONObject(schema.toString()));
    }

    /**
     * Every property of {@code properties} (a schema's or a nested object's) has a field with the
     * same JSON name and the Java type cfn would give it, and the class has no other JSON field.
     */
    public static void assertModelAgrees(final Class<?> model, final JSONObject properties) {
        final Map<String, String> expected = new TreeMap<>();
        for (final String name : properties.keySet()) {
            expected.put(name, javaType(properties.getJSONObject(name), name));
        }
        final Map<String, String> actual = new TreeMap<>();
        for (final Field field : model.getDeclaredFields()) {
            final JsonProperty json = field.getAnnotation(JsonProperty.class);
            if (json != null && !Modifier.isStatic(field.getModifiers())) {
                actual.put(json.value(), typeName(field));
            }
        }
        assertThat(actual).as("JSON properties of %s against the schema", model.getSimpleName())
            .containsExactlyInAnyOrderEntriesOf(expected);
    }

    private static String javaType(final JSONObject property, final String name) {
        final String type = property.optString("type", "object");
        return switch (type) {
            case "string" -> "String";
            case "integer" -> "Integer";
            case "number" -> "Double";
            case "boolean" -> "Boolean";
            case "array" -> "List<" + javaType(property.getJSONObject("items"), name) + ">";
            default -> name;
        };
    }

    private static String typeName(final Field field) {
        if (field.getGenericType() instanceof ParameterizedType parameterized
            && parameterized.getRawType() == List.class) {
            return "List<" + ((Class<?>) parameterized.getActualTypeArguments()[0]).getSimpleName() + ">";
        }
        return field.getType().getSimpleName();
    }

    /** The schema's pointers ("/properties/X") as property names. */
    public static List<String> names(final JSONObject schema, final String key) {
        return schema.optJSONArray(key) == null ? List.of() : schema.getJSONArray(key).toList().stream()
            .map(p -> p.toString().replace("/properties/", ""))
            .toList();
    }
}
