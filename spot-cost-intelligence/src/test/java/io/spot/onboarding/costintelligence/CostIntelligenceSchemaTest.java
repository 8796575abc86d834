package io.spot.onboarding.costintelligence;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.config.SpotCredentials;
import io.spot.onboarding.common.config.TypeConfigurationModel;
import io.spot.onboarding.common.handler.Ownership;
import io.spot.onboarding.testing.SchemaContract;
import io.spot.onboarding.testing.TypeProjectFiles;
import java.nio.file.Path;
import java.util.Arrays;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The schema is the source of truth: everything cfn would generate from it must agree with it. */
class CostIntelligenceSchemaTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private final JSONObject schema = SchemaContract.load(MODULE.resolve("spot-onboarding-costintelligence.json"));
    private final TypeProjectFiles files = new TypeProjectFiles(MODULE, schema);

    @Test
    void theSchemaIsValidAgainstTheRegistryMetaSchema() {
        SchemaContract.assertValidResourceSchema(schema);
    }

    @Test
    void theModelClassesAgreeWithTheSchema() {
        assertThat(ResourceModel.TYPE_NAME).isEqualTo(schema.getString("typeName"));
        assertThat(ResourceModel.IDENTIFIER_KEY_ACCOUNTID).isEqualTo("/properties/AccountId");
        SchemaContract.assertModelAgrees(ResourceModel.class, schema.getJSONObject("properties"));
        SchemaContract.assertModelAgrees(TypeConfigurationModel.class,
            schema.getJSONObject("typeConfiguration").getJSONObject("properties"));
        SchemaContract.assertModelAgrees(SpotCredentials.class, schema.getJSONObject("typeConfiguration")
            .getJSONObject("properties").getJSONObject("SpotCredentials").getJSONObject("properties"));
    }

    @Test
    void theProjectFilesCfnWouldWriteAgreeWithTheSchema() {
        files.assertAllAgree(HandlerWrapper.class, HandlerWrapperExecutable.class);
    }

    @Test
    void accountOwnershipAcceptsExactlyWhatTheAccountTypeReportsAsOwnership() {
        assertThat(schema.getJSONObject("properties").getJSONObject("AccountOwnership").getJSONArray("enum").toList())
            .containsExactlyElementsOf(Arrays.stream(Ownership.values()).map(Ownership::value).toList());
    }
}
