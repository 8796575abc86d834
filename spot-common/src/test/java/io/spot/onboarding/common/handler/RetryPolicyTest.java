package io.spot.onboarding.common.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.api.SpotNetworkException;
import io.spot.onboarding.common.api.SpotRateLimitException;
import io.spot.onboarding.common.api.SpotServerException;
import io.spot.onboarding.common.api.SpotValidationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    /** Jitter fixed at its upper bound, so each delay is exact. */
    private final RetryPolicy policy = new RetryPolicy(bound -> bound);

    private static SpotRateLimitException throttled(final Long reset) {
        return new SpotRateLimitException("GET /setup/account", "id", reset, "Rate limit exceeded");
    }

    @Test
    void neverCallsAgainBeforeTheResetSpotAnnounced() {
        final SpotCallbackContext context = new SpotCallbackContext();

        assertThat(policy.nextDelaySeconds(throttled(45L), context)).hasValue(45 + RetryPolicy.SPREAD * 45);
        assertThat(context.getThrottleRetries()).isEqualTo(1);
    }

    @Test
    void backsOffExponentiallyWithoutAResetAndStopsAfterTheBound() {
        final SpotCallbackContext context = new SpotCallbackContext();
        final List<Integer> delays = new ArrayList<>();
        OptionalInt delay;
        while ((delay = policy.nextDelaySeconds(throttled(null), context)).isPresent()) {
            delays.add(delay.getAsInt());
        }

        assertThat(delays).startsWith(2 + 8, 4 + 16, 8 + 32, 16 + 64, 32 + 128, 64 + 256)
            .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(RetryPolicy.MAX_DELAY_SECONDS));
        assertThat(delays.stream().mapToInt(Integer::intValue).sum()).isBetween(RetryPolicy.MAX_THROTTLE_WAIT_SECONDS,
            RetryPolicy.MAX_THROTTLE_WAIT_SECONDS + 600);
        assertThat(context.getThrottleWaitSeconds()).isEqualTo(delays.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void transientFailuresWaitFiveTenTwentyThenGiveUp() {
        final SpotCallbackContext context = new SpotCallbackContext();
        final SpotServerException error = new SpotServerException("PUT /x", 503, null, null, "Service Unavailable");
        final SpotNetworkException lost = new SpotNetworkException("POST /x", new IOException("reset"));

        assertThat(policy.nextDelaySeconds(error, context)).hasValue(5);
        assertThat(policy.nextDelaySeconds(lost, context)).hasValue(10);
        assertThat(policy.nextDelaySeconds(error, context)).hasValue(20);
        assertThat(policy.nextDelaySeconds(error, context)).isEmpty();
        assertThat(context.getThrottleRetries()).isZero();
    }

    @Test
    void aRefusalIsNeverRetried() {
        final SpotCallbackContext context = new SpotCallbackContext();

        assertThat(policy.nextDelaySeconds(new SpotValidationException("POST /x", 400, null, null, "bad"), context))
            .isEmpty();
        assertThat(context.getTransientRetries()).isZero();
    }

    @Test
    void theDelayStaysWithinWhatCloudFormationAccepts() {
        final SpotCallbackContext context = new SpotCallbackContext();

        assertThat(policy.nextDelaySeconds(throttled(100_000L), context).getAsInt()).isLessThanOrEqualTo(600);
    }
}
