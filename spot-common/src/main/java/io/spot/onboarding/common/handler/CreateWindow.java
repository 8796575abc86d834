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
 * instant all see the same room: {@value #HEADROOM} of the minute's creates are left for those. A
 * handler that waits comes back when enough of the minute's creates have aged out to make room, plus
 * a random share of half a second per call the listing's route counted in its last minute (those
 * callers are the ones waiting with it), so the waiting crowd returns at about the pace the route
 * admits rather than together.
 */
public final class CreateWindow {
    /** Creates of the minute left to callers this listing cannot show (measured: README, organization scale). */
    public static final int HEADROOM = 5;

    static final Duration MINUTE = Duration.ofSeconds(60);

    /** A wait before creating, and the creates of Spot's last minute that call for it (what the event names). */
    public record Wait(int seconds, int createdInLastMinute) {}

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
     */
    public Optional<Wait> delay(final AccountListing listing, final Optional<RouteWindow> listingRoute) {
        final Instant now = listing.serverTime();
        if (now == null) {
            return Optional.empty();
        }
        final List<Instant> minute = createdInLastMinute(listing, now);
        final int admitted = FirstWriteSpread.WRITES_PER_MINUTE - HEADROOM;
        if (minute.size() < admitted) {
            return Optional.empty();
        }
        final Instant roomAt = minute.get(minute.size() - admitted).plus(MINUTE);
        final Duration untilRoom = Duration.between(now, roomAt);
        final long seconds = Math.max(1, untilRoom.getSeconds() + (untilRoom.getNano() > 0 ? 1 : 0));
        final int crowd = listingRoute.map(RouteWindow::used).orElse(0);
        final long delay = seconds + jitter.applyAsInt(Math.max(1, crowd / 2));
        return Optional.of(new Wait((int) Math.min(RetryPolicy.MAX_DELAY_SECONDS, delay), minute.size()));
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
