package io.spot.onboarding.account;

/** As `cfn init` writes it: the generated BaseConfiguration, told which schema is the type's. */
class Configuration extends BaseConfiguration {

    public Configuration() {
        super("spot-onboarding-account.json");
    }
}
