package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.wrapper.SchemaConfiguration;

class Configuration extends SchemaConfiguration {

    Configuration() {
        super("spot-onboarding-costintelligence.json");
    }
}
