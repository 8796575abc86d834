package io.spot.onboarding.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest extends EmulatorTest {

    private static final String LIST = "/setup/account";

    @Test
    void headersCountDownAndThenTheWindowBlocks() {
        faults().rateLimit("GET", LIST, 3, Duration.ofSeconds(60));

        Reply first = http.get(LIST);
        Reply second = http.get(LIST);
        clock.advance(Duration.ofSeconds(20));
        Reply third = http.get(LIST);
        clock.advance(Duration.ofSeconds(10));
        Reply blocked = http.get(LIST);

        assertHeaders(first, "3", "2", "0");
        assertHeaders(second, "3", "1", "0");
        assertHeaders(third, "3", "0", "40");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.response().path("data").asText()).isEqualTo(Wire.RATE_LIMITED_DATA);
        assertHeaders(blocked, "3", "0", "30");
    }

    @Test
    void aClientThatWaitsTheResetGetsThrough() {
        faults().rateLimit("GET", LIST, 2, Duration.ofSeconds(60));
        http.get(LIST);
        http.get(LIST);
        clock.advance(Duration.ofSeconds(5));
        Reply blocked = http.get(LIST);

        clock.advance(Duration.ofSeconds(Long.parseLong(blocked.header(Wire.RATE_LIMIT_RESET))));

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(http.get(LIST).status()).isEqualTo(200);
    }

    @Test
    void knockingWhileBlockedExtendsTheBlock() {
        faults().rateLimit("GET", LIST, 2, Duration.ofSeconds(60));
        http.get(LIST);
        http.get(LIST);
        clock.advance(Duration.ofSeconds(30));
        http.get(LIST);
        http.get(LIST);

        clock.advance(Duration.ofSeconds(30));
        Reply stillBlocked = http.get(LIST);

        assertThat(stillBlocked.status()).isEqualTo(429);
        assertThat(Long.parseLong(stillBlocked.header(Wire.RATE_LIMIT_RESET))).isEqualTo(30);
    }

    @Test
    void eachRouteAndMethodHasItsOwnWindow() {
        faults().rateLimit("*", LIST, 1, Duration.ofSeconds(60));

        assertThat(http.get(LIST).status()).isEqualTo(200);
        assertThat(http.post(LIST, "{\"account\":{\"name\":\"x\"}}").status()).isEqualTo(200);
        assertThat(http.get("/setup/account/" + state().defaultAccountId()).status())
                .isEqualTo(200);
        assertThat(http.get(LIST).status()).isEqualTo(429);
        assertThat(http.post(LIST, "{\"account\":{\"name\":\"x\"}}").status()).isEqualTo(429);
    }

    @Test
    void theLastRuleForARouteWins() {
        faults().rateLimit("*", "*", 1, Duration.ofSeconds(60));
        faults().rateLimit("GET", LIST, 5, Duration.ofSeconds(60));

        assertHeaders(http.get(LIST), "5", "4", "0");
        assertHeaders(http.get("/cbi/v1/setup/account"), "1", "0", "60");
    }

    @Test
    void unlimitedRoutesReportANominalLimit() {
        assertHeaders(
                http.get(LIST),
                String.valueOf(Invented.UNLIMITED_RATE_LIMIT),
                String.valueOf(Invented.UNLIMITED_RATE_LIMIT),
                "0");
    }

    @Test
    void refusedAuthenticationIsNotCountedButShowsTheWindow() {
        faults().rateLimit("GET", LIST, 2, Duration.ofSeconds(60));
        http.get(LIST);

        Reply unauthorized = http.withToken(null).get(LIST);

        assertThat(unauthorized.status()).isEqualTo(401);
        assertHeaders(unauthorized, "2", "1", "0");
        assertThat(http.get(LIST).status()).isEqualTo(200);
    }

    private static void assertHeaders(Reply reply, String limit, String remaining, String reset) {
        assertThat(reply.header(Wire.RATE_LIMIT_LIMIT)).as("limit").isEqualTo(limit);
        assertThat(reply.header(Wire.RATE_LIMIT_REMAINING)).as("remaining").isEqualTo(remaining);
        assertThat(reply.header(Wire.RATE_LIMIT_RESET)).as("reset").isEqualTo(reset);
    }
}
