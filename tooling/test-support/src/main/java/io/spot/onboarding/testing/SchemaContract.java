package io.spot.onboarding.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.json.JSONObject;
import software.amazon.cloudformation.resource.ResourceTypeSchema;
import software.amazon.cloudformation.resource.Validator;

/** The schema, the source of truth, and its check against the registry's meta-schema. */
public final class SchemaContract {

    private SchemaContract() {}

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

    /** The schema's pointers ("/properties/X") as property names. */
    public static List<String> names(final JSONObject schema, final String key) {
        return schema.optJSONArray(key) == null
                ? List.of()
                : schema.getJSONArray(key).toList().stream()
                        .map(p -> p.toString().replace("/properties/", ""))
                        .toList();
    }
}
