package io.spot.onboarding.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.bench.Onboarding.Type;
import io.spot.onboarding.emulator.SpotEmulator;
import java.io.PrintStream;
import java.util.Map;

/**
 * Figure 3: each handler operation in one warm JVM (every invocation of the operation, through the
 * real HandlerWrapper with CloudFormation's JSON, against the emulator on loopback).
 */
final class WarmLatency {
    private final int iterations;

    WarmLatency(final int iterations) {
        this.iterations = iterations;
    }

    void print(final PrintStream out) {
        out.println("3. Warm latency per operation, one JVM, " + iterations + " runs after " + iterations / 4
                + " warm-up runs (ms)");
        out.printf("   %-36s %10s %10s%n", "type and operation", "median", "p99");
        try (SpotEmulator spot = Onboarding.emulator()) {
            final Onboarding onboarding = new Onboarding(spot);
            for (final Type type : Type.values()) {
                for (final String action : new String[] {"CREATE", "READ", "UPDATE", "LIST", "DELETE"}) {
                    final Stats stats = measure(onboarding, type, action);
                    out.printf(
                            "   %-36s %10.2f %10.2f%n",
                            type.typeName.replace("Spot::Onboarding::", "") + " " + action,
                            stats.median(),
                            stats.p99());
                }
            }
        }
    }

    private Stats measure(final Onboarding onboarding, final Type type, final String action) {
        final Stats stats = new Stats();
        for (int i = -iterations / 4; i < iterations; i++) {
            final String awsAccountId = String.format(
                    "9%011d",
                    Math.abs((long) (type.ordinal() * 1_000_000 + action.hashCode() % 100_000 * 10 + i + iterations)));
            final Map<Type, JsonNode> models = onboarding.enroll(awsAccountId);
            final JsonNode model = models.get(type);
            final long start = System.nanoTime();
            switch (action) {
                case "CREATE" -> onboarding.run(type, "CREATE", awsAccountId, createAgain(models, type), null);
                case "UPDATE" -> onboarding.run(type, "UPDATE", awsAccountId, updated(model, type), model);
                case "LIST" -> onboarding.run(type, "LIST", awsAccountId, Onboarding.props("{}"), null);
                default -> onboarding.run(type, action, awsAccountId, model, null);
            }
            final long elapsed = System.nanoTime() - start;
            if (i >= 0) {
                stats.addNanos(elapsed);
            }
            if (!"DELETE".equals(action)) {
                onboarding.run(type, "DELETE", awsAccountId, model, null);
            }
        }
        return stats;
    }

    /** A second resource of the type over the same Spot account: the Create path with everything in place. */
    private static JsonNode createAgain(final Map<Type, JsonNode> models, final Type type) {
        final ObjectNode model = ((ObjectNode) models.get(type)).deepCopy();
        if (type == Type.ACCOUNT) {
            return Onboarding.props("{\"ExistingAccountPolicy\":\"Adopt\"}");
        }
        model.remove(java.util.List.of("AppliedName", "PreviousName", "StatusSummary", "EnabledDate"));
        return model;
    }

    private static JsonNode updated(final JsonNode model, final Type type) {
        final ObjectNode desired = ((ObjectNode) model).deepCopy();
        switch (type) {
            case ACCOUNT, ACCOUNT_ALIAS -> desired.put("Name", "renamed-" + System.nanoTime());
            case LINKED_CREDENTIALS ->
                desired.put("RoleArn", model.get("RoleArn").asText() + "-v2");
            default -> desired.put("Validate", false);
        }
        return desired;
    }
}
