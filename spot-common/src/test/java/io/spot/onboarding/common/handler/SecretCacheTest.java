package io.spot.onboarding.common.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecretCacheTest {
    private final Map<String, String> secrets = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private SecretReader cache(final String scope) {
        return SecretCache.caching(
                scope,
                id -> {
                    reads.incrementAndGet();
                    return Optional.ofNullable(secrets.get(id));
                },
                new java.time.Clock() {
                    @Override
                    public Instant instant() {
                        return now;
                    }

                    @Override
                    public java.time.ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public java.time.Clock withZone(final java.time.ZoneId zone) {
                        return this;
                    }
                });
    }

    @AfterEach
    void forget() {
        SecretCache.clear();
    }

    @Test
    void aValueIsReadOnceAMinutePerAccountAndRegion() {
        secrets.put("s", "v1");

        assertThat(cache("111|us-east-1").secretString("s")).hasValue("v1");
        secrets.put("s", "v2");
        assertThat(cache("111|us-east-1").secretString("s")).hasValue("v1");
        assertThat(cache("222|us-east-1").secretString("s"))
                .as("another account's secret")
                .hasValue("v2");
        now = now.plus(SecretCache.TTL).plus(Duration.ofSeconds(1));
        assertThat(cache("111|us-east-1").secretString("s")).hasValue("v2");
        assertThat(reads).hasValue(3);
    }

    @Test
    void aMissingSecretIsAskedForEveryTime() {
        assertThat(cache("111|us-east-1").secretString("s")).isEmpty();
        secrets.put("s", "now there");
        assertThat(cache("111|us-east-1").secretString("s")).hasValue("now there");
        assertThat(reads).hasValue(2);
    }
}
