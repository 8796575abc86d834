package io.spot.onboarding.account;

import io.spot.onboarding.common.wrapper.SchemaConfiguration;

class Configuration extends SchemaConfiguration {

    Configuration() {
        super("spot-onboarding-account.json");
    }
}
