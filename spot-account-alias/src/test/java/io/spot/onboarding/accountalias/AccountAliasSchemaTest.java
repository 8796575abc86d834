package io.spot.onboarding.accountalias;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.config.SpotCredentials;
import io.spot.onboarding.common.config.TypeConfigurationModel;
import io.spot.onboarding.testing.ResourceRoleTemplate;
import io.spot.onboarding.testing.SchemaContract;
import io.spot.onboarding.testing.TypeProjectFiles;
import java.nio.file.Path;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The schema is the source of truth: everything cfn would generate from it must agree with it. */
class AccountAliasSchemaTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private final JSONObject schema = SchemaContract.load(MODULE.resolve("spot-onboarding-accountalias.json"));
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
    void theExecutionRoleMayReadTheAliasAndOnlyCreateAndUpdateAskForIt() {
        assertThat(ResourceRoleTemplate.permissions(schema)).contains(AliasLookupException.PERMISSION);
        final JSONObject handlers = schema.getJSONObject("handlers");
        for (final String handler : handlers.keySet()) {
            assertThat(handlers.getJSONObject(handler).getJSONArray("permissions").toList())
                .as("permissions of %s", handler)
                .contains("secretsmanager:GetSecretValue")
                .satisfies(p -> assertThat(p.contains(AliasLookupException.PERMISSION))
                    .isEqualTo(handler.equals("create") || handler.equals("update")));
        }
    }

    /** One naming rule for Spot accounts: this schema's Name, the Account type's Name, and the handlers' check. */
    @Test
    void theNameRuleIsTheAccountTypesAndTheHandlersApplyTheSame() {
        final JSONObject name = schema.getJSONObject("properties").getJSONObject("Name");
        final JSONObject accountName = SchemaContract.load(MODULE.resolve("../spot-account/spot-onboarding-account.json"))
            .getJSONObject("properties").getJSONObject("Name");

        for (final String rule : new String[] {"minLength", "maxLength", "pattern"}) {
            assertThat(name.get(rule)).as(rule).isEqualTo(accountName.get(rule));
        }
        assertThat(name.getInt("minLength")).isEqualTo(SpotAccountNames.MIN_LENGTH);
        assertThat(name.getInt("maxLength")).isEqualTo(SpotAccountNames.MAX_LENGTH);
        assertThat(name.getString("pattern")).isEqualTo(SpotAccountNames.PATTERN);
    }

    @Test
    void theIdentifierPatternIsTheOneTheHandlersCheck() {
        assertThat(schema.getJSONObject("properties").getJSONObject("AccountId").getString("pattern"))
            .isEqualTo("^" + AccountAliasHandler.ACCOUNT_ID_PATTERN + "$");
    }
}
