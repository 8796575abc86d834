package io.spot.onboarding.account;

import io.spot.onboarding.testing.RegistryTypeSchemaTest;

/** The schema against the meta-schema and everything cfn would generate from it (see RegistryTypeSchemaTest). */
class AccountSchemaTest extends RegistryTypeSchemaTest {

    AccountSchemaTest() {
        super(
                "spot-onboarding-account.json",
                ResourceModel.class,
                HandlerWrapper.class,
                HandlerWrapperExecutable.class);
    }
}
