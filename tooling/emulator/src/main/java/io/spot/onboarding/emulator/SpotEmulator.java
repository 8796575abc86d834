package io.spot.onboarding.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local, stateful stand-in for the Spot API (api.spotinst.io) speaking the wire shapes of
 * docs/spot-api.md, with fault injection. Binds to 127.0.0.1 only.
 *
 * <pre>{@code
 * try (SpotEmulator emu = SpotEmulator.builder().token("tok-admin").build().start()) {
 *     String url = emu.baseUrl();
 * }
 * }</pre>
 */
public final class SpotEmulator implements AutoCloseable {

    public static final String DEFAULT_TOKEN = "test-token";
    public static final String DEFAULT_ORGANIZATION_ID = "606079861123";

    private static final int BACKLOG = 512;

    static {
        tuneJdkHttpServer();
    }

    private final int requestedPort;
    private final int workerThreads;
    private final EmulatorState state;
    private final Faults faults;
    private final RequestLog requestLog = new RequestLog();
    private final Dispatcher dispatcher;
    private HttpServer server;
    private ThreadPoolExecutor executor;

    private SpotEmulator(Builder builder) {
        this.requestedPort = builder.port;
        this.workerThreads = builder.workerThreads;
        this.state = new EmulatorState(builder.clock, builder.organizationId);
        this.state.answers(builder.answers);
        this.faults = new Faults(builder.clock);
        Auth auth = new Auth(builder.tokens, builder.readOnlyTokens);
        this.dispatcher = new Dispatcher(
                builder.clock,
                auth,
                faults,
                new Router(state, faults),
                requestLog,
                () -> state.answers().rateLimits());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Started on an ephemeral port with admin token {@value #DEFAULT_TOKEN}. */
    public static SpotEmulator startDefault() {
        return builder().token(DEFAULT_TOKEN).build().start();
    }

    public synchronized SpotEmulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind 127.0.0.1:" + requestedPort, e);
        }
        executor = new ThreadPoolExecutor(
                workerThreads, workerThreads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads());
        executor.allowCoreThreadTimeOut(true);
        server.createContext("/", dispatcher);
        server.setExecutor(executor);
        server.start();
        return this;
    }

    /** "http://127.0.0.1:port"; only once started. */
    public synchronized String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    public EmulatorState state() {
        return state;
    }

    public Faults faults() {
        return faults;
    }

    /** Every request received so far, oldest first, with the Authorization header redacted. */
    public List<RecordedRequest> requests() {
        return requestLog.snapshot();
    }

    /** Requests received for a method ("*" = any) and route template ("*" = any). */
    public int requestCount(String method, String route) {
        return requestLog.count(method, route);
    }

    public void clearRequests() {
        requestLog.clear();
    }

    /** State, faults and request log back to what a freshly built emulator has. */
    public void reset() {
        state.reset();
        faults.reset();
        requestLog.clear();
    }

    /** Stops at once: open connections are closed and requests in flight are abandoned. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
        executor = null;
    }

    /**
     * The JDK server reads these once, when the first HttpServer in the JVM is created; values the
     * user set are left alone.
     * <ul>
     * <li>nodelay: it flushes response headers and body as two writes, and with Nagle on the body
     * waits for the client's delayed ACK, ~40 ms per request.</li>
     * <li>idleInterval: by default it drops keep-alive connections idle for 30 s, well before
     * OkHttp's 5 min pool evicts them, so a client without retries would see a spurious failure
     * after a pause. 10 min keeps the client the one that closes.</li>
     * <li>maxIdleConnections: above 200 it closes each connection right after its response, which
     * an organization-sized simulation with many client threads can reach.</li>
     * </ul>
     */
    private static void tuneJdkHttpServer() {
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
        System.getProperties().putIfAbsent("sun.net.httpserver.idleInterval", "600");
        System.getProperties().putIfAbsent("sun.net.httpserver.maxIdleConnections", "2000");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "spot-emulator-" + count.incrementAndGet());
            // Daemon threads: a test that forgets close() must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }

    public static final class Builder {

        private int port;
        private int workerThreads = 64;
        private final Set<String> tokens = new LinkedHashSet<>();
        private final Set<String> readOnlyTokens = new LinkedHashSet<>();
        private String organizationId = DEFAULT_ORGANIZATION_ID;
        private Clock clock = Clock.systemUTC();
        private SpotAnswers answers = SpotAnswers.DEFAULT;

        private Builder() {}

        /** How to answer Spot's open questions (default {@link SpotAnswers#DEFAULT}); see {@link SpotAnswers}. */
        public Builder answers(SpotAnswers answers) {
            this.answers = Objects.requireNonNull(answers, "answers");
            return this;
        }

        SpotAnswers answers() {
            return answers;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Adds a valid admin token; may be called several times. */
        public Builder token(String token) {
            tokens.add(requireToken(token));
            return this;
        }

        /** Adds a valid token whose writes (POST/PUT/PATCH/DELETE) get 403. */
        public Builder readOnlyToken(String token) {
            readOnlyTokens.add(requireToken(token));
            return this;
        }

        public Builder organizationId(String organizationId) {
            this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
            return this;
        }

        /** Drives createdAt, rate windows, IAM propagation and maxValidUntil; latency stays real time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Threads serving requests at once (default 64); latency faults hold one each. */
        public Builder workerThreads(int workerThreads) {
            if (workerThreads < 1) {
                throw new IllegalArgumentException("workerThreads must be >= 1: " + workerThreads);
            }
            this.workerThreads = workerThreads;
            return this;
        }

        /** Without any token configured, {@value #DEFAULT_TOKEN} is the admin token. */
        public SpotEmulator build() {
            if (tokens.isEmpty() && readOnlyTokens.isEmpty()) {
                tokens.add(DEFAULT_TOKEN);
            }
            return new SpotEmulator(this);
        }

        private static String requireToken(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("token must not be blank");
            }
            return token;
        }
    }
}
