package io.spot.onboarding.common.api;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps the {@code X-RateLimit-*} headers of the last answer per route. One per client, and a
 * client lives for one handler invocation: what it holds is this invocation's own answers, never
 * another account's (a Lambda container shares nothing with the handlers of other accounts).
 */
final class RateLimitObserver implements Interceptor {
    private final Map<String, RouteWindow> last = new ConcurrentHashMap<>();

    @Override
    public Response intercept(final Chain chain) throws IOException {
        final Response response = chain.proceed(chain.request());
        final Integer limit = number(response.header("X-RateLimit-Limit"));
        final Integer remaining = number(response.header("X-RateLimit-Remaining"));
        if (limit != null && remaining != null) {
            final Long reset = RateLimitReset.seconds(response.header("X-RateLimit-Reset"));
            last.put(
                    key(chain.request().method(), chain.request().url().encodedPath()),
                    new RouteWindow(limit, remaining, reset == null ? 0 : reset));
        }
        return response;
    }

    Optional<RouteWindow> last(final String method, final String path) {
        return Optional.ofNullable(last.get(key(method, path)));
    }

    private static String key(final String method, final String path) {
        return method.toUpperCase() + " " + path;
    }

    private static Integer number(final String header) {
        if (header == null) {
            return null;
        }
        try {
            return Integer.valueOf(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
