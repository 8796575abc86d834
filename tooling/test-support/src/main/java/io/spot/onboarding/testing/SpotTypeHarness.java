package io.spot.onboarding.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerContract;
import io.spot.onboarding.harness.HandlerDriver;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.harness.MutableClock;
import io.spot.onboarding.harness.SecretScanner;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A type under test, wired as in production but local: its real {@code HandlerWrapper}, a Spot
 * emulator on a simulated clock, a token only this harness knows (scanned for in every output),
 * and CloudFormation's request JSON for each action.
 *
 * <p>A test class declares one per test as a JUnit extension, and the emulator is stopped when the
 * test ends:
 *
 * <pre>{@code @RegisterExtension final SpotTypeHarness harness = AccountHarness.start();}</pre>
 *
 * Suites that make one per parameter close it themselves (try-with-resources).
 */
public final class SpotTypeHarness implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    public final String token = "spotTestToken" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    public final String readOnlyToken =
            "spotViewerToken" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    public final MutableClock clock = MutableClock.startingNow();
    public final SpotEmulator spot;
    public final SecretScanner scanner = new SecretScanner(token, readOnlyToken);
    public final HandlerDriver driver;
    private final String typeName;
    private boolean closed;

    public SpotTypeHarness(
            final String typeName,
            final Supplier<? extends RequestStreamHandler> wrappers,
            final HandlerContract contract) {
        this.typeName = typeName;
        this.spot = SpotEmulator.builder()
                .port(0)
                .token(token)
                .readOnlyToken(readOnlyToken)
                .clock(clock)
                .build();
        spot.start();
        this.driver =
                new HandlerDriver(wrappers, contract, scanner, seconds -> clock.advance(Duration.ofSeconds(seconds)));
    }

    /** The type configuration a user would set: the token, and the emulator's URL. */
    public ObjectNode typeConfiguration() {
        return typeConfiguration(token);
    }

    public ObjectNode typeConfiguration(final String apiToken) {
        final ObjectNode configuration = CloudFormationRequest.MAPPER.createObjectNode();
        final ObjectNode credentials = configuration.putObject("SpotCredentials");
        credentials.put("ApiToken", apiToken);
        credentials.put("ApiUrl", spot.baseUrl());
        return configuration;
    }

    public CloudFormationRequest request(final String action) {
        return CloudFormationRequest.of(typeName, action).typeConfiguration(typeConfiguration());
    }

    public HandlerDriver.Operation create(final JsonNode properties) {
        return driver.run(request("CREATE").properties(properties).json());
    }

    /**
     * A Create, then the model CloudFormation keeps of the resource and passes to its next Update and
     * Delete: the handler's last model, with the write-only properties it was sent added back.
     */
    public ObjectNode createKept(final JsonNode properties) {
        return CloudFormationRequest.kept(properties, create(properties).last().model());
    }

    /** An Update, then the model CloudFormation keeps, as {@link #createKept} gives it. */
    public ObjectNode updateKept(final JsonNode previous, final JsonNode desired) {
        return CloudFormationRequest.kept(
                desired, update(previous, desired).last().model());
    }

    public HandlerResponse read(final JsonNode model) {
        return driver.invoke(request("READ").properties(model).json());
    }

    public HandlerDriver.Operation update(final JsonNode previous, final JsonNode desired) {
        return driver.run(request("UPDATE")
                .previousProperties(previous)
                .properties(desired)
                .json());
    }

    public HandlerDriver.Operation delete(final JsonNode model) {
        return driver.run(request("DELETE").properties(model).json());
    }

    /** The Delete a rollback sends: CloudFormation undoing a failed Create of this resource. */
    public HandlerDriver.Operation rollbackDelete(final JsonNode model) {
        return driver.run(request("DELETE").rollback().properties(model).json());
    }

    public HandlerResponse list(final String nextToken) {
        return driver.invoke(request("LIST").nextToken(nextToken).json());
    }

    /** Write calls (POST, PUT, DELETE) the emulator received: zero proves a handler only read. */
    public long writes() {
        return spot.requests().stream().filter(r -> !"GET".equals(r.method())).count();
    }

    /**
     * One harness serves one test: an emulator left over from another test would carry its
     * accounts, faults and requests into this one.
     */
    @Override
    public void beforeEach(final ExtensionContext context) {
        if (closed) {
            throw new IllegalStateException("a SpotTypeHarness serves one test: declare it as an instance field"
                    + " of a class with the default per-method lifecycle");
        }
    }

    @Override
    public void afterEach(final ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        closed = true;
        spot.close();
    }
}
