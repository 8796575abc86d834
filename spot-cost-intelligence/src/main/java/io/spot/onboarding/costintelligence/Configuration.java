package io.spot.onboarding.costintelligence;

/** As `cfn init` writes it: the generated BaseConfiguration, told which schema is the type's. */
class Configuration extends BaseConfiguration {

    public Configuration() {
        super("spot-onboarding-costintelligence.json");
    }
}
