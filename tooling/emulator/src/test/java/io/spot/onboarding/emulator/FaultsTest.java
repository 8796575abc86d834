package io.spot.onboarding.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultsTest extends EmulatorTest {

    private static final String CREATE = "{\"account\":{\"name\":\"faulty\"}}";

    @Test
    void throttleNextAnswers429WithTheResetHeader() {
        faults().throttleNext("POST", "/setup/account", 2, 7);

        Reply first = http.post("/setup/account", CREATE);
        Reply second = http.post("/setup/account", CREATE);
        Reply third = http.post("/setup/account", CREATE);

        for (Reply throttled : new Reply[] {first, second}) {
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.response().path("status").path("code").asInt()).isEqualTo(429);
            assertThat(throttled.response().path("status").path("message").asText())
                    .isEqualTo("Too Many Requests");
            assertThat(throttled.response().path("data").asText()).isEqualTo("Rate limit exceeded");
            assertThat(throttled.response().has("errors")).isFalse();
            assertThat(throttled.header(Wire.RATE_LIMIT_RESET)).isEqualTo("7");
            assertThat(throttled.header(Wire.RATE_LIMIT_REMAINING)).isEqualTo("0");
            assertThat(throttled.json().path("request").path("method").asText()).isEqualTo("POST");
        }
        assertThat(third.status()).isEqualTo(200);
        assertThat(state().accounts()).hasSize(2);
    }

    @Test
    void throttleOnlyHitsMatchingRequests() {
        faults().throttleNext("POST", "/setup/account", 1, 1);

        assertThat(http.get("/setup/account").status()).isEqualTo(200);
        assertThat(http.put("/setup/account/" + state().defaultAccountId(), CREATE)
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/setup/account", CREATE).status()).isEqualTo(429);
    }

    @Test
    void throttleWithoutResetHeaderLeavesTheHeaderOut() {
        faults().throttleNextWithoutResetHeader("GET", "/setup/account", 1);

        Reply throttled = http.get("/setup/account");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header(Wire.RATE_LIMIT_RESET)).isNull();
        assertThat(throttled.header(Wire.RATE_LIMIT_LIMIT)).isNotNull();
        assertThat(http.get("/setup/account").header(Wire.RATE_LIMIT_RESET)).isEqualTo("0");
    }

    @Test
    void serverErrorNextAnswersWithAnErrorEnvelopeAndAppliesNothing() {
        faults().serverErrorNext("POST", "/setup/account", 1, 503);

        Reply failed = http.post("/setup/account", CREATE);

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.response().path("status").path("message").asText()).isEqualTo("Service Unavailable");
        assertThat(failed.errorCode()).isEqualTo(Invented.INTERNAL_ERROR);
        assertThat(state().accounts()).hasSize(1);
        assertThat(http.post("/setup/account", CREATE).status()).isEqualTo(200);
    }

    @Test
    void wildcardMethodMatchesEveryMethodOfTheRoute() {
        faults().serverErrorNext("*", "/setup/account/{id}", 2, 500);
        String path = "/setup/account/" + state().defaultAccountId();

        assertThat(http.get(path).status()).isEqualTo(500);
        assertThat(http.get("/setup/account").status()).isEqualTo(200);
        assertThat(http.put(path, CREATE).status()).isEqualTo(500);
        assertThat(http.get(path).status()).isEqualTo(200);
    }

    @Test
    void latencyDelaysInRealTimeWithoutMovingTheEmulatorClock() {
        faults().latency("GET", "/setup/account", Duration.ofMillis(150));

        long started = System.nanoTime();
        Reply slow = http.get("/setup/account");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(elapsedMillis).isGreaterThanOrEqualTo(150);
        assertThat(slow.status()).isEqualTo(200);
        assertThat(slow.json().path("request").path("timestamp").asText()).isEqualTo("2025-01-15T10:00:00.000Z");
    }

    @Test
    void droppedResponseAppliesTheWriteButTheClientGetsNoAnswer() {
        faults().dropResponseAfterWrite("POST", "/setup/account", 1);

        assertThatThrownBy(() -> http.sendOrThrow("POST", "/setup/account", CREATE))
                .isInstanceOf(IOException.class);

        assertThat(state().accounts()).extracting(SpotAccountRecord::name).contains("faulty");
        RecordedRequest recorded = emulator.requests().get(0);
        assertThat(recorded.status()).isEqualTo(RecordedRequest.NO_RESPONSE);
        assertThat(recorded.responded()).isFalse();
        assertThat(http.post("/setup/account", CREATE).status()).isEqualTo(200);
        assertThat(state().accounts()).hasSize(3);
    }

    @Test
    void droppedResponseOnARenameStillRenames() {
        String accountId = createAccount("before");
        faults().dropResponseAfterWrite("PUT", "/setup/account/{id}", 1);

        assertThatThrownBy(() ->
                        http.sendOrThrow("PUT", "/setup/account/" + accountId, "{\"account\":{\"name\":\"after\"}}"))
                .isInstanceOf(IOException.class);

        assertThat(state().account(accountId).orElseThrow().name()).isEqualTo("after");
    }

    @Test
    void resetConnectionClosesBeforeAnythingIsApplied() {
        faults().resetConnectionNext("POST", "/setup/account", 1);

        assertThatThrownBy(() -> http.sendOrThrow("POST", "/setup/account", CREATE))
                .isInstanceOf(IOException.class);

        assertThat(state().accounts()).hasSize(1);
        assertThat(emulator.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RecordedRequest.NO_RESPONSE));
        assertThat(http.post("/setup/account", CREATE).status()).isEqualTo(200);
    }

    @Test
    void faultsCombineInTheirDocumentedOrder() {
        faults().serverErrorNext("POST", "/setup/account", 1, 502);
        faults().throttleNext("POST", "/setup/account", 1, 3);

        assertThat(http.post("/setup/account", CREATE).status()).isEqualTo(429);
        assertThat(http.post("/setup/account", CREATE).status()).isEqualTo(502);
        assertThat(http.post("/setup/account", CREATE).status()).isEqualTo(200);
    }

    @Test
    void authenticationComesBeforeCountedFaults() {
        faults().serverErrorNext("GET", "/setup/account", 1, 500);

        assertThat(http.withToken(null).get("/setup/account").status()).isEqualTo(401);
        assertThat(http.get("/setup/account").status()).isEqualTo(500);
    }

    @Test
    void resetClearsEveryFault() {
        faults().throttleNext("*", "*", 5, 1);
        faults().serverErrorNext("*", "*", 5, 500);
        faults().resetConnectionNext("*", "*", 5);
        faults().rateLimit("*", "*", 1, Duration.ofHours(1));
        faults().accountLimit(1);
        faults().iamPropagationDelay(Duration.ofDays(1));

        faults().reset();

        assertThat(http.post("/setup/account", CREATE).status()).isEqualTo(200);
        assertThat(http.post("/setup/account", CREATE).status()).isEqualTo(200);
        String accountId = createAccount("linked");
        mintExternalId(accountId);
        assertThat(setCredentials(accountId, ROLE_ARN).status()).isEqualTo(200);
    }

    @Test
    void faultsRejectTyposAndNonsense() {
        assertThatThrownBy(() -> faults().throttleNext("GET", "/setup/accounts", 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/setup/account/{id}");
        assertThatThrownBy(() -> faults().serverErrorNext("GET", "*", 1, 200))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults().accountLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults().rateLimit("GET", "*", 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
