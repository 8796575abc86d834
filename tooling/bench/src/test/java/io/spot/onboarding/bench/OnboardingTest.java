package io.spot.onboarding.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.emulator.SpotEmulator;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Figures 2 to 4 enroll accounts back to back in one emulator: figure 3 enrolls 125 per operation.
 * Spot's clock must let each enrollment through at once, or a figure would measure the Account
 * Create's wait for Spot's create minute (and a frozen clock would never let it end).
 */
class OnboardingTest {
    private static final int MORE_THAN_A_MINUTES_CREATES = 70;

    @Test
    void enrollsMoreAccountsInARowThanSpotsCreateMinuteAdmits() {
        try (SpotEmulator spot = Onboarding.emulator()) {
            final Onboarding onboarding = new Onboarding(spot);
            final Set<String> spotAccounts = new HashSet<>();
            for (int i = 0; i < MORE_THAN_A_MINUTES_CREATES; i++) {
                spotAccounts.add(onboarding
                        .enroll(String.format("8%011d", i))
                        .get(Onboarding.Type.ACCOUNT)
                        .get("AccountId")
                        .asText());
            }

            assertThat(spotAccounts).hasSize(MORE_THAN_A_MINUTES_CREATES);
            assertThat(spot.requestCount("POST", "/setup/account")).isEqualTo(MORE_THAN_A_MINUTES_CREATES);
        }
    }
}
