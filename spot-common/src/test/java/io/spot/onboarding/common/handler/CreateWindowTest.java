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

        assertThat(window.delay(listing, QUIET_READS, false)).isEmpty();
    }

    @Test
    void accountsOlderThanAMinuteDoNotCount() {
        final List<SpotAccount> accounts = new ArrayList<>(createdAgo(54, 1));
        accounts.addAll(createdAgo(500, 60));

        assertThat(window.delay(new AccountListing(accounts, NOW), QUIET_READS, false))
                .isEmpty();
    }

    @Test
    void aFullMinuteWaitsUntilTheOldestCreateAgesOutPlusAShareOfTheCrowd() {
        // 55 created 1..55 s ago: the oldest (55 s ago) leaves the window in 5 s.
        final AccountListing listing = new AccountListing(createdAgo(55, 1), NOW);

        assertThat(window.delay(listing, Optional.of(new RouteWindow(600, 600 - 40, 0)), false))
                .as("5 s until room, plus up to half a second per read of the crowd (40)")
                .hasValue(new CreateWindow.Wait(5 + 20, 55, 0));
    }

    @Test
    void theFullerTheMinuteTheMoreCreatesMustAgeOut() {
        // 60 created 1..60 s ago (the oldest is just outside the window: 59 count): 5 must age out for room,
        // and the fifth oldest of those in the window (created 55 s ago) leaves in 5 s.
        final AccountListing listing = new AccountListing(createdAgo(60, 1), NOW);

        assertThat(window.delay(listing, QUIET_READS, false)).hasValue(new CreateWindow.Wait(5 + 1, 59, 0));
    }

    @Test
    void moreReadersASecondThanRoomAndHeadroomDrawForItAndTheLosersWaitTheirShareOfTheCrowd() {
        // Room for 2 more, and the headroom's 5: 7 creates a second. 600 reads of the listing in the last
        // minute are 10 a second.
        final AccountListing listing = new AccountListing(createdAgo(53, 1), NOW);
        final Optional<RouteWindow> crowd = Optional.of(new RouteWindow(600, 0, 30));

        assertThat(new CreateWindow(bound -> 7).delay(listing, crowd, false))
                .as("a draw of 7 of 10 is within room and headroom")
                .isEmpty();
        assertThat(new CreateWindow(bound -> bound == 10 ? 8 : bound).delay(listing, crowd, false))
                .as("a draw of 8 of 10 is not: it waits up to half a second per reader, with no room to wait for")
                .hasValue(new CreateWindow.Wait(300, 53, 2));
    }

    @Test
    void theDrawGivesRoomAndHeadroomOverReadersAChance() {
        // Room for 1 more and the headroom's 5, among 20 readers a second: 30%.
        final AccountListing listing = new AccountListing(createdAgo(54, 1), NOW);
        final Optional<RouteWindow> crowd = Optional.of(new RouteWindow(1200, 0, 30));

        assertThat(createsIn10000Draws(listing, crowd, false))
                .as("30%% of 10,000")
                .isBetween(2_700L, 3_300L);
    }

    @Test
    void noMoreReadersASecondThanRoomAndHeadroomAllCreate() {
        final AccountListing listing = new AccountListing(createdAgo(54, 1), NOW);

        assertThat(window.delay(listing, Optional.of(new RouteWindow(600, 240, 30)), false))
                .as("360 reads a minute are 6 a second: room for 1, and the headroom's 5")
                .isEmpty();
    }

    @Test
    void aCreateSpotRefusedBeforeDrawsForTheListingsRoomAtFortyEightAMinuteAmongAllReaders() {
        // The listing shows room for 50, but Spot refused this Create: refused creates never show in it.
        final AccountListing listing = new AccountListing(createdAgo(5, 1), NOW);
        final Optional<RouteWindow> crowd = Optional.of(new RouteWindow(600, 360, 30));

        assertThat(new CreateWindow(bound -> bound == 240 ? 48 : bound).delay(listing, crowd, true))
                .as("a draw of 48 of the 240 readers a minute creates")
                .isEmpty();
        assertThat(new CreateWindow(bound -> bound == 240 ? 49 : bound).delay(listing, crowd, true))
                .as("a draw of 49 waits its share of the crowd, however much room the listing shows")
                .hasValue(new CreateWindow.Wait(120, 5, 50, true));
        assertThat(new CreateWindow(bound -> bound == 240 ? 49 : bound).delay(listing, crowd, false))
                .as("a Create Spot never refused takes the room: 4 readers a second fit in it")
                .isEmpty();
    }

    @Test
    void createsSpotRefusedBeforeSendFortyEightAMinuteTogether() {
        final AccountListing listing = new AccountListing(createdAgo(5, 1), NOW);
        final Optional<RouteWindow> crowd = Optional.of(new RouteWindow(600, 0, 30));

        assertThat(createsIn10000Draws(listing, crowd, true))
                .as("48 of 600 readers a minute: 8%% of 10,000")
                .isBetween(650L, 950L);
    }

    /** How many of 10,000 Creates reading the same listing, with real randomness, create now. */
    private static long createsIn10000Draws(
            final AccountListing listing, final Optional<RouteWindow> crowd, final boolean refusedBefore) {
        final CreateWindow random = new CreateWindow();
        return IntStream.range(0, 10_000)
                .filter(i -> random.delay(listing, crowd, refusedBefore).isEmpty())
                .count();
    }

    @Test
    void aCreateSpotRefusedBeforeAmongFewReadersCreatesWhenTheListingShowsRoom() {
        final AccountListing listing = new AccountListing(createdAgo(5, 1), NOW);

        assertThat(new CreateWindow(bound -> bound).delay(listing, Optional.of(new RouteWindow(600, 552, 30)), true))
                .as("48 reads a minute: fewer readers than the pace")
                .isEmpty();
        assertThat(new CreateWindow(bound -> bound)
                        .delay(new AccountListing(createdAgo(55, 1), NOW), QUIET_READS, true))
                .as("a full minute waits for room as for any Create")
                .hasValue(new CreateWindow.Wait(5 + 1, 55, 0));
    }

    @Test
    void theWaitSaysWhy() {
        assertThat(new CreateWindow.Wait(30, 55, 0).reason())
                .isEqualTo(
                        "Spot created 55 accounts in the last minute, as many as its create route is assumed to admit");
        assertThat(new CreateWindow.Wait(30, 53, 2).reason())
                .isEqualTo("Spot created 53 accounts in the last minute, leaving room for 2 more, fewer than the "
                        + "handlers reading the organization each second: this one drew a wait");
        assertThat(new CreateWindow.Wait(30, 5, 50, true).reason())
                .isEqualTo("Spot refused this resource's create before while the organization listing showed room "
                        + "(refused creates never show in it); the listing shows room for 50 more, and this Create, "
                        + "paced with the others Spot refused, drew a wait");
    }

    @Test
    void neverLongerThanOneCallback() {
        final AccountListing listing = new AccountListing(createdAgo(59, 1), NOW);

        assertThat(window.delay(listing, Optional.of(new RouteWindow(5000, 0, 30)), false))
                .map(CreateWindow.Wait::seconds)
                .hasValue(RetryPolicy.MAX_DELAY_SECONDS);
    }

    @Test
    void withoutSpotsClockOrCreationTimesTheCreateGoesAhead() {
        assertThat(window.delay(new AccountListing(createdAgo(100, 1), null), QUIET_READS, false))
                .isEmpty();
        final List<SpotAccount> undated =
                IntStream.range(0, 100).mapToObj(i -> account("act-" + i, null)).toList();
        assertThat(window.delay(new AccountListing(undated, NOW), QUIET_READS, false))
                .isEmpty();
    }
}
