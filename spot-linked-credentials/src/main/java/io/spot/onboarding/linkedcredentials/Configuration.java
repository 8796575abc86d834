package io.spot.onboarding.linkedcredentials;

/** As `cfn init` writes it: the generated BaseConfiguration, told which schema is the type's. */
class Configuration extends BaseConfiguration {

    public Configuration() {
        super("spot-onboarding-linkedcredentials.json");
    }
}
