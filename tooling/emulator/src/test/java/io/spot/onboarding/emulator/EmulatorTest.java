package io.spot.onboarding.emulator;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh emulator per test on a simulated clock, with an admin and a read-only token. */
abstract class EmulatorTest {

    static final String ADMIN_TOKEN = "tokAdmin0123456789";
    static final String VIEWER_TOKEN = "tokViewer0123456789";
    static final String ORG_ID = "606079861123";
    static final Instant START = Instant.parse("2025-01-15T10:00:00.000Z");
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/SpotRole";

    MutableClock clock;
    SpotEmulator emulator;
    SpotHttp http;

    @BeforeEach
    void startEmulator() {
        clock = new MutableClock(START);
        emulator = SpotEmulator.builder()
                .token(ADMIN_TOKEN)
                .readOnlyToken(VIEWER_TOKEN)
                .organizationId(ORG_ID)
                .clock(clock)
                .build()
                .start();
        http = new SpotHttp(emulator.baseUrl(), ADMIN_TOKEN);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    EmulatorState state() {
        return emulator.state();
    }

    Faults faults() {
        return emulator.faults();
    }

    String createAccount(String name) {
        return http.post("/setup/account", "{\"account\":{\"name\":\"" + name + "\"}}")
                .item()
                .path("id")
                .asText();
    }

    String mintExternalId(String accountId) {
        return http.post("/setup/credentials/aws/externalId?accountId=" + accountId, null)
                .item()
                .path("externalId")
                .asText();
    }

    Reply setCredentials(String accountId, String roleArn) {
        return http.post(
                "/setup/credentials/aws?accountId=" + accountId, "{\"credentials\":{\"iamRole\":\"" + roleArn + "\"}}");
    }

    /** E2 + E6 + E7 as the onboarding flow does them. */
    String createLinkedAccount(String name, String roleArn) {
        String accountId = createAccount(name);
        mintExternalId(accountId);
        setCredentials(accountId, roleArn);
        return accountId;
    }

    static String accountBody(String accountId) {
        return "{\"account\":{\"accountId\":\"" + accountId + "\"}}";
    }
}
