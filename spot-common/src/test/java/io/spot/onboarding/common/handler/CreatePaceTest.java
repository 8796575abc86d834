package io.spot.onboarding.common.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.api.AccountListing;
import io.spot.onboarding.common.api.RouteWindow;
import io.spot.onboarding.common.api.SpotAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CreatePaceTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00.000Z");
    /** 2 reads of the listing route in its last minute, of 600 allowed. */
    private static final Optional<RouteWindow> QUIET_READS = Optional.of(new RouteWindow(600, 598, 0));

    /** Jitter at its upper bound, so the test sees the whole wait and loses every draw it can lose. */
    private final CreatePace pace = new CreatePace(bound -> bound);

    /** {@code count} accounts created {@code secondsAgo}, {@code secondsAgo + 1}, ... seconds before NOW. */
    private static List<SpotAccount> createdAgo(final int count, final int secondsAgo) {
        return IntStream.range(0, count)
                .mapToObj(i -> account("act-" + secondsAgo + "-" + i, NOW.minusSeconds(secondsAgo + i)))
                .toList();
    }

    /** {@code count} accounts created 1, 1 + {@code seconds}, 1 + 2 * {@code seconds}, ... seconds before NOW. */
    private static List<SpotAccount> createdEvery(final int seconds, final int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> account("act-e-" + i, NOW.minusSeconds(1 + (long) i * seconds)))
                .toList();
    }

    /** {@code count} accounts created within the last minute, a few in each of its seconds. */
    private static List<SpotAccount> createdInTheLastMinute(final int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> account("act-m-" + i, NOW.minusSeconds(1 + i % 59)))
                .toList();
    }

    private static SpotAccount account(final String id, final Instant createdAt) {
        return new SpotAccount(id, id, "606079861234", null, "aws", createdAt);
    }

    private static List<SpotAccount> plus(final List<SpotAccount> a, final List<SpotAccount> b) {
        final List<SpotAccount> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static CreatePace.Seen seen(
            final List<SpotAccount> accounts,
            final Optional<RouteWindow> reads,
            final Integer announced,
            final int refusals) {
        return new CreatePace.Seen(
                new AccountListing(accounts, NOW),
                reads,
                announced == null ? OptionalInt.empty() : OptionalInt.of(announced),
                0,
                refusals,
                0);
    }

    @Test
    void withNoCreateInTheLastTenMinutesNothingIsKnownAndTheCreateGoes() {
        final List<SpotAccount> old = createdAgo(500, 601);

        assertThat(pace.decide(seen(old, QUIET_READS, null, 0))).isEmpty();
        assertThat(pace.decide(seen(old, QUIET_READS, null, 3))).isEmpty();
    }

    @Test
    void withoutSpotsClockOrCreationTimesTheCreateGoes() {
        assertThat(pace.decide(new CreatePace.Seen(
                        new AccountListing(createdAgo(100, 1), null), QUIET_READS, OptionalInt.of(10), 0, 1, 0)))
                .isEmpty();
        final List<SpotAccount> undated =
                IntStream.range(0, 100).mapToObj(i -> account("act-" + i, null)).toList();
        assertThat(pace.decide(seen(undated, QUIET_READS, 10, 1))).isEmpty();
    }

    @Test
    void anAnnouncedLimitLeavesATenthForCreatesTheListingCannotShow() {
        assertThat(pace.decide(seen(createdAgo(17, 1), QUIET_READS, 20, 0)))
                .as("17 of the 18 a minute of 20 less a tenth")
                .isEmpty();
        // 18 created 1..18 s ago: the oldest leaves the minute in 42 s; 2 readers a minute over 18 creates add 6 s.
        assertThat(pace.decide(seen(createdAgo(18, 1), QUIET_READS, 20, 0))).hasValueSatisfying(wait -> {
            assertThat(wait.seconds()).isEqualTo(42 + 6);
            assertThat(wait.reason())
                    .isEqualTo("Spot created 18 accounts in the last minute, as many as the create route's "
                            + "limit of 20 a minute, less a tenth allows");
        });
    }

    @Test
    void theLimitIsSpotsNotOurs() {
        for (final int limit : List.of(10, 60, 600)) {
            final int target = limit - Math.max(1, limit / 10);
            assertThat(pace.decide(seen(createdInTheLastMinute(target - 1), QUIET_READS, limit, 0)))
                    .as("room at %d", limit)
                    .isEmpty();
            assertThat(pace.decide(seen(createdInTheLastMinute(target), QUIET_READS, limit, 0)))
                    .as("full at %d", limit)
                    .isPresent();
        }
        assertThat(pace.decide(seen(List.of(), QUIET_READS, 1, 0)))
                .as("a limit of 1 still admits one")
                .isEmpty();
    }

    @Test
    void unannouncedTheBusiestMinuteOfTheListingIsALimitSpotCertainlyAllows() {
        // 30 created in one minute five minutes ago; 10 in the last minute.
        final List<SpotAccount> accounts = plus(createdAgo(30, 300), createdAgo(10, 1));

        assertThat(pace.decide(seen(accounts, QUIET_READS, null, 0))).isEmpty();
        assertThat(CreatePace.busiestMinute(
                        accounts.stream().map(SpotAccount::createdAt).sorted().toList()))
                .isEqualTo(30);
    }

    @Test
    void aYoungRunGoesUnpacedWhateverTheListingsReadersSay() {
        // 10 creates 11..20 s ago, younger than the two minutes a run goes unpaced. The readers' count is no sign
        // of refusals: where Spot counts one window for the organization, it counts every call.
        final List<SpotAccount> accounts = createdAgo(10, 11);

        assertThat(pace.decide(seen(accounts, Optional.of(new RouteWindow(1000, 0, 30)), null, 0)))
                .isEmpty();
    }

    @Test
    void theBusiestMinuteSeenIsRememberedSoTheRunsOwnSlowRestartNeverLowersIt() {
        // Spot admitted 30 in a minute four minutes ago, then nothing for a minute: the current run is 5 creates.
        final List<SpotAccount> accounts = plus(createdAgo(30, 240), createdAgo(5, 1));
        final CreatePace.Seen first = new CreatePace.Seen(
                new AccountListing(createdAgo(30, 1), NOW), QUIET_READS, OptionalInt.empty(), 0, 1, 0);
        final int remembered = CreatePace.peakSeen(first);
        final CreatePace.Seen later = new CreatePace.Seen(
                new AccountListing(accounts, NOW), QUIET_READS, OptionalInt.empty(), remembered, 1, 0);

        assertThat(remembered).isEqualTo(30);
        assertThat(CreatePace.peakSeen(later)).as("never lowered").isEqualTo(30);
        assertThat(pace.decide(later))
                .as("room for 22 of 27 (30 less a tenth), where the current run's busiest minute leaves none")
                .isEmpty();
        assertThat(pace.decide(new CreatePace.Seen(
                        new AccountListing(accounts, NOW), QUIET_READS, OptionalInt.empty(), 0, 1, 0)))
                .as("forgotten, the run's own 5 would be the pace")
                .isPresent();
    }

    @Test
    void atTheBusiestMinuteANeverRefusedCreateProbesForMoreAtATenthOfItAMinute() {
        final List<SpotAccount> accounts = createdEvery(2, 75);
        // 300 listing reads a minute; the probe admits 3 of them a minute.
        final Optional<RouteWindow> crowd = Optional.of(new RouteWindow(600, 300, 30));

        assertThat(new CreatePace(bound -> bound == 300 ? 3 : bound).decide(seen(accounts, crowd, null, 0)))
                .as("a draw of 3 of 300 probes")
                .isEmpty();
        assertThat(new CreatePace(bound -> bound == 300 ? 4 : bound).decide(seen(accounts, crowd, null, 0)))
                .as("a draw of 4 waits")
                .hasValueSatisfying(wait -> assertThat(wait.reason()).contains("the most it has admitted in a minute"));
        assertThat(createsIn10000Draws(seen(accounts, crowd, null, 0)))
                .as("1%% of 10,000")
                .isBetween(60L, 140L);
    }

    @Test
    void aRefusedCreateNeverProbes() {
        assertThat(pace.decide(seen(createdAgo(30, 1), Optional.of(new RouteWindow(600, 599, 0)), null, 1)))
                .hasValueSatisfying(wait -> assertThat(wait.reason()).contains("as many as the most Spot admitted"));
    }

    @Test
    void moreReadersASecondThanRoomDrawForIt() {
        // Room for 2 of 54 (60 less a tenth); 600 reads a minute are 10 a second.
        final List<SpotAccount> accounts = createdAgo(52, 1);
        final Optional<RouteWindow> crowd = Optional.of(new RouteWindow(600, 0, 30));

        assertThat(new CreatePace(bound -> bound == 10 ? 2 : bound).decide(seen(accounts, crowd, 60, 0)))
                .isEmpty();
        assertThat(new CreatePace(bound -> bound == 10 ? 3 : bound).decide(seen(accounts, crowd, 60, 0)))
                .as("it waits its share: 600 readers a minute over 54 creates, at most one callback")
                .hasValueSatisfying(wait -> assertThat(wait.seconds()).isEqualTo(600));
        assertThat(new CreatePace(bound -> bound)
                        .decide(seen(createdAgo(53, 1), Optional.of(new RouteWindow(600, 492, 30)), 60, 0)))
                .as("108 readers a minute are 2 a second for room for 1; 108 over 54 creates is 2 minutes")
                .hasValueSatisfying(wait -> assertThat(wait.seconds()).isEqualTo(120));
    }

    @Test
    void createsSpotRefusedSendFourFifthsOfTheLimitAMinuteTogether() {
        // Room for 49 of 54, but refused creates never show: 43 (four fifths of 54) of 600 readers a minute.
        final CreatePace.Seen refused = seen(createdAgo(5, 1), Optional.of(new RouteWindow(600, 0, 30)), 60, 1);

        assertThat(createsIn10000Draws(refused)).as("7%% of 10,000").isBetween(570L, 870L);
        assertThat(createsIn10000Draws(seen(createdAgo(5, 1), Optional.of(new RouteWindow(600, 0, 30)), 60, 0)))
                .as("never refused, 10 readers a second fit in room for 49")
                .isEqualTo(10_000L);
    }

    @Test
    void withoutSpotsHeadersARefusedCreateTakesTheRoomWithTheChanceRoomOverTarget() {
        // 30 a minute for a minute and a half, then 5 in the last minute: room for 22 of 27.
        final List<SpotAccount> history = plus(
                createdAgo(5, 1),
                createdEvery(2, 45).stream()
                        .map(a -> account(a.accountId(), a.createdAt().minusSeconds(60)))
                        .toList());

        assertThat(createsIn10000Draws(seen(history, Optional.empty(), null, 0)))
                .as("never refused: room is taken")
                .isEqualTo(10_000L);
        assertThat(createsIn10000Draws(seen(history, Optional.empty(), null, 1)))
                .as("22 of 27")
                .isBetween(7_900L, 8_400L);
        assertThat(createsIn10000Draws(seen(history, Optional.empty(), null, 5)))
                .as("the same after more refusals: RetryPolicy's waits grow instead")
                .isBetween(7_900L, 8_400L);
    }

    @Test
    void withoutSpotsHeadersTheWaitGrowsWithEachWait() {
        final List<SpotAccount> full = createdAgo(30, 1);
        final AccountListing listing = new AccountListing(full, NOW);

        final int first = pace.decide(new CreatePace.Seen(listing, Optional.empty(), OptionalInt.empty(), 0, 1, 0))
                .orElseThrow()
                .seconds();
        final int later = pace.decide(new CreatePace.Seen(listing, Optional.empty(), OptionalInt.empty(), 0, 1, 3))
                .orElseThrow()
                .seconds();
        final int longest = pace.decide(new CreatePace.Seen(listing, Optional.empty(), OptionalInt.empty(), 0, 1, 9))
                .orElseThrow()
                .seconds();

        // Paced to 27 (30 less a tenth): room comes when the fourth oldest, created 27 s ago, ages out.
        assertThat(first).as("33 s until room, plus 10").isEqualTo(33 + 10);
        assertThat(later).as("33 s until room, plus 80").isEqualTo(33 + 80);
        assertThat(longest).as("33 s until room, plus at most 160").isEqualTo(33 + 160);
    }

    @Test
    void neverLongerThanOneCallback() {
        assertThat(pace.decide(new CreatePace.Seen(
                        new AccountListing(createdAgo(59, 1), NOW),
                        Optional.of(new RouteWindow(100_000, 0, 30)),
                        OptionalInt.of(10),
                        0,
                        1,
                        10)))
                .map(CreatePace.Wait::seconds)
                .hasValue(RetryPolicy.MAX_DELAY_SECONDS);
    }

    /** How many of 10,000 Creates that saw the same, with real randomness, create now. */
    private static long createsIn10000Draws(final CreatePace.Seen seen) {
        final CreatePace random = new CreatePace();
        return IntStream.range(0, 10_000)
                .filter(i -> random.decide(seen).isEmpty())
                .count();
    }
}
