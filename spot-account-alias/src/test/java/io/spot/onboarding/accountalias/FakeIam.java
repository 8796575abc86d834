package io.spot.onboarding.accountalias;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A stand-in IAM on a loopback port that answers ListAccountAliases with IAM's own XML, success or
 * error, for what moto_server cannot do (deny, throttle, fail). The handler reaches it through a
 * real IamClient, so the SDK's signing, credential injection and XML error parsing all run.
 */
final class FakeIam implements AfterEachCallback, AutoCloseable {
    private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    private final HttpServer server;
    private final Deque<Answer> queued = new ArrayDeque<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile String alias;
    private IamClient client;

    record Answer(int status, String body) {}

    /** What the fake received: enough to tell which credentials signed the call. */
    record Seen(String body, String authorization, String securityToken) {}

    FakeIam() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(
                    body,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Amz-Security-Token")));
            final Answer answer;
            synchronized (queued) {
                answer = queued.isEmpty() ? aliases() : queued.poll();
            }
            final byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** The alias IAM reports once the queued answers are used up; null for none. */
    FakeIam alias(final String value) {
        this.alias = value;
        return this;
    }

    FakeIam thenError(final int status, final String code, final String message, final int times) {
        synchronized (queued) {
            for (int i = 0; i < times; i++) {
                queued.add(new Answer(
                        status,
                        "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>"
                                + code + "</Code><Message>" + message + "</Message></Error><RequestId>fake-request-" + i
                                + "</RequestId></ErrorResponse>"));
            }
        }
        return this;
    }

    FakeIam denyAlways() {
        return thenError(
                403,
                "AccessDenied",
                "User: arn:aws:sts::" + AliasHarness.AWS_ACCOUNT_ID
                        + ":assumed-role/CloudFormationExecutionRole/session is not authorized to perform: "
                        + "iam:ListAccountAliases on resource: *",
                1000);
    }

    List<Seen> seen() {
        return seen;
    }

    /** A client aimed at this fake, with the SDK's own retries off so each test counts every call. */
    synchronized IamClient client() {
        if (client == null) {
            client = IamClient.builder()
                    .region(Region.of("us-east-1"))
                    .endpointOverride(
                            URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
                    .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                    .build();
        }
        return client;
    }

    AccountAliasSource source() {
        return new IamAccountAliases(region -> client());
    }

    private Answer aliases() {
        final String members = alias == null ? "" : "<member>" + alias + "</member>";
        return new Answer(
                200,
                "<ListAccountAliasesResponse xmlns=\"" + NS + "\"><ListAccountAliasesResult>"
                        + "<IsTruncated>false</IsTruncated><AccountAliases>" + members + "</AccountAliases>"
                        + "</ListAccountAliasesResult><ResponseMetadata><RequestId>fake-ok</RequestId></ResponseMetadata>"
                        + "</ListAccountAliasesResponse>");
    }

    /** IAM stops answering: the port is closed, the client stays usable. */
    void stopAnswering() {
        server.stop(0);
    }

    /** Registered as a test's extension, it stops when the test ends. */
    @Override
    public void afterEach(final ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        server.stop(0);
    }
}
