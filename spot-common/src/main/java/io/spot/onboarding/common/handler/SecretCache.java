package io.spot.onboarding.common.handler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a secret's value for a minute in a warm handler container. Without it every invocation
 * (and an enrolment is a dozen) reads the token from Secrets Manager again. Only a value found is
 * kept, so a secret created after a failure is seen at once; a rotated token is used within a minute.
 */
public final class SecretCache {
    static final Duration TTL = Duration.ofSeconds(60);
    private static final Map<String, Entry> ENTRIES = new ConcurrentHashMap<>();

    private SecretCache() {}

    /**
     * @param scope the account and region the secret lives in: the same name in another account
     *              is another secret
     */
    public static SecretReader caching(final String scope, final SecretReader reader, final Clock clock) {
        return secretId -> {
            final String key = scope + "|" + secretId;
            final Instant now = clock.instant();
            final Entry cached = ENTRIES.get(key);
            if (cached != null && now.isBefore(cached.expires())) {
                return Optional.of(cached.value());
            }
            final Optional<String> value = reader.secretString(secretId);
            value.ifPresentOrElse(v -> ENTRIES.put(key, new Entry(v, now.plus(TTL))), () -> ENTRIES.remove(key));
            return value;
        };
    }

    /** Forgets every value: for a test that has just reset the AWS it reads from. */
    public static void clear() {
        ENTRIES.clear();
    }

    private record Entry(String value, Instant expires) {}
}
