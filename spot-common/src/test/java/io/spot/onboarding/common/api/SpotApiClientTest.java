package io.spot.onboarding.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against Spot's wire shapes as docs/spot-api.md records them, quirks included. */
class SpotApiClientTest {
    /**
     * MockWebServer logs a WARNING when a client opens a connection and sends nothing, which the
     * dropped-connection and timeout tests provoke on purpose. Held in a field: JUL keeps loggers weakly.
     */
    private static final Logger MOCK_SERVER_LOG = quiet(Logger.getLogger(MockWebServer.class.getName()));

    private static final String TOKEN = "clientTestToken0123456789";
    private static final String REQUEST = "\"request\":{\"id\":\"e593ff58-067d-4340-92f9-8b1c0bad70d7\","
            + "\"url\":\"/x\",\"method\":\"GET\",\"timestamp\":\"2026-06-20T11:35:01.745Z\"}";

    private MockWebServer server;
    private SpotApiClient client;

    private static Logger quiet(final Logger logger) {
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = SpotApiClient.create(
                SpotEndpoint.of(server.url("/").toString()),
                TOKEN,
                new SpotClientTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private void answer(final int status, final String response) {
        server.enqueue(new MockResponse()
                .setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setBody("{" + REQUEST + ",\"response\":" + response + "}"));
    }

    private RecordedRequest taken() throws InterruptedException {
        return server.takeRequest(1, TimeUnit.SECONDS);
    }

    @Test
    void listReadsAccountIdAndANumericOrganizationIdAndIgnoresUnknownFields() throws Exception {
        answer(
                200,
                "{\"status\":{\"code\":200,\"message\":\"OK\"},\"kind\":\"spotinst:setup:account\",\"items\":["
                        + "{\"accountId\":\"act-57765123\",\"organizationId\":606079861123,\"name\":\"prod\","
                        + "\"providerExternalId\":\"123456789012\",\"cloudProvider\":\"AWS\",\"createdAt\":"
                        + "\"2017-04-16T09:58:24.000Z\",\"somethingNew\":{\"nested\":true}}],\"count\":1}");

        final AccountListing listing = client.listAccounts();

        assertThat(listing.accounts())
                .containsExactly(new SpotAccount(
                        "act-57765123",
                        "prod",
                        "606079861123",
                        "123456789012",
                        "AWS",
                        Instant.parse("2017-04-16T09:58:24Z")));
        assertThat(listing.serverTime()).isEqualTo(Instant.parse("2026-06-20T11:35:01.745Z"));
        final RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("User-Agent")).startsWith("spot-onboarding-cloudformation/");
    }

    @Test
    void createReadsTheIdFieldAndAStringOrganizationId() throws Exception {
        answer(
                200,
                "{\"status\":{\"code\":200},\"kind\":\"spotinst:setup:account\",\"items\":[{\"id\":"
                        + "\"act-123456\",\"name\":\"AccountName\",\"organizationId\":\"606012341234\"}],\"count\":1}");

        final SpotAccount created = client.createAccount("AccountName");

        assertThat(created.accountId()).isEqualTo("act-123456");
        assertThat(created.organizationId()).isEqualTo("606012341234");
        assertThat(created.isLinked()).isFalse();
        final RecordedRequest request = taken();
        assertThat(request.getPath()).isEqualTo("/setup/account");
        assertThat(request.getBody().readUtf8()).isEqualTo("{\"account\":{\"name\":\"AccountName\"}}");
    }

    @Test
    void findByCloudAccountSendsTheFilter() throws Exception {
        answer(200, "{\"status\":{\"code\":200},\"items\":[],\"count\":0}");

        assertThat(client.findAccountsByCloudAccount("634245686616")).isEmpty();
        assertThat(taken().getPath()).isEqualTo("/setup/account?cloudAccountId=634245686616");
    }

    @Test
    void externalIdIsMintedWithNoBodyAndTheAccountInTheQuery() throws Exception {
        answer(
                200,
                "{\"status\":{\"code\":200},\"kind\":\"spotinst:setup:aws:externalId\",\"items\":[{\"externalId\":"
                        + "\"spotinst:aws:extid:abc\",\"maxValidUntil\":\"2021-03-18T16:11:04.402Z\"}]}");

        final ExternalId externalId = client.createExternalId("act-1");

        assertThat(externalId.externalId()).isEqualTo("spotinst:aws:extid:abc");
        assertThat(externalId.toString()).doesNotContain("spotinst:aws:extid:abc");
        final RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/setup/credentials/aws/externalId?accountId=act-1");
        assertThat(request.getBodySize()).isZero();
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void statusOnlyAnswersSucceedAndTheCredentialsBodyIsSpotsShape() throws Exception {
        answer(200, "{\"status\":{\"code\":200,\"message\":\"OK\"}}");

        client.linkRole("act-1", "arn:aws:iam::123456789012:role/SpotRole");

        final RecordedRequest request = taken();
        assertThat(request.getPath()).isEqualTo("/setup/credentials/aws?accountId=act-1");
        assertThat(request.getBody().readUtf8())
                .isEqualTo("{\"credentials\":{\"iamRole\":\"arn:aws:iam::123456789012:role/SpotRole\"}}");
    }

    @Test
    void aStatusCodeOtherThan200InsideA200IsAFailure() {
        answer(
                200,
                "{\"status\":{\"code\":400,\"message\":\"Bad Request\"},\"errors\":[{\"code\":\"X\","
                        + "\"message\":\"nope\"}]}");

        assertThatThrownBy(() -> client.renameAccount("act-1", "n"))
                .isInstanceOf(SpotValidationException.class)
                .hasMessageContaining("X: nope");
    }

    @Test
    void accountDoesntExistOn400IsNotFoundWithSpotsRequestId() {
        answer(
                400,
                "{\"status\":{\"code\":400,\"message\":\"Bad Request\"},\"errors\":[{\"code\":"
                        + "\"Account_DOESNT_EXIST\",\"message\":\"Account act-1 does not exist\"}],\"count\":1}");

        assertThatThrownBy(() -> client.getAccount("act-1"))
                .isInstanceOfSatisfying(SpotNotFoundException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.requestId()).isEqualTo("e593ff58-067d-4340-92f9-8b1c0bad70d7");
                    assertThat(e.hasErrorCode("Account_DOESNT_EXIST")).isTrue();
                })
                .hasMessageContaining("GET /setup/account/act-1")
                .hasMessageContaining("[Spot request id e593ff58-067d-4340-92f9-8b1c0bad70d7]");
    }

