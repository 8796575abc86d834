package io.spot.onboarding.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.json.JSONObject;
import software.amazon.cloudformation.resource.Validator;

/**
 * The files {@code cfn init} and {@code cfn generate} keep beside a type's schema, checked against
 * it: {@code .rpdk-config}, {@code resource-role.yaml}, {@code template.yml}, {@code docs/README.md},
 * {@code inputs/}, and the shared {@code build/configuration-schema.json}. Written by hand here
 * since the cfn CLI cannot be installed, so a test is what keeps them honest.
 */
public final class TypeProjectFiles {
    private final Path module;
    private final JSONObject schema;

    public TypeProjectFiles(final Path module, final JSONObject schema) {
        this.module = module;
        this.schema = schema;
    }

    public void assertAllAgree(final Class<?> lambdaEntry, final Class<?> executableEntry) {
        assertRpdkConfig(lambdaEntry, executableEntry);
        assertThat(read("resource-role.yaml")).as("resource-role.yaml, as cfn generates it from the handlers' "
            + "permissions").isEqualTo(ResourceRoleTemplate.render(schema));
        assertSamTemplate(lambdaEntry);
        assertDocs();
        assertInputs();
        assertThat(new JSONObject(read("../build/configuration-schema.json")).similar(schema.getJSONObject(
            "typeConfiguration"))).as("build/configuration-schema.json equals the schema's typeConfiguration").isTrue();
    }

    private void assertRpdkConfig(final Class<?> lambdaEntry, final Class<?> executableEntry) {
        final JSONObject config = new JSONObject(read(".rpdk-config"));
        assertThat(config.getString("typeName")).isEqualTo(schema.getString("typeName"));
        assertThat(config.getString("entrypoint")).isEqualTo(lambdaEntry.getName() + "::handleRequest");
        assertThat(config.getString("testEntrypoint")).isEqualTo(lambdaEntry.getName() + "::testEntrypoint");
        assertThat(config.getString("executableEntrypoint")).isEqualTo(executableEntry.getName());
        assertThat(String.join(".", config.getJSONObject("settings").getJSONArray("namespace").toList().stream()
            .map(Object::toString).toList())).isEqualTo(lambdaEntry.getPackageName());
    }

    private void assertSamTemplate(final Class<?> lambdaEntry) {
        final String template = read("template.yml");
        assertThat(template).contains("Handler: " + lambdaEntry.getName() + "::handleRequest")
            .contains("Handler: " + lambdaEntry.getName() + "::testEntrypoint")
            .contains("Runtime: java17")
            .contains("CodeUri: ./target/" + module.getFileName() + "-1.0.0-SNAPSHOT-handler.jar");
    }

    private void assertDocs() {
        final String docs = read("docs/README.md");
        final String generated = SchemaDocs.render(schema);
        assertThat(docs.substring(0, Math.min(docs.length(), docs.indexOf(SchemaDocs.END_MARKER)
            + SchemaDocs.END_MARKER.length() + 1))).as("docs/README.md up to the end marker, as generated from the "
            + "schema (regenerate with SchemaDocs.render)").isEqualTo(generated);
    }

    /** cfn test's inputs: create and update must satisfy the schema, invalid must not. */
    private void assertInputs() {
        final Validator validator = new Validator();
        for (final String kind : List.of("create", "update")) {
            validator.validateObject(new JSONObject(read("inputs/inputs_1_" + kind + ".json")), schema);
        }
        final JSONObject invalid = new JSONObject(read("inputs/inputs_1_invalid.json"));
        assertThat(catchValidation(() -> validator.validateObject(invalid, schema)))
            .as("inputs_1_invalid.json must break the schema").isTrue();
    }

    private static boolean catchValidation(final Runnable check) {
        try {
            check.run();
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    private String read(final String relative) {
        try {
            return Files.readString(module.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("missing " + relative + " in " + module, e);
        }
    }
}
