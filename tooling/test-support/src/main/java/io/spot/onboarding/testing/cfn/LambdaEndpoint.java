package io.spot.onboarding.testing.cfn;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code sam local start-lambda} gives {@code cfn test}, without Docker: the Lambda Invoke API
 * ({@code POST /2015-03-31/functions/<name>/invocations}) on a loopback port, running a type's real
 * handler jar. As in SAM's template, {@code TypeFunction} is the type's {@code entrypoint} and
 * {@code TestEntrypoint} its {@code testEntrypoint} (both from {@code .rpdk-config}); the jar is the
 * one cfn packages ({@code target/<type-name>-*.jar}). The jar gets a class loader of its own, with
 * nothing of the caller's class path, and one handler instance per function, kept warm as Lambda
 * keeps a container; invocations run one at a time.
 *
 * <p>The plugin's wrapper empties {@code java.io.tmpdir} on every invocation, so this refuses to run
 * in a JVM whose tmpdir is the machine's. Uses only the JDK, so it runs from test-support's classes:
 * {@code java -Djava.io.tmpdir=<private dir> -cp tooling/test-support/target/classes
 * io.spot.onboarding.testing.cfn.LambdaEndpoint spot-account [port]}.
 */
public final class LambdaEndpoint implements AutoCloseable {
    private static final Pattern INVOKE = Pattern.compile("^/2015-03-31/functions/([^/]+)/invocations$");
    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    private static final String LOGGER = "com.amazonaws.services.lambda.runtime.LambdaLogger";
    /** CloudFormation gives a handler invocation up to 60 s. */
    private static final long TIMEOUT_MILLIS = 60_000;

    private final HttpServer server;
    private final URLClassLoader loader;
    private final Map<String, Function> functions;
    private final Consumer<String> log;

    private LambdaEndpoint(
            final HttpServer server,
            final URLClassLoader loader,
            final Map<String, Function> functions,
            final Consumer<String> log) {
        this.server = server;
        this.loader = loader;
        this.functions = functions;
        this.log = log;
    }

