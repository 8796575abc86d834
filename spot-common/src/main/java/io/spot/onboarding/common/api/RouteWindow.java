package io.spot.onboarding.common.api;

/**
 * What Spot's {@code X-RateLimit-*} headers said about one route (method and path) on the last
 * answer this client got from it. Spot counts every caller of the route in the window, so this is
 * how busy the route is for the whole organization, learned from this handler's own call.
 */
public record RouteWindow(int limit, int remaining, long resetSeconds) {

    /** Calls the route has counted in its current window, this one included. */
    public int used() {
        return Math.max(0, limit - remaining);
    }
}
