package io.spot.onboarding.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void startDefaultServesTheTestTokenOnAnEphemeralPort() {
        try (SpotEmulator emulator = SpotEmulator.startDefault()) {
            assertThat(emulator.baseUrl())
                    .matches("http://127\\.0\\.0\\.1:\\d+")
                    .endsWith(":" + emulator.port());
            assertThat(emulator.port()).isPositive();
            assertThat(new SpotHttp(emulator.baseUrl(), SpotEmulator.DEFAULT_TOKEN)
                            .get("/setup/account")
                            .status())
                    .isEqualTo(200);
            assertThat(emulator.state().organizationId()).isEqualTo(SpotEmulator.DEFAULT_ORGANIZATION_ID);
        }
    }

    @Test
    void builderWithoutTokensAcceptsTheTestToken() {
        try (SpotEmulator emulator = SpotEmulator.builder().build().start()) {
            assertThat(new SpotHttp(emulator.baseUrl(), SpotEmulator.DEFAULT_TOKEN)
                            .get("/setup/account")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void severalAdminTokensAreAccepted() {
        try (SpotEmulator emulator =
                SpotEmulator.builder().token("one").token("two").build().start()) {
            SpotHttp http = new SpotHttp(emulator.baseUrl(), "one");
            assertThat(http.get("/setup/account").status()).isEqualTo(200);
            assertThat(http.withToken("two")
                            .post("/setup/account", "{\"account\":{\"name\":\"n\"}}")
                            .status())
                    .isEqualTo(200);
            assertThat(http.withToken(SpotEmulator.DEFAULT_TOKEN)
                            .get("/setup/account")
                            .status())
                    .isEqualTo(401);
        }
    }

    @Test
    void bindsTheRequestedPort() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (SpotEmulator emulator = SpotEmulator.builder().port(port).build().start()) {
            assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
        }
    }

    @Test
    void closeIsPromptEvenWithARequestInFlight() throws Exception {
        SpotEmulator emulator = SpotEmulator.startDefault();
        emulator.faults().latency("*", "*", Duration.ofSeconds(20));
        SpotHttp http = new SpotHttp(emulator.baseUrl(), SpotEmulator.DEFAULT_TOKEN);
        CompletableFuture<?> inFlight = CompletableFuture.runAsync(() -> {
            try {
                http.sendOrThrow("GET", "/setup/account", null);
            } catch (IOException expected) {
                // the emulator went away
            }
        });
        Thread.sleep(100);

        long started = System.nanoTime();
        emulator.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        inFlight.get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> http.sendOrThrow("GET", "/setup/account", null))
                .isInstanceOf(IOException.class);
        emulator.close();
    }

    @Test
    void lifecycleMisuseIsRefused() {
        SpotEmulator emulator = SpotEmulator.builder().build();
        assertThatThrownBy(emulator::baseUrl).isInstanceOf(IllegalStateException.class);
        emulator.start();
        try {
            assertThatThrownBy(emulator::start).isInstanceOf(IllegalStateException.class);
        } finally {
            emulator.close();
        }
        assertThatThrownBy(() -> SpotEmulator.builder().token(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpotEmulator.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mainParsesItsOptions() {
        try (SpotEmulator emulator = Main.parse(new String[] {
                    "--port", "0", "--token", "cliToken", "--read-only-token", "cliViewer", "--org-id", "111122223333"
                })
                .build()
                .start()) {
            SpotHttp http = new SpotHttp(emulator.baseUrl(), "cliToken");
            assertThat(http.get("/setup/account").item().path("organizationId").asText())
                    .isEqualTo("111122223333");
            assertThat(http.withToken("cliViewer").post("/setup/account", "{}").status())
                    .isEqualTo(403);
        }
        assertThatThrownBy(() -> Main.parse(new String[] {"--bogus", "x"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Main.parse(new String[] {"--token"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "eighty"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
