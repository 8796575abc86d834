package io.spot.onboarding.common.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.api.RouteWindow;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirstWriteSpreadTest {
    /** Jitter at its upper bound, so the spread itself is what the test sees. */
    private final FirstWriteSpread spread = new FirstWriteSpread(bound -> bound);

    @Test
    void aQuietRouteOrNoHeadersMeansWriteNow() {
        assertThat(spread.delaySeconds(Optional.empty())).isEmpty();
        assertThat(spread.delaySeconds(Optional.of(new RouteWindow(600, 600 - 60, 0))))
                .isEmpty();
    }

    @Test
    void aCrowdIsSpreadHalfASecondPerCountedCall() {
        assertThat(spread.delaySeconds(Optional.of(new RouteWindow(600, 600 - 62, 0))))
                .hasValue(31);
        assertThat(spread.delaySeconds(Optional.of(new RouteWindow(600, 100, 0))))
                .hasValue(250);
    }

    @Test
    void neverLongerThanOneCallback() {
        assertThat(spread.delaySeconds(Optional.of(new RouteWindow(5000, 0, 12))))
                .hasValue(600);
    }
}
