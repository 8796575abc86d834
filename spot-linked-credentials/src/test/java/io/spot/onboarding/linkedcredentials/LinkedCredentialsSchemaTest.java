package io.spot.onboarding.linkedcredentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.testing.RegistryTypeSchemaTest;
import org.junit.jupiter.api.Test;

/** The schema against the meta-schema and everything cfn would generate from it (see RegistryTypeSchemaTest). */
class LinkedCredentialsSchemaTest extends RegistryTypeSchemaTest {

    LinkedCredentialsSchemaTest() {
        super(
                "spot-onboarding-linkedcredentials.json",
                ResourceModel.class,
                HandlerWrapper.class,
                HandlerWrapperExecutable.class);
    }

    @Test
    void theHandlersCheckTheRoleArnPatternOfTheSchema() {
        assertThat(schema.getJSONObject("properties").getJSONObject("RoleArn").getString("pattern"))
                .isEqualTo(RoleArn.PATTERN.replace("([0-9]{12})", "[0-9]{12}"));
    }
}
