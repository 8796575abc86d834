package io.spot.onboarding.accountalias;

/** As `cfn init` writes it: the generated BaseConfiguration, told which schema is the type's. */
class Configuration extends BaseConfiguration {

    public Configuration() {
        super("spot-onboarding-accountalias.json");
    }
}
