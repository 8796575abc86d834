package io.spot.onboarding.accountalias;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spot's account-name rule as the handlers apply it before any call. */
class SpotAccountNamesTest {

    @Test
    void acceptsWhatSpotsOwnOnboardingUsesAndTypicalAliases() {
        assertThat(SpotAccountNames.problem("123456789012"))
                .as("digits only, as the StackSet names accounts")
                .isEmpty();
        assertThat(SpotAccountNames.problem("acme-payments-prod")).isEmpty();
        assertThat(SpotAccountNames.problem("Payments prod (EU)")).isEmpty();
        assertThat(SpotAccountNames.problem("x".repeat(SpotAccountNames.MAX_LENGTH)))
                .isEmpty();
    }

    @Test
    void refusesWhatSpotOrTheSchemaWouldRefuseSayingWhy() {
        assertThat(SpotAccountNames.problem("")).contains("is empty");
        assertThat(SpotAccountNames.problem("x".repeat(SpotAccountNames.MAX_LENGTH + 1)))
                .get()
                .asString()
                .contains("101 characters")
                .contains("at most 100");
        assertThat(SpotAccountNames.problem(" padded")).get().asString().contains("space at either end");
        assertThat(SpotAccountNames.problem("line\nbreak")).get().asString().contains("control character");
    }

    @Test
    void countsLengthAsSpotDoesInUtf16Units() {
        final String fiftyOneEmoji = "\uD83D\uDE80".repeat(51);

        assertThat(fiftyOneEmoji.codePointCount(0, fiftyOneEmoji.length())).isLessThan(SpotAccountNames.MAX_LENGTH);
        assertThat(SpotAccountNames.problem(fiftyOneEmoji)).isPresent();
    }
}
