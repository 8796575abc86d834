package io.spot.onboarding.common.wrapper;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.handler.TypeSchema;
import java.util.List;
import java.util.Set;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.cloudformation.resource.ResourceTypeSchema;

/** The removal must leave exactly what the plugin's own removal leaves, for every form of pointer. */
class WriteOnlyPropertiesTest {
    private static final JSONObject SCHEMA = new JSONObject("""
            {"typeName": "Spot::Test::Thing", "description": "a test type",
             "additionalProperties": false,
             "properties": {
               "Id": {"type": "string"},
               "Secret": {"type": "string"},
               "Kept": {"type": "string"},
               "Nested": {"type": "object", "additionalProperties": false,
                          "properties": {"Inner": {"type": "string"}, "Other": {"type": "string"}}},
               "Scalar": {"type": "string"}
             },
             "primaryIdentifier": ["/properties/Id"],
             "readOnlyProperties": ["/properties/Id"],
             "writeOnlyProperties": ["/properties/Secret", "/properties/Nested/Inner", "/properties/Missing/Inner"],
             "handlers": {"read": {"permissions": []}}}
            """);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"Id\":\"x\",\"Secret\":\"s\",\"Kept\":\"k\",\"Nested\":{\"Inner\":\"i\",\"Other\":\"o\"},\"Scalar\":\"v\"}",
                "{\"Id\":\"x\",\"Kept\":\"k\"}",
                "{\"Id\":\"x\",\"Nested\":{\"Other\":\"o\"}}",
                "{}"
            })
    void removesWhatThePluginRemoves(final String model) {
        final JSONObject plugins = new JSONObject(model);
        ResourceTypeSchema.load(SCHEMA).removeWriteOnlyProperties(plugins);
        final JSONObject ours = new JSONObject(model);

        WriteOnlyProperties.removeFrom(ours, writeOnly(SCHEMA));

        assertThat(ours.similar(plugins))
                .as("ours %s, the plugin's %s", ours, plugins)
                .isTrue();
        assertThat(ours.has("Secret")).isFalse();
    }

    /** Where the plugin's removal throws a ClassCastException and fails the invocation. */
    @Test
    void aPointerThroughAValueThatIsNoObjectRemovesNothing() {
        final JSONObject schema = new JSONObject(SCHEMA.toString());
        schema.put("writeOnlyProperties", new org.json.JSONArray(List.of("/properties/Scalar/Deeper")));
        final JSONObject model = new JSONObject("{\"Id\":\"x\",\"Scalar\":\"v\"}");

        WriteOnlyProperties.removeFrom(model, writeOnly(schema));

        assertThat(model.similar(new JSONObject("{\"Id\":\"x\",\"Scalar\":\"v\"}")))
                .isTrue();
    }

    @Test
    void aSchemaWithoutWriteOnlyPropertiesRemovesNothing() {
        final String model = "{\"Id\":\"x\",\"Secret\":\"s\"}";
        final JSONObject json = new JSONObject(model);
        final JSONObject schema = new JSONObject(SCHEMA.toString());
        schema.remove("writeOnlyProperties");

        WriteOnlyProperties.removeFrom(json, writeOnly(schema));

        assertThat(json.similar(new JSONObject(model))).isTrue();
    }

    /** As the wrapper reads them: through the type's schema. */
    private static Set<String> writeOnly(final JSONObject schema) {
        return new TypeSchema(() -> schema).writeOnlyProperties();
    }
}
