package io.spot.onboarding.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopeAndAuthTest extends EmulatorTest {

    @Test
    void everyAnswerEchoesTheRequestInSpotsEnvelope() {
        Reply reply = http.get("/setup/account?cloudAccountId=123456789012");

        JsonNode request = reply.json().path("request");
        assertThat(UUID.fromString(request.path("id").asText())).isNotNull();
        assertThat(request.path("url").asText()).isEqualTo("/setup/account?cloudAccountId=123456789012");
        assertThat(request.path("method").asText()).isEqualTo("GET");
        assertThat(request.path("timestamp").asText()).isEqualTo("2025-01-15T10:00:00.000Z");
        assertThat(reply.response().path("status").path("code").asInt()).isEqualTo(200);
        assertThat(reply.response().path("status").path("message").asText()).isEqualTo("OK");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void everyAnswerCarriesRateLimitHeaders() {
        assertRateLimitHeaders(http.get("/setup/account"));
        assertRateLimitHeaders(http.withToken(null).get("/setup/account"));
        assertRateLimitHeaders(http.get("/no/such/route"));
        assertRateLimitHeaders(http.get("/setup/account/act-00000000"));
    }

    @Test
    void missingTokenIsUnauthorized() {
        Reply reply = http.withToken(null).get("/setup/account");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.response().path("status").path("code").asInt()).isEqualTo(401);
        assertThat(reply.response().path("status").path("message").asText()).isEqualTo("Unauthorized");
        assertThat(reply.errorCode()).isEqualTo(Invented.UNAUTHORIZED);
        assertThat(reply.response().path("count").asInt()).isEqualTo(1);
    }

    @Test
    void unknownTokenIsUnauthorizedAndChangesNothing() {
        Reply reply = http.withToken("notAToken").post("/setup/account", "{\"account\":{\"name\":\"x\"}}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(state().accounts()).hasSize(1);
    }

    @Test
    void readOnlyTokenReadsButCannotWrite() {
        SpotHttp viewer = http.withToken(VIEWER_TOKEN);

        assertThat(viewer.get("/setup/account").status()).isEqualTo(200);
        Reply create = viewer.post("/setup/account", "{\"account\":{\"name\":\"x\"}}");
        Reply delete = viewer.delete("/setup/account/" + state().defaultAccountId());

        assertThat(create.status()).isEqualTo(403);
        assertThat(create.errorCode()).isEqualTo(Invented.FORBIDDEN);
        assertThat(create.response().path("kind").asText()).isEqualTo(Wire.ACCOUNT_KIND);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(state().accounts()).hasSize(1);
    }

    @Test
    void unknownPathOrMethodIsNotFound() {
        Reply unknownPath = http.get("/setup/nothing");
        Reply unknownMethod = http.send("PATCH", "/setup/account", "{}");

        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.errorCode()).isEqualTo(Invented.ROUTE_NOT_FOUND);
        assertThat(unknownMethod.status()).isEqualTo(404);
        assertThat(emulator.requestCount("PATCH", "/setup/account")).isEqualTo(1);
    }

    @Test
    void bodyThatIsNotJsonIsBadRequest() {
        Reply reply = http.post("/setup/account", "{\"account\":");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(Invented.INVALID_JSON);
    }

    @Test
    void requestLogNeverHoldsATokenButHoldsTheRest() {
        http.post("/setup/account", "{\"account\":{\"name\":\"logged\"}}");
        http.withToken(VIEWER_TOKEN).get("/setup/account?cloudAccountId=1");
        http.withToken("wrongToken123").get("/setup/account");
        http.withToken(null).get("/setup/account");

        assertThat(emulator.requests()).hasSize(4);
        for (RecordedRequest recorded : emulator.requests()) {
            assertThat(recorded.toString()).doesNotContain(ADMIN_TOKEN, VIEWER_TOKEN, "wrongToken123");
        }
        RecordedRequest first = emulator.requests().get(0);
        assertThat(first.authorization()).isEqualTo("Bearer ***");
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/setup/account");
        assertThat(first.route()).isEqualTo("/setup/account");
        assertThat(first.body()).isEqualTo("{\"account\":{\"name\":\"logged\"}}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.timestamp()).isEqualTo(START);
        assertThat(emulator.requests().get(1).query()).isEqualTo("cloudAccountId=1");
        assertThat(emulator.requests().get(2).status()).isEqualTo(401);
        assertThat(emulator.requests().get(3).authorization()).isNull();
    }

    @Test
    void requestCountsByMethodAndRouteTemplate() {
        String accountId = createAccount("a");
        http.get("/setup/account/" + accountId);
        http.get("/setup/account/" + state().defaultAccountId());
        http.get("/setup/account");

        assertThat(emulator.requestCount("GET", "/setup/account/{id}")).isEqualTo(2);
        assertThat(emulator.requestCount("get", "/setup/account")).isEqualTo(1);
        assertThat(emulator.requestCount("*", "/setup/account")).isEqualTo(2);
        assertThat(emulator.requestCount("*", "*")).isEqualTo(4);

        emulator.clearRequests();

        assertThat(emulator.requests()).isEmpty();
        assertThat(emulator.requestCount("*", "*")).isZero();
    }

    private static void assertRateLimitHeaders(Reply reply) {
        assertThat(reply.header(Wire.RATE_LIMIT_LIMIT)).isNotNull();
        assertThat(reply.header(Wire.RATE_LIMIT_REMAINING)).isNotNull();
        assertThat(reply.header(Wire.RATE_LIMIT_RESET)).isEqualTo("0");
    }
}
