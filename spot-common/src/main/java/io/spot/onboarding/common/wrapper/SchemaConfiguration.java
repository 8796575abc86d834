package io.spot.onboarding.common.wrapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.json.JSONObject;
import org.json.JSONTokener;

/** cfn's generated {@code BaseConfiguration}: the type's schema, read once from the handler jar. */
public class SchemaConfiguration {
    private final String schemaFilename;
    private volatile JSONObject schema;

    protected SchemaConfiguration(final String schemaFilename) {
        this.schemaFilename = schemaFilename;
    }

    public String schemaFilename() {
        return schemaFilename;
    }

    /** A fresh copy each time: the wrapper's callers may modify what they get. */
    public JSONObject resourceSchemaJSONObject() {
        if (schema == null) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(schemaFilename)) {
                if (in == null) {
                    throw new IllegalStateException(schemaFilename + " is not on the classpath");
                }
                schema = new JSONObject(new JSONTokener(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new JSONObject(schema.toString());
    }
}
