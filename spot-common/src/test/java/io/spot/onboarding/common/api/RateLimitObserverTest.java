package io.spot.onboarding.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client keeps each route's last X-RateLimit-* headers, its own answers only. */
class RateLimitObserverTest {
    private static final String OK =
            "{\"request\":{\"id\":\"r\"},\"response\":{\"status\":{\"code\":200},\"items\":[]}}";
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private SpotApiClient client() {
        return SpotApiClient.create(
                SpotEndpoint.of(server.url("/").toString()),
                "observerTestToken0123456789",
                new SpotClientTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(2)));
    }

    private void answer(final int status, final String limit, final String remaining, final String reset) {
        final MockResponse response = new MockResponse().setResponseCode(status).setBody(OK);
        if (limit != null) {
            response.setHeader("X-RateLimit-Limit", limit);
        }
        if (remaining != null) {
            response.setHeader("X-RateLimit-Remaining", remaining);
        }
        if (reset != null) {
            response.setHeader("X-RateLimit-Reset", reset);
        }
        server.enqueue(response);
    }

    @Test
    void eachRouteKeepsItsLastAnswerWithoutTheQuery() {
        final SpotApiClient client = client();
        answer(200, "600", "420", "0");
        client.findAccountsByCloudAccount("123456789012");

        assertThat(client.lastWindow("GET", "/setup/account")).hasValue(new RouteWindow(600, 420, 0));
        assertThat(client.lastWindow("GET", "/setup/account").get().used()).isEqualTo(180);
        assertThat(client.lastWindow("POST", "/setup/account")).isEmpty();
    }

    @Test
    void aRefusalIsObservedToo() {
        final SpotApiClient client = client();
        answer(429, "60", "0", "37");

        assertThatThrownBy(() -> client.createAccount("x")).isInstanceOf(SpotRateLimitException.class);
        assertThat(client.lastWindow("POST", "/setup/account")).hasValue(new RouteWindow(60, 0, 37));
    }

    @Test
    void aDecimalResetIsReadAsTheErrorReadsIt() {
        final SpotApiClient client = client();
        answer(429, "60", "0", "2.2");

        assertThatThrownBy(() -> client.createAccount("x"))
                .isInstanceOfSatisfying(
                        SpotRateLimitException.class,
                        e -> assertThat(e.resetSeconds()).hasValue(3));
        assertThat(client.lastWindow("POST", "/setup/account")).hasValue(new RouteWindow(60, 0, 3));
    }

    @Test
    void missingOrMalformedHeadersLeaveNothingAndTwoClientsShareNothing() {
        final SpotApiClient first = client();
        answer(200, "600", null, null);
        first.listAccounts();
        answer(200, "lots", "5", null);
        first.linkedRole("act-1");
        answer(200, "600", "1", null);
        client().listAccounts();

        assertThat(first.lastWindow("GET", "/setup/account")).isEmpty();
        assertThat(first.lastWindow("GET", "/setup/credentials/aws")).isEmpty();
    }
}
