package io.spot.onboarding.harness;

import io.spot.onboarding.common.handler.SecretCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code moto_server} (the standard AWS emulator) per test JVM, on a free loopback port. The
 * AWS SDK v2 is pointed at it with the {@code aws.endpointUrl} system property, the in-JVM twin of
 * {@code AWS_ENDPOINT_URL}, so handlers run unchanged. Needs {@code pip install 'moto[server]'}.
 * It is started through {@value #LAUNCHER}, which adds what moto lacks for the central token
 * option: reading a secret of another account by its ARN. Where {@code python3} cannot import moto
 * (moto installed with pipx, say), plain {@code moto_server} runs, without that.
 */
public final class MotoServer {
    private static final String LAUNCHER = "moto_server_cross_account.py";
    private static MotoServer shared;

    private final Process process;
    private final String endpoint;

    private MotoServer(final Process process, final String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static synchronized MotoServer shared() {
        if (shared == null) {
            shared = start();
            System.setProperty("aws.endpointUrl", shared.endpoint);
            System.setProperty("aws.region", CloudFormationRequest.REGION);
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy));
        }
        return shared;
    }

    public String endpoint() {
        return endpoint;
    }

    /**
     * What a child process (the AWS CLI, a deploy script, cfn) needs to talk to this server and not to
     * AWS: the endpoint, moto's dummy credentials and the harness's region.
     */
    public Map<String, String> processEnvironment() {
        return Map.of(
                "AWS_ENDPOINT_URL",
                endpoint,
                "AWS_ACCESS_KEY_ID",
                "test",
                "AWS_SECRET_ACCESS_KEY",
                "test",
                "AWS_DEFAULT_REGION",
                CloudFormationRequest.REGION);
    }

    /** Forgets every resource, so tests do not see each other's secrets and roles (nor a handler's cache of them). */
    public void reset() {
        request("POST", "/moto-api/reset");
        SecretCache.clear();
    }

    private static MotoServer start() {
        final int port = freePort();
        final Path log;
        try {
            log = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "moto", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        final Process process;
        try {
            process = new ProcessBuilder(command(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "moto_server (the AWS emulator local runs and tests create IAM and "
                            + "Secrets Manager resources in) could not be started: is it on PATH? Install it with: "
                            + "pip install 'moto[server]'",
                    e);
        }
        final MotoServer server = new MotoServer(process, "http://127.0.0.1:" + port);
        final Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited at start; its output is in " + log);
            }
            if (server.request("GET", "/moto-api/") > 0) {
                return server;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroy();
        throw new IllegalStateException("moto_server did not answer within 30 s; its output is in " + log);
    }

    /** The launcher with python3 when it can import moto, else plain moto_server. */
    private static List<String> command(final int port) throws IOException {
        final List<String> address = List.of("-H", "127.0.0.1", "-p", Integer.toString(port));
        final List<String> command = new ArrayList<>();
        if (pythonHasMoto()) {
            final Path launcher = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "moto", ".py");
            try (var script = MotoServer.class.getResourceAsStream(LAUNCHER)) {
                Files.write(launcher, script.readAllBytes());
            }
            command.addAll(List.of("python3", launcher.toString()));
        } else {
            command.add("moto_server");
        }
        command.addAll(address);
        return command;
    }

    private static boolean pythonHasMoto() {
        try {
            final Process probe = new ProcessBuilder("python3", "-c", "import moto.server, moto.secretsmanager")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int request(final String method, final String path) {
        try {
            final HttpURLConnection connection =
                    (HttpURLConnection) URI.create(endpoint + path).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            final int status = connection.getResponseCode();
            connection.disconnect();
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
