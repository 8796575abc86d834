package io.spot.onboarding.common.handler;

import io.spot.onboarding.common.api.AccountListing;
import io.spot.onboarding.common.api.RouteWindow;
import io.spot.onboarding.common.api.SpotAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntUnaryOperator;

/**
 * Keeps a create off Spot's create route while that route's minute is full, judged from the
 * organization listing the Account Create reads right before creating. Every account in it carries
 * {@code createdAt}, and the listing carries Spot's clock, so the accounts created in Spot's last
 * minute are the creates Spot's rolling window still counts. A create sent into a full window is
 * refused and, refused, still counts: it keeps the route blocked for everyone and sends its caller
 * into a wait several times Spot's reset. Waiting here instead costs one more read of a route that
 * admits ten times as many.
 *
 * <p>Creates Spot refused are not in the listing, and handlers that read the same listing in the same
 * instant all see the same room: {@value #HEADROOM} of the minute's creates are left for those. When
 * more handlers read the listing each second (the listing route's count for its last minute, over 60)
 * than the room and the headroom together, each creates with the chance (room + headroom) / readers,
 * so about as many create in one second as Spot admits. Without that draw, a crowd that reads the
 * listing ten times a second sent ten creates into room for one; the refusals, which the listing
 * never shows, kept the route full (README, organization scale). A
 * handler that waits comes back when enough of the minute's creates have aged out to make room, plus
 * a random share of half a second per call the listing's route counted in its last minute (those
 * callers are the ones waiting with it), so the waiting crowd returns at about the pace the route
 * admits rather than together.
 *
 * <p>A Create Spot has refused before knows the listing showed room that was not there: refused
 * creates filled the minute. Such a Create creates, when the listing shows room, only with the
 * chance {@code REFUSED_PER_MINUTE} / readers a minute (the listing route's count), so that all the
 * Creates Spot refused together send fewer creates a minute than Spot admits, and the minute their
 * refusals filled empties. Without it, the listing's room drew every refused
 * Create back each time it looked, each refusal counted in Spot's window again, and the route stayed
 * full for 20 to 30 minutes at a time once a few same-second overshoots had been refused (README,
 * organization scale).
 */
public final class CreateWindow {
    /** Creates of the minute left to callers this listing cannot show (measured: README, organization scale). */
    public static final int HEADROOM = 5;
    /** Creates a minute that all Creates Spot refused before may send together: four fifths of what Spot admits. */
    static final int REFUSED_PER_MINUTE = FirstWriteSpread.WRITES_PER_MINUTE * 4 / 5;

    static final Duration MINUTE = Duration.ofSeconds(60);

    /**
     * A wait before creating, the creates of Spot's last minute, and the room left in it: none when the
     * minute is full, else room other handlers reading in the same second drew (what the event names).
     */
    public record Wait(int seconds, int createdInLastMinute, int room, boolean refusedBefore) {
        public Wait(final int seconds, final int createdInLastMinute, final int room) {
            this(seconds, createdInLastMinute, room, false);
        }

        /** Why the Create waits, for its event. */
        public String reason() {
            if (refusedBefore && room > 0) {
                return "Spot refused this resource's create before while the organization listing showed room "
                        + "(refused creates never show in it); the listing shows room for " + room
                        + " more, and this Create, paced with the others Spot refused, drew a wait";
            }
            return room == 0
                    ? "Spot created " + createdInLastMinute + " accounts in the last minute, as many as its create "
                            + "route is assumed to admit"
                    : "Spot created " + createdInLastMinute + " accounts in the last minute, leaving room for " + room
                            + " more, fewer than the handlers reading the organization each second: this one drew a wait";
        }
    }

    private final IntUnaryOperator jitter;

    public CreateWindow() {
        this(bound -> ThreadLocalRandom.current().nextInt(1, bound + 1));
    }

    /** @param jitter given an upper bound, a whole number of seconds from 1 to it */
    public CreateWindow(final IntUnaryOperator jitter) {
        this.jitter = jitter;
    }

    /**
     * The wait before creating, or empty to create now. Empty too when the listing cannot say:
     * without Spot's clock or the accounts' {@code createdAt}, the create goes ahead and Spot's own
     * answer paces it ({@link RetryPolicy}).
     *
     * @param listing the organization, read just now
     * @param listingRoute the {@code X-RateLimit-*} headers of that read
     * @param refusedBefore Spot refused a create of this operation: its room is paced to {@value
     *     #REFUSED_PER_MINUTE} creates a minute among all such Creates
     */
    public Optional<Wait> delay(
            final AccountListing listing, final Optional<RouteWindow> listingRoute, final boolean refusedBefore) {
        final Instant now = listing.serverTime();
        if (now == null) {
            return Optional.empty();
        }
        final List<Instant> minute = createdInLastMinute(listing, now);
        final int admitted = FirstWriteSpread.WRITES_PER_MINUTE - HEADROOM;
        final int crowd = listingRoute.map(RouteWindow::used).orElse(0);
        final int room = admitted - minute.size();
        if (room > 0) {
            if (refusedBefore) {
                return crowd <= REFUSED_PER_MINUTE || jitter.applyAsInt(crowd) <= REFUSED_PER_MINUTE
                        ? Optional.empty()
                        : Optional.of(new Wait(withCrowdShare(0, crowd), minute.size(), room, true));
            }
            final int readersPerSecond = (crowd + 59) / 60;
            final int sameSecondCreates = room + HEADROOM;
            if (readersPerSecond <= sameSecondCreates || jitter.applyAsInt(readersPerSecond) <= sameSecondCreates) {
                return Optional.empty();
            }
            return Optional.of(new Wait(withCrowdShare(0, crowd), minute.size(), room));
        }
        final Instant roomAt = minute.get(minute.size() - admitted).plus(MINUTE);
        final Duration untilRoom = Duration.between(now, roomAt);
        final long seconds = Math.max(1, untilRoom.getSeconds() + (untilRoom.getNano() > 0 ? 1 : 0));
        return Optional.of(new Wait(withCrowdShare(seconds, crowd), minute.size(), 0));
    }

    /** {@code seconds} plus a random half second per reader of the crowd, within one callback. */
    private int withCrowdShare(final long seconds, final int crowd) {
        return (int) Math.min(RetryPolicy.MAX_DELAY_SECONDS, seconds + jitter.applyAsInt(Math.max(1, crowd / 2)));
    }

    /** When Spot created the accounts it created in the minute before {@code now}, oldest first. */
    private static List<Instant> createdInLastMinute(final AccountListing listing, final Instant now) {
        final Instant since = now.minus(MINUTE);
        return listing.accounts().stream()
                .map(SpotAccount::createdAt)
                .filter(Objects::nonNull)
                .filter(created -> created.isAfter(since) && !created.isAfter(now))
                .sorted()
                .toList();
    }
}
