package io.spot.onboarding.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChaosTest {
    private final SpotEmulator emulator =
            SpotEmulator.builder().token("chaosToken").build().start();
    private final SpotHttp http = new SpotHttp(emulator.baseUrl(), "chaosToken");

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Map<String, Integer> outcomes(final int requests) {
        final Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < requests; i++) {
            String outcome;
            try {
                outcome = Integer.toString(http.post("/setup/account", "{\"account\":{\"name\":\"c" + i + "\"}}")
                        .status());
            } catch (UncheckedIOException | IllegalStateException e) {
                outcome = "no answer";
            }
            seen.merge(outcome, 1, Integer::sum);
        }
        return seen;
    }

    @Test
    void everyKindOfFaultStrikesAtRandomAndAnsweredWritesWereApplied() {
        emulator.faults().chaos(0.5, 7);

        final Map<String, Integer> seen = outcomes(200);

        assertThat(seen).containsKeys("200", "429", "503", "no answer");
        final int created = emulator.state().accounts().size() - 1;
        assertThat(created)
                .as("answered creates, plus those whose answer was lost")
                .isGreaterThan(seen.get("200"));
    }

    @Test
    void noChaosNoFault() {
        emulator.faults().chaos(0.5, 7);
        emulator.faults().reset();

        assertThat(outcomes(20)).containsOnlyKeys("200");
    }
}
