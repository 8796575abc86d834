package io.spot.onboarding.common.api;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The only holder of the Spot token. Added as an application interceptor so no caller ever
 * builds a request that carries it, and deliberately without {@code toString}.
 */
final class BearerTokenInterceptor implements Interceptor {
    private final String authorization;
    private final String userAgent;

    BearerTokenInterceptor(final String token, final String userAgent) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the Spot API token is empty");
        }
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // A header with CR/LF or spaces is either a paste error or a header-injection attempt.
            throw new IllegalArgumentException(
                    "the Spot API token must be printable ASCII with no spaces or line breaks");
        }
        this.authorization = "Bearer " + token;
        this.userAgent = userAgent;
    }

    @Override
    public Response intercept(final Chain chain) throws IOException {
        return chain.proceed(chain.request()
                .newBuilder()
                .header("Authorization", authorization)
                .header("User-Agent", userAgent)
                .build());
    }

    @Override
    public String toString() {
        return "BearerTokenInterceptor[Authorization=Bearer ***]";
    }
}
