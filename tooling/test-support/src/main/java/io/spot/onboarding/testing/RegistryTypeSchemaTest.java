package io.spot.onboarding.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.handler.Ownership;
import io.spot.onboarding.common.handler.SpotResourceHandler;
import io.spot.onboarding.common.wrapper.RegistryLambdaWrapper;
import java.nio.file.Path;
import java.util.Arrays;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The schema is the source of truth: every type's schema test extends this, so each checks that
 * the schema is valid for the registry, that what {@code cfn generate} wrote from it in the build is
 * what is committed and is not copied by hand, and that the other cfn project files agree with it.
 */
public abstract class RegistryTypeSchemaTest {
    protected final JSONObject schema;
    private final Class<?> model;
    private final Class<?> lambdaEntry;
    private final Class<?> executableEntry;

    protected RegistryTypeSchemaTest(
            final String schemaFile, final Class<?> model, final Class<?> lambdaEntry, final Class<?> executableEntry) {
        this.schema = SchemaContract.load(Path.of("").toAbsolutePath().resolve(schemaFile));
        this.model = model;
        this.lambdaEntry = lambdaEntry;
        this.executableEntry = executableEntry;
    }

    @Test
    void theSchemaIsValidAgainstTheRegistryMetaSchema() {
        SchemaContract.assertValidResourceSchema(schema);
    }

    @Test
    void theModelClassesAreWhatCfnGenerates() throws ReflectiveOperationException {
        assertThat(model.getField("TYPE_NAME").get(null)).isEqualTo(schema.getString("typeName"));
        files().assertGeneratedCodeIsNotCopied(lambdaEntry);
    }

    /** The generated wrapper is left uncompiled: the type's own, with the departures RegistryLambdaWrapper gives, is what runs. */
    @Test
    void theEntryPointsAreTheProjectsWrapperNotTheGeneratedOne() {
        assertThat(lambdaEntry.getSuperclass()).isEqualTo(RegistryLambdaWrapper.class);
        assertThat(executableEntry.getSuperclass()).isEqualTo(Object.class);
    }

    @Test
    void cfnGenerateChangedNoCommittedFile() {
        files().assertCfnGenerateChangedNothing();
    }

    @Test
    void theProjectFilesAgreeWithTheSchema() {
        files().assertAllAgree(lambdaEntry, executableEntry);
    }

    private TypeProjectFiles files() {
        return new TypeProjectFiles(Path.of("").toAbsolutePath(), schema);
    }

    @Test
    void accountIdsHaveTheShapeTheHandlersCheck() {
        assertThat(schema.getJSONArray("primaryIdentifier").toList()).containsExactly("/properties/AccountId");
        assertThat(schema.getJSONObject("properties").getJSONObject("AccountId").getString("pattern"))
                .isEqualTo("^" + SpotResourceHandler.ACCOUNT_ID_PATTERN + "$");
    }

    @Test
    void accountOwnershipAcceptsExactlyWhatTheAccountTypeReports() {
        final JSONObject properties = schema.getJSONObject("properties");
        final String name = properties.has("AccountOwnership") ? "AccountOwnership" : "Ownership";
        assertThat(properties.getJSONObject(name).getJSONArray("enum").toList())
                .containsExactlyElementsOf(
                        Arrays.stream(Ownership.values()).map(Ownership::value).toList());
    }
}
