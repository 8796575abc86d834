package io.spot.onboarding.common.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The only holder of the Spot token. Added as an application interceptor so no caller ever
 * builds a request that carries it, and deliberately without {@code toString}.
 */
final class BearerTokenInterceptor implements Interceptor {
    private final String authorization;
    private final String userAgent;
    private final String fingerprint;

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
        this.fingerprint = sha256(token);
    }

    /** Tells tokens apart without holding them: a SHA-256 of the token, never the token. */
    String fingerprint() {
        return fingerprint;
    }

    private static String sha256(final String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
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
