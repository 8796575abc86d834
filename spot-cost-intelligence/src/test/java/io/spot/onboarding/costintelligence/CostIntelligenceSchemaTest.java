package io.spot.onboarding.costintelligence;

import io.spot.onboarding.testing.RegistryTypeSchemaTest;

/** The schema against the meta-schema and everything cfn would generate from it (see RegistryTypeSchemaTest). */
class CostIntelligenceSchemaTest extends RegistryTypeSchemaTest {

    CostIntelligenceSchemaTest() {
        super(
                "spot-onboarding-costintelligence.json",
                ResourceModel.class,
                HandlerWrapper.class,
                HandlerWrapperExecutable.class);
    }
}
