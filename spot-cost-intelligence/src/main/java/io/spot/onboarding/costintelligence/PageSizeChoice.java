package io.spot.onboarding.costintelligence;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code paginationSize} a search of the enrolled-accounts list asks for. Spot's default page is
 * small, and every search reads the list to its end (a new enrollment is listed last), so the page
 * size decides how many calls an organization of thousands pays per search. The largest size Spot
 * accepts is not published: a search asks for {@value #LARGE} and, the first time Spot refuses it,
 * falls back to Spot's default for the rest of the container's life. A Spot that caps the size
 * silently needs nothing from us.
 */
final class PageSizeChoice {
    static final int LARGE = 1000;

    private final AtomicBoolean largeRefused;

    private PageSizeChoice(final boolean largeRefused) {
        this.largeRefused = new AtomicBoolean(largeRefused);
    }

    static PageSizeChoice preferLarge() {
        return new PageSizeChoice(false);
    }

    static PageSizeChoice spotDefault() {
        return new PageSizeChoice(true);
    }

    /** The size to send, or null for Spot's default. */
    Integer size() {
        return largeRefused.get() ? null : LARGE;
    }

    /** Spot refused {@link #LARGE} and then answered the same request without it. */
    void largeRefused() {
        largeRefused.set(true);
    }
}
