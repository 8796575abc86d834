package io.spot.onboarding.harness;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Calls a type's real {@code HandlerWrapper.handleRequest} entry with CloudFormation's request
 * JSON, and, for a whole operation, re-invokes on IN_PROGRESS as CloudFormation does: with the
 * returned callback context and model, after {@code callbackDelaySeconds} (handed to
 * {@code waiter}, which moves a simulated clock instead of sleeping). Every response and log line
 * goes through the {@link SecretScanner} and the {@link HandlerContract}.
 */
public final class HandlerDriver {
    /**
     * Far above any honest operation (a 2,160-minute handler timeout holds 216 callbacks of 600 s, and
     * a rate-limit wait is made of such callbacks); a handler stuck IN_PROGRESS fails the test instead of hanging it.
     */
    private static final int MAX_INVOCATIONS = 1000;

    private final Supplier<? extends RequestStreamHandler> wrappers;
    private final HandlerContract contract;
    private final SecretScanner scanner;
    private final LongConsumer waiter;
    private final CapturingLambdaContext context = new CapturingLambdaContext();
    private RequestStreamHandler warm;
    private int logLinesScanned;

    public HandlerDriver(
            final Supplier<? extends RequestStreamHandler> wrappers,
            final HandlerContract contract,
            final SecretScanner scanner,
            final LongConsumer waiter) {
        requirePrivateTmpdir();
        this.wrappers = wrappers;
        this.contract = contract;
        this.scanner = scanner;
        this.waiter = waiter;
    }

    /** One invocation, on a warm wrapper (as a reused Lambda container would be). */
    public HandlerResponse invoke(final ObjectNode request) {
        if (warm == null) {
            warm = wrappers.get();
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            warm.handleRequest(
                    new ByteArrayInputStream(request.toString().getBytes(StandardCharsets.UTF_8)), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        final String text = out.toString(StandardCharsets.UTF_8);
        scanner.scan(text, "a handler response");
        scanNewLogLines();
        final HandlerResponse response;
        try {
            response = new HandlerResponse((ObjectNode) CloudFormationRequest.MAPPER.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException("the handler wrote something that is not JSON: " + text, e);
        }
        contract.check(request.path("action").asText(), response);
        return response;
    }

    /** A whole operation: invoke until the status is no longer IN_PROGRESS. */
    public Operation run(final ObjectNode request) {
        final List<HandlerResponse> events = new ArrayList<>();
        ObjectNode next = request.deepCopy();
        for (int i = 0; i < MAX_INVOCATIONS; i++) {
            final HandlerResponse response = invoke(next);
            events.add(response);
            if (!response.inProgress()) {
                return new Operation(events);
            }
            waiter.accept(response.callbackDelaySeconds());
            next = continuation(next, response);
        }
        throw new AssertionError("still IN_PROGRESS after " + MAX_INVOCATIONS + " invocations: " + events.get(0));
    }

    /** The request CloudFormation sends after an IN_PROGRESS event. */
    public static ObjectNode continuation(final ObjectNode request, final HandlerResponse response) {
        final ObjectNode next = request.deepCopy();
        final JsonNode callbackContext = response.callbackContext();
        next.set("callbackContext", callbackContext == null ? null : callbackContext.deepCopy());
        if (response.hasModel()) {
            ((ObjectNode) next.get("requestData"))
                    .set("resourceProperties", response.model().deepCopy());
        }
        return next;
    }

    public List<String> logLines() {
        return context.logLines();
    }

    private void scanNewLogLines() {
        final List<String> lines = context.logLines();
        for (int i = logLinesScanned; i < lines.size(); i++) {
            scanner.scan(lines.get(i), "a handler log line");
        }
        logLinesScanned = lines.size();
    }

    /**
     * The plugin's wrapper empties {@code java.io.tmpdir} on every invocation: refuse to run
     * where that is a directory the machine shares.
     */
    public static void requirePrivateTmpdir() {
        final Path tmp =
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (tmp.equals(Path.of("/tmp")) || tmp.equals(Path.of("/var/tmp")) || !Files.isDirectory(tmp)) {
            throw new IllegalStateException("java.io.tmpdir is " + tmp + ": the CloudFormation wrapper would empty it. "
                    + "Run handlers with -Djava.io.tmpdir=<a private, existing directory>.");
        }
    }

    /** The events of one operation, in order. */
    public record Operation(List<HandlerResponse> events) {
        public HandlerResponse last() {
            return events.get(events.size() - 1);
        }

        public long totalDelaySeconds() {
            return events.stream()
                    .mapToLong(HandlerResponse::callbackDelaySeconds)
                    .sum();
        }
    }
}
