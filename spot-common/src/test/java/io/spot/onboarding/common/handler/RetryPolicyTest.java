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
    void withoutAResetWaitsSpotsWindowThenBacksOffExponentiallyAndStopsAfterTheBound() {
        final SpotCallbackContext context = new SpotCallbackContext();
        final List<Integer> delays = new ArrayList<>();
        final List<Integer> owed = new ArrayList<>();
        OptionalInt delay;
        while ((delay = policy.nextDelaySeconds(throttled(null), context)).isPresent()) {
            delays.add(delay.getAsInt());
            owed.add(context.getOwedWaitSeconds());
            waitOut(context, delay.getAsInt());
        }

        assertThat(delays)
                .as("the 60 s window Spot documents, until the exponential back-off passes it")
                .startsWith(60 + 240, 60 + 240, 60 + 240, 60 + 240, 60 + 240, 64 + 256, 128 + 472)
                .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(RetryPolicy.MAX_DELAY_SECONDS));
        final int total = delays.stream().mapToInt(Integer::intValue).sum()
                + owed.stream().mapToInt(Integer::intValue).sum();
        assertThat(total).as("the whole budget, no more").isEqualTo(WaitBudget.MAX_WAIT_SECONDS);
    }

    @Test
    void waitsOfAnyOtherKindComeOutOfTheSameBudget() {
        final SpotCallbackContext context = new SpotCallbackContext();
        context.setWaitedSeconds(WaitBudget.MAX_WAIT_SECONDS - 100);

        assertThat(policy.nextDelaySeconds(throttled(45L), context)).hasValue(100);
        waitOut(context, 100);
        assertThat(policy.nextDelaySeconds(throttled(45L), context)).isEmpty();
    }

    /** What the invoker does across callbacks: the wait now and what it owes are waited out and counted. */
    private static void waitOut(final SpotCallbackContext context, final int now) {
        context.setWaitedSeconds(context.getWaitedSeconds() + now + context.getOwedWaitSeconds());
        context.setOwedWaitSeconds(0);
    }

    /**
     * The whole wait of each of {@code refusals} 429s of one operation (Spot's reset 30 s), checking that each
     * callback waits at most 600 s of it and the rest is owed.
     */
    private List<Integer> waitsOfRefusals(final int refusals) {
        final SpotCallbackContext context = new SpotCallbackContext();
        final List<Integer> waits = new ArrayList<>();
        for (int i = 0; i < refusals; i++) {
            final int now = policy.nextDelaySeconds(throttled(30L), context).getAsInt();
            final int wait = now + context.getOwedWaitSeconds();
            waits.add(wait);
            assertThat(now).isEqualTo(Math.min(RetryPolicy.MAX_DELAY_SECONDS, wait));
            waitOut(context, now);
        }
        return waits;
    }

    @Test
    void afterManyRefusalsTheWaitGrowsPastOneCallbackAndTheRestIsOwed() {
        final List<Integer> waits = waitsOfRefusals(RetryPolicy.GROWTH_AFTER + 3);

        assertThat(waits.subList(0, RetryPolicy.GROWTH_AFTER))
                .allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(600));
        assertThat(waits.subList(RetryPolicy.GROWTH_AFTER, waits.size()))
                .as("600 s * 1.5^k - 600 s more each time")
                .containsExactly(600 + 300, 600 + 750, 600 + 1425);
    }

    @Test
    void theGrownShareStopsAtAnHourSoNoCallerWaitsOutACrowdLongGone() {
        final List<Integer> waits = waitsOfRefusals(RetryPolicy.GROWTH_AFTER + 12);

        assertThat(waits).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(600 + RetryPolicy.MAX_GROWN_SHARE_SECONDS));
        assertThat(waits.subList(RetryPolicy.GROWTH_AFTER + 4, waits.size()))
                .as("600 s * (1.5^k - 1) passed the hour at k = 5")
                .containsOnly(600 + RetryPolicy.MAX_GROWN_SHARE_SECONDS);
        assertThat(waits.get(RetryPolicy.GROWTH_AFTER + 3)).isLessThan(600 + RetryPolicy.MAX_GROWN_SHARE_SECONDS);
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

        assertThat(policy.nextDelaySeconds(throttled(100_000L), context).getAsInt())
                .isLessThanOrEqualTo(600);
    }
}
