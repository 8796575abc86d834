package io.spot.onboarding.accountalias;

import io.spot.onboarding.common.wrapper.SchemaConfiguration;

class Configuration extends SchemaConfiguration {

    Configuration() {
        super("spot-onboarding-accountalias.json");
    }
}
