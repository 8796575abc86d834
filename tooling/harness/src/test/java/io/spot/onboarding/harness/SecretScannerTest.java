package io.spot.onboarding.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The scanner every behaviour test relies on must actually catch a leak, and must not repeat it. */
class SecretScannerTest {

    @Test
    void catchesATokenAnywhereInTheTextWithoutPrintingIt() {
        final SecretScanner scanner = new SecretScanner("leakyToken123");

        assertThatThrownBy(() -> scanner.scan("{\"message\":\"Bearer leakyToken123 rejected\"}", "a response"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a response")
                .hasMessageNotContaining("leakyToken123");
    }

    @Test
    void passesCleanTextAndCountsWhatItScanned() {
        final SecretScanner scanner = new SecretScanner("leakyToken123");

        scanner.scan("Bearer ***", "a log line");
        scanner.scan(null, "nothing");

        assertThat(scanner.scannedCount()).isEqualTo(2);
    }
}
