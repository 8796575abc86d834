package io.spot.onboarding.accountalias;

import io.spot.onboarding.testing.cfn.CfnContractTest;

/** `cfn test` in this type folder, against the packaged jar (see CfnContractTest); run by failsafe after packaging. */
class AccountAliasContractIT extends CfnContractTest {}
