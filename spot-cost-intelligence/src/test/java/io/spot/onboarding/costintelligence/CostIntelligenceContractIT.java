package io.spot.onboarding.costintelligence;

import io.spot.onboarding.testing.cfn.CfnContractTest;

/** `cfn test` in this type folder, against the packaged jar (see CfnContractTest); run by failsafe after packaging. */
class CostIntelligenceContractIT extends CfnContractTest {}
