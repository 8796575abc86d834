package io.spot.onboarding.common.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.api.AccountListing;
import io.spot.onboarding.common.api.RouteWindow;
import io.spot.onboarding.common.api.SpotAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CreateWindowTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00.000Z");
    private static final Optional<RouteWindow> QUIET_READS = Optional.of(new RouteWindow(600, 598, 0));

    /** Jitter at its upper bound, so the test sees the whole wait. */
    private final CreateWindow window = new CreateWindow(bound -> bound);

    /** {@code count} accounts created {@code secondsAgo}, {@code secondsAgo + 1}, ... seconds before NOW. */
    private static List<SpotAccount> createdAgo(final int count, final int secondsAgo) {
        return IntStream.range(0, count)
                .mapToObj(i -> account("act-" + secondsAgo + "-" + i, NOW.minusSeconds(secondsAgo + i)))
                .toList();
    }

    private static SpotAccount account(final String id, final Instant createdAt) {
        return new SpotAccount(id, id, "606079861234", null, "aws", createdAt);
    }

    @Test
    void roomInTheMinuteMeansCreateNow() {
        final AccountListing listing = new AccountListing(createdAgo(54, 1), NOW);

        assertThat(window.delay(listing, QUIET_READS)).isEmpty();
    }

    @Test
    void accountsOlderThanAMinuteDoNotCount() {
        final List<SpotAccount> accounts = new ArrayList<>(createdAgo(54, 1));
        accounts.addAll(createdAgo(500, 60));

        assertThat(window.delay(new AccountListing(accounts, NOW), QUIET_READS)).isEmpty();
    }

    @Test
    void aFullMinuteWaitsUntilTheOldestCreateAgesOutPlusAShareOfTheCrowd() {
        // 55 created 1..55 s ago: the oldest (55 s ago) leaves the window in 5 s.
        final AccountListing listing = new AccountListing(createdAgo(55, 1), NOW);

        assertThat(window.delay(listing, Optional.of(new RouteWindow(600, 600 - 40, 0))))
                .as("5 s until room, plus up to half a second per read of the crowd (40)")
                .hasValue(new CreateWindow.Wait(5 + 20, 55));
    }

    @Test
    void theFullerTheMinuteTheMoreCreatesMustAgeOut() {
        // 60 created 1..60 s ago (the oldest is just outside the window: 59 count): 5 must age out for room,
        // and the fifth oldest of those in the window (created 55 s ago) leaves in 5 s.
        final AccountListing listing = new AccountListing(createdAgo(60, 1), NOW);

        assertThat(window.delay(listing, QUIET_READS)).hasValue(new CreateWindow.Wait(5 + 1, 59));
    }

    @Test
    void neverLongerThanOneCallback() {
        final AccountListing listing = new AccountListing(createdAgo(59, 1), NOW);

        assertThat(window.delay(listing, Optional.of(new RouteWindow(5000, 0, 30))))
                .map(CreateWindow.Wait::seconds)
                .hasValue(RetryPolicy.MAX_DELAY_SECONDS);
    }

    @Test
    void withoutSpotsClockOrCreationTimesTheCreateGoesAhead() {
        assertThat(window.delay(new AccountListing(createdAgo(100, 1), null), QUIET_READS))
                .isEmpty();
        final List<SpotAccount> undated =
                IntStream.range(0, 100).mapToObj(i -> account("act-" + i, null)).toList();
        assertThat(window.delay(new AccountListing(undated, NOW), QUIET_READS)).isEmpty();
    }
}
