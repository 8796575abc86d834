package io.spot.onboarding.emulator;

import java.util.Optional;
import java.util.Set;

/** Bearer-token check: admin tokens may do anything, read-only tokens only read. */
final class Auth {

    private static final String BEARER = "Bearer ";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Set<String> adminTokens;
    private final Set<String> readOnlyTokens;

    Auth(Set<String> adminTokens, Set<String> readOnlyTokens) {
        this.adminTokens = Set.copyOf(adminTokens);
        this.readOnlyTokens = Set.copyOf(readOnlyTokens);
    }

    /** The refusal to send, or empty when the request may proceed. */
    Optional<SpotApiException> refusal(String method, String authorization) {
        String token = tokenOf(authorization);
        if (token != null && adminTokens.contains(token)) {
            return Optional.empty();
        }
        if (token != null && readOnlyTokens.contains(token)) {
            return WRITES.contains(method)
                    ? Optional.of(new SpotApiException(
                            HttpStatus.FORBIDDEN, Invented.FORBIDDEN, Invented.FORBIDDEN_MESSAGE, null))
                    : Optional.empty();
        }
        return Optional.of(new SpotApiException(
                HttpStatus.UNAUTHORIZED, Invented.UNAUTHORIZED, Invented.UNAUTHORIZED_MESSAGE, null));
    }

    /** What the request log keeps of the header: its scheme at most, never the credential. */
    static String redact(String authorization) {
        if (authorization == null) {
            return null;
        }
        return authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? "Bearer ***" : "***";
    }

    private static String tokenOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).trim();
    }
}
