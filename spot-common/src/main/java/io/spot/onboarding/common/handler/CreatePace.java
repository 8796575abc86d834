package io.spot.onboarding.common.handler;

import io.spot.onboarding.common.api.AccountListing;
import io.spot.onboarding.common.api.RouteWindow;
import io.spot.onboarding.common.api.SpotAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntUnaryOperator;

/**
 * When an Account Create sends its create (docs/design.md §6). Spot publishes no limits, so none is
 * assumed here: the pace follows what Spot's own answers show.
 *
 * <ul>
 *   <li><b>The create route's limit</b>, once Spot has answered a create of this operation (a refusal):
 *       its {@code X-RateLimit-Limit}. A tenth of it is left for creates the listing cannot show.</li>
 *   <li><b>Else the busiest minute seen</b>: every account in the organization listing carries
 *       {@code createdAt} and the listing Spot's clock, so the most creates Spot admitted in one minute is a pace
 *       it certainly allows. The operation remembers the busiest minute its listings have shown ({@link
 *       #peakSeen}): a run of creates that the pace's own waits slowed must never lower it. A Create that has not
 *       been refused may go beyond it, so that a deploy still finds a higher limit: a tenth of it a minute.</li>
 *   <li><b>Else nothing is known</b>: no run of creates, or one younger than two minutes, and this Create has
 *       seen no busier minute and was never refused. The create goes. A StackSet's first crowd of Creates so
 *       reaches the pace its concurrency allows, or learns the limit from Spot: Spot admits what it allows and
 *       refuses the rest, whose waits ({@link RetryPolicy}) spread them out.</li>
 * </ul>
 *
 * <p>Creates Spot refused never show in the listing, and Spot counts them: a crowd that each saw the same
 * room would fill the minute with refusals the listing never shows, and keep the route blocked. So where the
 * listing shows room, a Create never refused draws for it with the chance room / (listing reads a second), and
 * one refused before with the chance (four fifths of the limit) / (listing reads a minute): all such Creates
 * together then send fewer creates a minute than Spot admits, and the minute their refusals filled empties.
 * Without Spot's headers there is no count of readers: a refused Create takes the room with the chance room /
 * target, so that however many read the same listing, they send no more than the room on average.
 * A Create that waits comes back when enough of the minute's creates have aged out, plus a random share of
 * the listing's readers over the creates a minute paced to, so the waiting crowd reads the listing about as
 * often as creates can go; without the headers, 10 s doubling with each wait, to at most 160 s.
 *
 * <p>The readers' count is the listing route's {@code X-RateLimit-Limit} less its {@code -Remaining}. Where
 * Spot counts one window for more than the listing (every call of the organization), that count is larger
 * than the readers, and Creates draw less often than they could; never more.
 */
public final class CreatePace {
    static final Duration MINUTE = Duration.ofSeconds(60);
    /** How far back the listing's creates count as the highest rate Spot has admitted. */
    static final Duration HISTORY = Duration.ofMinutes(10);
    /** Without Spot's headers, a waiting Create's random share doubles with each wait from 10 s, to at most 160 s. */
    static final int MAX_SPREAD_DOUBLINGS = 4;
    /**
     * How long a run of creates goes unpaced before its busiest minute is taken for the pace Spot allows: long
     * enough for a StackSet's first crowd to reach the pace its concurrency allows, or to be refused and learn
     * the limit, before anyone holds back.
     */
    static final Duration FINDING_PACE = Duration.ofMinutes(2);

    /**
     * What the Create knows when it decides: the listing read just now, that read's {@code X-RateLimit-*}
     * headers, the create route's limit if Spot has announced it to this operation, the busiest minute of creates
     * its earlier listings showed (0 when none), and this operation's refused creates and waits so far.
     */
    public record Seen(
            AccountListing listing,
            Optional<RouteWindow> listingRoute,
            OptionalInt announcedLimit,
            int peakSeen,
            int refusals,
            int waits) {}

    /** A wait before creating, and why (its event's words). */
    public record Wait(int seconds, String reason) {}

    private final IntUnaryOperator jitter;

    public CreatePace() {
        this(bound -> ThreadLocalRandom.current().nextInt(1, bound + 1));
    }

    /** @param jitter given an upper bound, a whole number from 1 to it */
    public CreatePace(final IntUnaryOperator jitter) {
        this.jitter = jitter;
    }

    /** The wait before creating, or empty to create now. Without Spot's clock the create goes: Spot's answer paces it. */
    public Optional<Wait> decide(final Seen seen) {
        final Instant now = seen.listing().serverTime();
        if (now == null) {
            return Optional.empty();
        }
        final List<Instant> created = createdSince(seen.listing(), now.minus(HISTORY), now);
        final List<Instant> lastMinute =
                created.stream().filter(at -> at.isAfter(now.minus(MINUTE))).toList();
        final OptionalInt limit = limit(seen, created, now);
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        final boolean announced = seen.announcedLimit().isPresent();
        final int target = Math.max(1, limit.getAsInt() - Math.max(1, limit.getAsInt() / 10));
        final int room = target - lastMinute.size();
        final String counted = "Spot created " + lastMinute.size() + " accounts in the last minute";
        if (room > 0) {
            return draw(seen, room, target)
                    ? Optional.empty()
                    : Optional.of(new Wait(
                            crowdShare(seen, target, 0),
                            counted + ", leaving room for " + room + " more of " + target + " (" + source(seen) + "); "
                                    + "this Create drew a wait, as more Creates than that read the organization"));
        }
        if (!announced && seen.refusals() == 0 && !drawProbe(seen, limit.getAsInt())) {
            return Optional.of(
                    new Wait(
                            crowdShare(seen, target, untilRoom(lastMinute, target, now)),
                            counted
                                    + ", the most it has admitted in a minute; this Create drew a wait rather than try for more"));
        }
        if (!announced && seen.refusals() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Wait(
                crowdShare(seen, target, untilRoom(lastMinute, target, now)),
                counted + ", as many as " + source(seen) + " allows"));
    }

