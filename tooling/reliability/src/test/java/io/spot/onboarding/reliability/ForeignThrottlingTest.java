package io.spot.onboarding.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An ApiUrl whose every answer is a 429 without Spot's envelope or X-RateLimit-* headers (a proxy, a WAF, a
 * wrong URL) is not Spot's rate limit: each type's single stack fails within minutes, naming the URL and what
 * to check, instead of waiting out a limit that is not there.
 */
class ForeignThrottlingTest {
    private HttpServer proxy;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            calls.incrementAndGet();
            final byte[] body = "<html><body>429 Too Many Requests</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(429, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        proxy.start();
    }

    @AfterEach
    void stop() {
        proxy.stop(0);
    }

    @ParameterizedTest
    @EnumSource(SpotTypes.class)
    void endsWithinFifteenMinutesNamingTheUrl(final SpotTypes type) {
        try (SpotTypeHarness harness = type.harness()) {
            final String url = "http://127.0.0.1:" + proxy.getAddress().getPort();
            final ObjectNode configuration = CloudFormationRequest.MAPPER.createObjectNode();
            configuration.set(
                    "SpotCredentials",
                    CloudFormationRequest.props("{\"ApiToken\":\"" + harness.token + "\",\"ApiUrl\":\"" + url + "\"}"));

            final Operation create = harness.driver.run(harness.request("CREATE")
                    .typeConfiguration(configuration)
                    .properties(type.validModel())
                    .json());

            assertThat(create.last().status()).isEqualTo("FAILED");
            assertThat(create.last().errorCode()).isEqualTo("ServiceInternalError");
            assertThat(create.last().message())
                    .contains(url + "/", "not Spot's rate limit", "Check SpotCredentials.ApiUrl")
                    .doesNotContain(harness.token);
            assertThat(create.totalDelaySeconds()).as("simulated wait").isLessThanOrEqualTo(15 * 60);
            assertThat(calls.get()).as("a few tries, not a wait for a limit").isBetween(2, 10);
        }
    }
}