    /** Serves the type in {@code typeFolder} from {@code handlerJar} on 127.0.0.1:{@code port} (0: any free port). */
    public static LambdaEndpoint start(
            final Path typeFolder, final Path handlerJar, final int port, final Consumer<String> log)
            throws IOException {
        refuseSharedTmpdir();
        final String config = Files.readString(typeFolder.resolve(".rpdk-config"));
        final URLClassLoader loader =
                new URLClassLoader(new URL[] {handlerJar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        final Map<String, Function> functions = new HashMap<>();
        try {
            functions.put("TypeFunction", Function.of(loader, setting(config, "entrypoint")));
            functions.put("TestEntrypoint", Function.of(loader, setting(config, "testEntrypoint")));
        } catch (ReflectiveOperationException e) {
            loader.close();
            throw new IllegalStateException(handlerJar + " does not hold the entry points .rpdk-config names", e);
        }
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        final LambdaEndpoint endpoint = new LambdaEndpoint(server, loader, functions, log);
        server.createContext("/", endpoint::handle);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            final Thread thread = new Thread(r, "lambda-endpoint");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return endpoint;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        loader.close();
    }

    /** The one jar cfn's Java plugin packages: target/<type name, hyphenated>-*.jar. */
    public static Path handlerJar(final Path typeFolder) throws IOException {
        final String typeName = setting(Files.readString(typeFolder.resolve(".rpdk-config")), "typeName");
        final String prefix = typeName.replace("::", "-").toLowerCase(Locale.ROOT) + "-";
        try (Stream<Path> files = Files.list(typeFolder.resolve("target"))) {
            final List<Path> jars = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith(".jar"))
                    .toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected exactly one " + prefix + "*.jar in "
                        + typeFolder.resolve("target") + " (build the type first), found " + jars);
            }
            return jars.get(0);
        }
    }

    public static void main(final String[] args) throws IOException, InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java -Djava.io.tmpdir=<private dir> -cp tooling/test-support/target/classes "
                    + LambdaEndpoint.class.getName() + " <type folder> [port, default 3001]");
            System.exit(2);
        }
        final Path folder = Path.of(args[0]).toAbsolutePath();
        final LambdaEndpoint endpoint = start(
                folder, handlerJar(folder), args.length > 1 ? Integer.parseInt(args[1]) : 3001, System.err::println);
        System.out.println(endpoint.url());
        Thread.currentThread().join();
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final Matcher invoke = INVOKE.matcher(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !invoke.matches()) {
                reply(exchange, 404, "UnknownOperationException", "{\"message\":\"only Invoke is served here\"}");
                return;
            }
            final Function function = functions.get(invoke.group(1));
            if (function == null) {
                reply(
                        exchange,
                        404,
                        "ResourceNotFoundException",
                        "{\"Type\":\"User\",\"message\":\"Function not found: " + invoke.group(1) + "\"}");
                return;
            }
            final byte[] payload = exchange.getRequestBody().readAllBytes();
            final ByteArrayOutputStream response = new ByteArrayOutputStream();
            final Thread thread = Thread.currentThread();
            final ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                function.invoke(new ByteArrayInputStream(payload), response, context(invoke.group(1)));
            } catch (InvocationTargetException e) {
                // Lambda answers 200 with X-Amz-Function-Error when the handler throws.
                log.accept("handler threw " + e.getCause());
                exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
                reply(
                        exchange,
                        200,
                        null,
                        "{\"errorType\":\"" + e.getCause().getClass().getName()
                                + "\",\"errorMessage\":\"handler threw\"}");
                return;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            } finally {
                thread.setContextClassLoader(previous);
            }
            final String result = response.toString(StandardCharsets.UTF_8);
            log.accept(invoke.group(1) + " returned " + result);
            exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
            reply(exchange, 200, null, result);
        }
    }

    private static void reply(final HttpExchange exchange, final int status, final String errorType, final String body)
            throws IOException {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (errorType != null) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A Lambda Context of the jar's own interface: the remaining time counts down from 60 s, log lines go to log. */
    private Object context(final String functionName) throws ClassNotFoundException {
        final Class<?> contextType = loader.loadClass(CONTEXT);
        final Class<?> loggerType = loader.loadClass(LOGGER);
        final Object logger = Proxy.newProxyInstance(loader, new Class<?>[] {loggerType}, (proxy, method, args) -> {
            if ("log".equals(method.getName()) && args != null && args.length == 1) {
                log.accept(
                        args[0] instanceof byte[] bytes
                                ? new String(bytes, StandardCharsets.UTF_8)
                                : String.valueOf(args[0]));
            }
            return null;
        });
        final long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        final String requestId = UUID.randomUUID().toString();
        return Proxy.newProxyInstance(
                loader, new Class<?>[] {contextType}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getLogGroupName" -> "/aws/lambda/" + functionName;
                    case "getLogStreamName" -> "local";
                    case "getFunctionName" -> functionName;
                    case "getFunctionVersion" -> "$LATEST";
                    case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
                    case "getRemainingTimeInMillis" -> (int) Math.max(0, deadline - System.currentTimeMillis());
                    case "getMemoryLimitInMB" -> 512;
                    case "getLogger" -> logger;
                    case "toString" -> "LambdaEndpoint context for " + functionName;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private static String setting(final String json, final String key) {
        final Matcher value = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(json);
        if (!value.find()) {
            throw new IllegalStateException(".rpdk-config has no " + key);
        }
        return value.group(1);
    }

    private static void refuseSharedTmpdir() {
        final Path tmpdir =
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm")).contains(tmpdir)) {
            throw new IllegalStateException("java.io.tmpdir is " + tmpdir + ", which the plugin's wrapper would empty "
                    + "on every invocation: run with -Djava.io.tmpdir=<a private directory>");
        }
    }

    /** One Lambda function: a handler class instance and its (InputStream, OutputStream, Context) method. */
    private record Function(Object instance, Method method) {

        static Function of(final ClassLoader loader, final String entrypoint) throws ReflectiveOperationException {
            final String[] parts = entrypoint.split("::");
            final Class<?> type = Class.forName(parts[0], true, loader);
            final Method method =
                    type.getMethod(parts[1], InputStream.class, OutputStream.class, loader.loadClass(CONTEXT));
            final Thread thread = Thread.currentThread();
            final ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return new Function(type.getConstructor().newInstance(), method);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        void invoke(final InputStream input, final OutputStream output, final Object context)
                throws ReflectiveOperationException {
            try {
                method.invoke(instance, input, output, context);
            } catch (UncheckedIOException e) {
                throw new InvocationTargetException(e);
            }
        }
    }
}
