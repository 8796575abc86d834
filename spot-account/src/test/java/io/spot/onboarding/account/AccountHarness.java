package io.spot.onboarding.account;

import io.spot.onboarding.harness.HandlerContract;
import io.spot.onboarding.testing.SpotTypeHarness;

/** The Account type under test: its real HandlerWrapper against a fresh emulator. */
final class AccountHarness {
    /** Spot assigns the ID, so a Create throttled before the account exists has none to carry (see docs). */
    static final HandlerContract CONTRACT = new HandlerContract("AccountId", true);

    private AccountHarness() {}

    static SpotTypeHarness start() {
        return new SpotTypeHarness(ResourceModel.TYPE_NAME, HandlerWrapper::new, CONTRACT);
    }
}
