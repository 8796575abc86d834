package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.wrapper.SchemaConfiguration;

class Configuration extends SchemaConfiguration {

    Configuration() {
        super("spot-onboarding-linkedcredentials.json");
    }
}
