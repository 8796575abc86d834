package io.spot.onboarding.accountalias;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.testing.RegistryTypeSchemaTest;
import io.spot.onboarding.testing.ResourceRoleTemplate;
import io.spot.onboarding.testing.SchemaContract;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The schema against the meta-schema and everything cfn would generate from it (see RegistryTypeSchemaTest). */
class AccountAliasSchemaTest extends RegistryTypeSchemaTest {

    AccountAliasSchemaTest() {
        super(
                "spot-onboarding-accountalias.json",
                ResourceModel.class,
                HandlerWrapper.class,
                HandlerWrapperExecutable.class);
    }

    @Test
    void theExecutionRoleMayReadTheAliasAndOnlyCreateAndUpdateAskForIt() {
        assertThat(ResourceRoleTemplate.permissions(schema)).contains(AliasLookupException.PERMISSION);
        final JSONObject handlers = schema.getJSONObject("handlers");
        for (final String handler : handlers.keySet()) {
            assertThat(handlers.getJSONObject(handler)
                            .getJSONArray("permissions")
                            .toList())
                    .as("permissions of %s", handler)
                    .contains("secretsmanager:GetSecretValue")
                    .satisfies(p -> assertThat(p.contains(AliasLookupException.PERMISSION))
                            .isEqualTo(handler.equals("create") || handler.equals("update")));
        }
    }

    @Test
    void theNameRuleIsTheAccountTypesAndTheHandlersApplyTheSame() {
        final JSONObject name = schema.getJSONObject("properties").getJSONObject("Name");
        final JSONObject accountName = SchemaContract.load(
                        java.nio.file.Path.of("../spot-account/spot-onboarding-account.json"))
                .getJSONObject("properties")
                .getJSONObject("Name");

        for (final String rule : new String[] {"minLength", "maxLength", "pattern"}) {
            assertThat(name.get(rule)).as(rule).isEqualTo(accountName.get(rule));
        }
        assertThat(name.getInt("minLength")).isEqualTo(SpotAccountNames.MIN_LENGTH);
        assertThat(name.getInt("maxLength")).isEqualTo(SpotAccountNames.MAX_LENGTH);
        assertThat(name.getString("pattern")).isEqualTo(SpotAccountNames.PATTERN);
    }
}
