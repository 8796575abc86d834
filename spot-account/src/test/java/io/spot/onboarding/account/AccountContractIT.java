package io.spot.onboarding.account;

import io.spot.onboarding.testing.cfn.CfnContractTest;

/** `cfn test` in this type folder, against the packaged jar (see CfnContractTest); run by failsafe after packaging. */
class AccountContractIT extends CfnContractTest {}