    /**
     * The creates a minute to pace to: announced by Spot; else the busiest minute this operation has seen, or of
     * the listing's current run of creates once that run is {@link #FINDING_PACE} long or this Create was refused;
     * else unknown.
     */
    private static OptionalInt limit(final Seen seen, final List<Instant> created, final Instant now) {
        if (seen.announcedLimit().isPresent()) {
            return seen.announcedLimit();
        }
        final List<Instant> run = currentRun(created, now);
        if (seen.peakSeen() == 0
                && (run.isEmpty() || seen.refusals() == 0 && run.get(0).isAfter(now.minus(FINDING_PACE)))) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(busiestSeen(seen, run));
    }

    /**
     * The busiest minute of creates this operation has seen, remembered for its next decision: Spot admitted it,
     * so it is a pace Spot allows, and a run of creates slowed by the pace's own waits must not lower it.
     */
    public static int peakSeen(final Seen seen) {
        final Instant now = seen.listing().serverTime();
        if (now == null) {
            return seen.peakSeen();
        }
        return busiestSeen(seen, currentRun(createdSince(seen.listing(), now.minus(HISTORY), now), now));
    }

    /** The busiest minute of the current run, or the busier one this operation saw before. */
    private static int busiestSeen(final Seen seen, final List<Instant> run) {
        return Math.max(seen.peakSeen(), busiestMinute(run));
    }

    /** The creates since the last minute without any, oldest first: one deploy's, not an older one's. */
    static List<Instant> currentRun(final List<Instant> created, final Instant now) {
        int first = created.size();
        Instant next = now;
        while (first > 0 && created.get(first - 1).plus(MINUTE).isAfter(next)) {
            first--;
            next = created.get(first);
        }
        return created.subList(first, created.size());
    }

    private static String source(final Seen seen) {
        return seen.announcedLimit().isPresent()
                ? "the create route's limit of " + seen.announcedLimit().getAsInt() + " a minute, less a tenth"
                : "the most Spot admitted in a minute of the last " + HISTORY.toMinutes();
    }

    /**
     * Whether this Create takes the room: never refused, with the chance room / (listing reads a second);
     * refused before, with the chance (four fifths of the target) / (listing reads a minute), or without Spot's
     * headers room / target.
     */
    private boolean draw(final Seen seen, final int room, final int target) {
        final Optional<RouteWindow> readers = seen.listingRoute();
        if (readers.isEmpty()) {
            return seen.refusals() == 0 || jitter.applyAsInt(target) <= room;
        }
        final int perMinute = readers.get().used();
        if (seen.refusals() > 0) {
            final int refusedPerMinute = Math.max(1, target * 4 / 5);
            return perMinute <= refusedPerMinute || jitter.applyAsInt(perMinute) <= refusedPerMinute;
        }
        final int perSecond = (perMinute + 59) / 60;
        return perSecond <= room || jitter.applyAsInt(perSecond) <= room;
    }

    /** A Create never refused tries beyond the busiest minute: a tenth of it a minute among all listing readers. */
    private boolean drawProbe(final Seen seen, final int peak) {
        final int probes = Math.max(1, peak / 10);
        final int perMinute = seen.listingRoute().map(RouteWindow::used).orElse(1 << Math.min(seen.waits(), 10));
        return perMinute <= probes || jitter.applyAsInt(perMinute) <= probes;
    }

    /** Seconds until the minute holds fewer than {@code target} creates. */
    private static long untilRoom(final List<Instant> lastMinute, final int target, final Instant now) {
        final int mustAgeOut = lastMinute.size() - target + 1;
        if (mustAgeOut <= 0 || target <= 0) {
            return 1;
        }
        final Duration wait =
                Duration.between(now, lastMinute.get(mustAgeOut - 1).plus(MINUTE));
        return Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
    }

    /**
     * {@code seconds} plus a random share that spreads the crowd waiting with this Create: with Spot's headers,
     * the listing's readers of the last minute over the creates a minute paced to, so that the crowd comes back
     * about as fast as creates can go, not faster (each return is a read of the listing, which Spot limits too);
     * without them, growing with each wait of this operation.
     */
    private int crowdShare(final Seen seen, final int target, final long seconds) {
        final int spread = seen.listingRoute()
                .map(route -> (int) Math.min(RetryPolicy.MAX_DELAY_SECONDS, (long) route.used() * 60 / target))
                .orElse(10 << Math.min(seen.waits(), MAX_SPREAD_DOUBLINGS));
        return (int) Math.min(RetryPolicy.MAX_DELAY_SECONDS, seconds + share(Math.max(1, spread)));
    }

    private int share(final int bound) {
        return jitter.applyAsInt(Math.max(1, Math.min(RetryPolicy.MAX_DELAY_SECONDS, bound)));
    }

    /** The most creates of any rolling minute among {@code created}, sorted oldest first. */
    static int busiestMinute(final List<Instant> created) {
        int most = 0;
        int first = 0;
        for (int last = 0; last < created.size(); last++) {
            while (!created.get(first).plus(MINUTE).isAfter(created.get(last))) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    /** When Spot created the accounts it created after {@code since}, up to {@code now}, oldest first. */
    private static List<Instant> createdSince(final AccountListing listing, final Instant since, final Instant now) {
        return listing.accounts().stream()
                .map(SpotAccount::createdAt)
                .filter(Objects::nonNull)
                .filter(created -> created.isAfter(since) && !created.isAfter(now))
                .sorted()
                .toList();
    }
}