    @Test
    void validationErrorsKeepTheirField() {
        answer(
                400,
                "{\"status\":{\"code\":400,\"message\":\"Bad Request\"},\"errors\":[{\"field\":\"query.accountId\","
                        + "\"message\":\"\\\"accountId\\\" is required\",\"code\":\"ValidationError\"}]}");

        assertThatThrownBy(() -> client.linkRole("act-1", "arn"))
                .isInstanceOfSatisfying(
                        SpotValidationException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new SpotError(
                                        "ValidationError", "\"accountId\" is required", "query.accountId")))
                .hasMessageContaining("(field query.accountId)");
    }

    @Test
    void the429BodyHasDataInsteadOfErrorsAndTheResetHeaderIsKept() {
        server.enqueue(new MockResponse()
                .setResponseCode(429)
                .setHeader("X-RateLimit-Reset", "17")
                .setHeader("X-RateLimit-Remaining", "0")
                .setBody("{" + REQUEST + ",\"response\":{\"status\":{\"code\":429,"
                        + "\"message\":\"Too Many Requests\"},\"data\":\"Rate limit exceeded\"}}"));

        assertThatThrownBy(() -> client.listAccounts())
                .isInstanceOfSatisfying(
                        SpotRateLimitException.class,
                        e -> assertThat(e.resetSeconds()).hasValue(17))
                .hasMessageContaining("Rate limit exceeded");
    }

    @Test
    void statusesMapToTypedExceptions() {
        answer(401, "{\"status\":{\"code\":401,\"message\":\"Unauthorized\"}}");
        answer(403, "{\"status\":{\"code\":403,\"message\":\"Forbidden\"}}");
        answer(404, "{\"status\":{\"code\":404,\"message\":\"Not Found\"}}");
        answer(503, "{\"status\":{\"code\":503,\"message\":\"Service Unavailable\"}}");
        server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>bad gateway</html>"));

        assertThatThrownBy(() -> client.listAccounts()).isInstanceOf(SpotUnauthorizedException.class);
        assertThatThrownBy(() -> client.listAccounts()).isInstanceOf(SpotForbiddenException.class);
        assertThatThrownBy(() -> client.listAccounts()).isInstanceOf(SpotNotFoundException.class);
        assertThatThrownBy(() -> client.listAccounts()).isInstanceOf(SpotServerException.class);
        assertThatThrownBy(() -> client.listAccounts())
                .isInstanceOf(SpotServerException.class)
                .hasMessageContaining("HTTP 502");
    }

    @Test
    void a404WithoutSpotsEnvelopeIsNotNotFound() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("<html>404 page not found</html>"));
        server.enqueue(new MockResponse().setResponseCode(404).setBody(""));

        assertThatThrownBy(() -> client.getAccount("act-1"))
                .isInstanceOf(SpotForeignAnswerException.class)
                .isNotInstanceOf(SpotNotFoundException.class)
                .hasMessageContaining("without Spot's response envelope");
        assertThatThrownBy(() -> client.deleteAccount("act-1")).isInstanceOf(SpotForeignAnswerException.class);
    }

    @Test
    void a200WithoutSpotsEnvelopeIsNoAnswer() {
        server.enqueue(new MockResponse().setResponseCode(200).setBody("<html>welcome</html>"));

        assertThatThrownBy(() -> client.findAccountsByCloudAccount("123456789012"))
                .isInstanceOf(SpotForeignAnswerException.class);
    }

    @Test
    void anAnswerAboutAnotherAccountIsNotTheAccountAskedFor() {
        answer(200, "{\"status\":{\"code\":200},\"items\":[{\"accountId\":\"act-2\",\"name\":\"other\"}]}");

        assertThatThrownBy(() -> client.getAccount("act-1"))
                .isInstanceOf(SpotForeignAnswerException.class)
                .hasMessageContaining("act-2")
                .hasMessageContaining("act-1");
    }

    @Test
    void aDeleteRefusedWithAnotherNotFoundCodeIsConfirmedByARead() throws Exception {
        answer(
                400,
                "{\"status\":{\"code\":400},\"errors\":[{\"code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"x\"}]}");
        answer(200, "{\"status\":{\"code\":200},\"items\":[{\"accountId\":\"act-1\",\"name\":\"still here\"}]}");

        assertThatThrownBy(() -> client.deleteAccount("act-1"))
                .isInstanceOf(SpotValidationException.class)
                .isNotInstanceOf(SpotNotFoundException.class)
                .hasMessageContaining("still exists");
        assertThat(taken().getMethod()).isEqualTo("DELETE");
        assertThat(taken().getPath()).isEqualTo("/setup/account/act-1");
    }

    @Test
    void aDeleteRefusedWithAnotherNotFoundCodeIsGoneWhenTheReadAgrees() {
        answer(404, "{\"status\":{\"code\":404,\"message\":\"Not Found\"}}");
        answer(400, "{\"status\":{\"code\":400},\"errors\":[{\"code\":\"Account_DOESNT_EXIST\",\"message\":\"x\"}]}");

        assertThatThrownBy(() -> client.deleteAccount("act-1")).isInstanceOf(SpotNotFoundException.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void accountDoesntExistOnADeleteIsTakenAtItsWord() {
        answer(400, "{\"status\":{\"code\":400},\"errors\":[{\"code\":\"Account_DOESNT_EXIST\",\"message\":\"x\"}]}");

        assertThatThrownBy(() -> client.deleteAccount("act-1")).isInstanceOf(SpotNotFoundException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionIsANetworkFailureAndThePostIsNotRepeated() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

        assertThatThrownBy(() -> client.createAccount("x")).isInstanceOf(SpotNetworkException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSlowAnswerIsANetworkFailure() {
        server.enqueue(new MockResponse().setBody("{}").setHeadersDelay(2, TimeUnit.SECONDS));

        assertThatThrownBy(() -> client.listAccounts())
                .isInstanceOf(SpotNetworkException.class)
                .hasMessageContaining("GET /setup/account");
    }

    @Test
    void costIntelligenceCallsCarryTheOrganizationLearnedFromSpotsAccountAnswerOnce() throws Exception {
        answer(
                200,
                "{\"status\":{\"code\":200},\"items\":[{\"accountId\":\"act-1\",\"organizationId\":606079861123}]}");
        answer(200, "{\"status\":{\"code\":200},\"items\":[]}");
        answer(200, "{\"status\":{\"code\":200},\"items\":[{\"accountId\":\"act-1\"}]}");
        answer(200, "{\"status\":{\"code\":200},\"items\":[],\"paginationInfo\":{}}");

        client.validateCostIntelligence("act-1");
        client.enrollCostIntelligence("act-1");
        client.listCostIntelligenceAccounts(null, null);

        assertThat(taken().getPath()).isEqualTo("/setup/account/act-1");
        for (final String path :
                new String[] {"/cbi/v1/setup/account/validation", "/cbi/v1/setup/account", "/cbi/v1/setup/account"}) {
            final RecordedRequest request = taken();
            assertThat(request.getPath()).isEqualTo(path);
            assertThat(request.getHeader("Spotinst-Organization-ID")).isEqualTo("606079861123");
        }
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aCostIntelligenceListNamingNoAccountLearnsTheOrganizationFromTheAccountList() throws Exception {
        answer(200, "{\"status\":{\"code\":200},\"items\":[{\"accountId\":\"act-9\",\"organizationId\":\"77\"}]}");
        answer(200, "{\"status\":{\"code\":200},\"items\":[],\"paginationInfo\":{}}");

        client.listCostIntelligenceAccounts(null, null);

        assertThat(taken().getPath()).isEqualTo("/setup/account");
        assertThat(taken().getHeader("Spotinst-Organization-ID")).isEqualTo("77");
    }

    @Test
    void costIntelligencePagesFollowNextKey() throws Exception {
        answer(200, "{\"status\":{\"code\":200},\"items\":[{\"accountId\":\"act-1\",\"organizationId\":\"1\"}]}");
        client.listAccounts();
        taken();
        answer(
                200,
                "{\"status\":{\"code\":200},\"items\":[{\"accountId\":\"act-1\",\"organizationId\":60100100100100,"
                        + "\"providerName\":\"aws\",\"externalProviderId\":\"012345678901\",\"statusSummary\":\"connected\","
                        + "\"enabledDate\":\"2025-01-01T00:00:00Z\"}],\"paginationInfo\":{\"totalCount\":3,\"nextKey\":\"k2\","
                        + "\"previousKey\":null}}");

        final Page<CostIntelligenceAccount> page = client.listCostIntelligenceAccounts("k1", 1);

        assertThat(page.items())
                .extracting(CostIntelligenceAccount::accountId, CostIntelligenceAccount::organizationId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("act-1", "60100100100100"));
        assertThat(page.nextKey()).isEqualTo("k2");
        assertThat(page.hasNext()).isTrue();
        assertThat(page.totalCount()).isEqualTo(3);
        assertThat(taken().getPath()).isEqualTo("/cbi/v1/setup/account?paginationSize=1&paginationKey=k1");
    }

    @Test
    void theTokenAppearsInNoExceptionMessage() {
        answer(
                401,
                "{\"status\":{\"code\":401,\"message\":\"Unauthorized\"},\"errors\":[{\"code\":\"UNAUTHORIZED\","
                        + "\"message\":\"bad token\"}]}");

        assertThatThrownBy(() -> client.listAccounts()).satisfies(e -> {
            assertThat(e.getMessage()).doesNotContain(TOKEN);
            assertThat(e.toString()).doesNotContain(TOKEN);
        });
        assertThat(client.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aTokenThatCouldInjectAHeaderIsRefused() {
        assertThatThrownBy(() -> SpotApiClient.create(
                        SpotEndpoint.of(server.url("/").toString()), "abc\r\nX-Evil: 1", SpotClientTimeouts.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("X-Evil");
    }
}
