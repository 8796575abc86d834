package io.spot.onboarding.emulator;

import java.util.Objects;

/**
 * Selects requests by method and path template; "*" matches any method, or any path including
 * unknown ones. Templates are checked on creation so that a typo fails the test that made it
 * instead of silently matching nothing.
 */
record RequestMatcher(String method, String route) {

    static final String ANY = "*";

    RequestMatcher {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(route, "route");
        if (!ANY.equals(route) && !Route.isTemplate(route)) {
            throw new IllegalArgumentException("Unknown route template '" + route + "', expected one of "
                    + Route.TEMPLATES.stream().map(PathTemplate::template).toList() + " or \"*\"");
        }
    }

    /** @param requestRoute the template the request matched, or null for an unknown path */
    boolean matches(String requestMethod, String requestRoute) {
        boolean methodMatches = ANY.equals(method) || method.equalsIgnoreCase(requestMethod);
        boolean routeMatches = ANY.equals(route) || route.equals(requestRoute);
        return methodMatches && routeMatches;
    }
}
