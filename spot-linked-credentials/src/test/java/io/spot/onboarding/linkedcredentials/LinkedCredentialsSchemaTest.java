package io.spot.onboarding.linkedcredentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.config.SpotCredentials;
import io.spot.onboarding.common.config.TypeConfigurationModel;
import io.spot.onboarding.testing.SchemaContract;
import io.spot.onboarding.testing.TypeProjectFiles;
import java.nio.file.Path;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The schema is the source of truth: everything cfn would generate from it must agree with it. */
class LinkedCredentialsSchemaTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private final JSONObject schema = SchemaContract.load(MODULE.resolve("spot-onboarding-linkedcredentials.json"));

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
    void theHandlersCheckTheSamePatternsAsTheSchema() {
        final JSONObject properties = schema.getJSONObject("properties");
        assertThat(properties.getJSONObject("RoleArn").getString("pattern"))
            .isEqualTo(RoleArn.PATTERN.replace("([0-9]{12})", "[0-9]{12}"));
        assertThat(properties.getJSONObject("AccountId").getString("pattern"))
            .isEqualTo("^" + LinkedCredentialsHandler.ACCOUNT_ID_PATTERN + "$");
    }

    @Test
    void theProjectFilesCfnWouldWriteAgreeWithTheSchema() {
        new TypeProjectFiles(MODULE, schema).assertAllAgree(HandlerWrapper.class, HandlerWrapperExecutable.class);
    }
}
