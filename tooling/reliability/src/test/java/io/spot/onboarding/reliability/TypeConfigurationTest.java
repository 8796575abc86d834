package io.spot.onboarding.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.harness.MotoServer;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad type configuration for every type: each gets a FAILED that says what to set, before any call
 * to Spot. Secrets are read with the real AWS SDK from moto_server.
 */
class TypeConfigurationTest {

    @BeforeAll
    static void moto() {
        MotoServer.shared().reset();
    }

    /** A bad configuration, the error code it must get, and what the message must say. */
    enum BadConfiguration {
        NONE(h -> null, "InvalidTypeConfiguration", "SpotCredentials.ApiToken"),
        EMPTY_TOKEN(h -> credentials(h, "{\"ApiToken\":\"\"}"), "InvalidTypeConfiguration", "is empty"),
        TOKEN_WITH_A_LINE_BREAK(
                h -> credentials(h, "{\"ApiToken\":\"abc\\r\\nX-Evil: 1\"}"),
                "InvalidTypeConfiguration",
                "printable ASCII"),
        MALFORMED_URL(
                h -> credentials(h, "{\"ApiToken\":\"" + h.token + "\",\"ApiUrl\":\"not a url\"}"),
                "InvalidTypeConfiguration",
                "SpotCredentials.ApiUrl"),
        URL_WITH_A_PATH(
                h -> credentials(h, "{\"ApiToken\":\"" + h.token + "\",\"ApiUrl\":\"https://api.spotinst.io/v1\"}"),
                "InvalidTypeConfiguration",
                "no path or query"),
        CLEAR_TEXT_URL(
                h -> credentials(h, "{\"ApiToken\":\"" + h.token + "\",\"ApiUrl\":\"http://api.spotinst.io\"}"),
                "InvalidTypeConfiguration",
                "SpotCredentials.ApiUrl",
                "https://"),
        TOKEN_FOR_A_SPOT_ELSEWHERE(
                h -> credentials(h, "{\"ApiToken\":\"" + h.token + "\"}"),
                "InvalidTypeConfiguration",
                "SpotCredentials.ApiToken is accepted only in a local or test run",
                "SpotCredentials.ApiTokenSecret"),
        TOKEN_IN_PLACE_OF_A_SECRET_NAME(
                h -> credentials(h, "{\"ApiTokenSecret\":\"" + h.token + "\",\"ApiUrl\":\"" + h.spot.baseUrl() + "\"}"),
                "InvalidTypeConfiguration",
                "SpotCredentials.ApiTokenSecret",
                "if that is the token itself"),
        SECRET_NOT_FOUND(
                h -> credentials(
                        h, "{\"ApiTokenSecret\":\"cfn/spot/missing\",\"ApiUrl\":\"" + h.spot.baseUrl() + "\"}"),
                "InvalidTypeConfiguration",
                "cfn/spot/missing");

        private final Function<SpotTypeHarness, ObjectNode> configuration;
        private final String errorCode;
        private final String[] named;

        BadConfiguration(
                final Function<SpotTypeHarness, ObjectNode> configuration,
                final String errorCode,
                final String... named) {
            this.configuration = configuration;
            this.errorCode = errorCode;
            this.named = named;
        }

        private static ObjectNode credentials(final SpotTypeHarness harness, final String json) {
            final ObjectNode configuration = CloudFormationRequest.MAPPER.createObjectNode();
            configuration.set("SpotCredentials", CloudFormationRequest.props(json));
            return configuration;
        }
    }

    static Stream<Arguments> cases() {
        final List<Arguments> cases = new ArrayList<>();
        for (final SpotTypes type : SpotTypes.values()) {
            for (final BadConfiguration bad : BadConfiguration.values()) {
                cases.add(Arguments.of(type, bad));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    void isRefusedSayingWhatToSetBeforeAnySpotCall(final SpotTypes type, final BadConfiguration bad) {
        try (SpotTypeHarness harness = type.harness()) {
            final HandlerResponse response = harness.driver
                    .run(harness.request("CREATE")
                            .typeConfiguration(bad.configuration.apply(harness))
                            .properties(type.validModel())
                            .json())
                    .last();

            assertThat(response.errorCode()).as(response.message()).isEqualTo(bad.errorCode);
            assertThat(response.message()).contains(bad.named).doesNotContain(harness.token);
            assertThat(harness.spot.requests()).as("calls to Spot").isEmpty();
        }
    }

    /**
     * A secret the execution role may not read. moto does not enforce IAM, so Secrets Manager is
     * played for one region by a server that answers as AWS does when a policy says no.
     */
    @Test
    void aSecretTheRoleMayNotReadIsAccessDeniedNamingThePermission() throws IOException {
        final HttpServer denying = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        denying.createContext("/", exchange -> {
            final byte[] body = ("{\"__type\":\"AccessDeniedException\",\"Message\":\"User is not authorized to "
                            + "perform: secretsmanager:GetSecretValue\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "AccessDeniedException");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        denying.start();
        final String moto = System.getProperty("aws.endpointUrl");
        try (SpotTypeHarness harness = SpotTypes.ACCOUNT.harness()) {
            // Clients are built once per region: a region no other test uses gets one aimed here.
            System.setProperty(
                    "aws.endpointUrl",
                    "http://127.0.0.1:" + denying.getAddress().getPort());
            final ObjectNode request = harness.request("CREATE")
                    .typeConfiguration(null)
                    .properties(SpotTypes.ACCOUNT.validModel())
                    .json();
            request.put("region", "ap-southeast-7");

            final HandlerResponse response = harness.driver.run(request).last();

            assertThat(response.errorCode()).isEqualTo("AccessDenied");
            assertThat(response.message()).contains("secretsmanager:GetSecretValue", "cfn/spot/api-token");
            assertThat(harness.spot.requests()).isEmpty();
        } finally {
            System.setProperty("aws.endpointUrl", moto);
            denying.stop(0);
        }
    }
}
