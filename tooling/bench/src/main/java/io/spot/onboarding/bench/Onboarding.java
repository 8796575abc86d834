package io.spot.onboarding.bench;

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
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One AWS account's onboarding as the template runs it (Account, then LinkedCredentials, then
 * AccountAlias and CostIntelligence) through the four real HandlerWrappers against one emulator.
 */
final class Onboarding {
    static final String TOKEN = "benchToken" + Long.toHexString(System.nanoTime());

    /**
     * Spot's clock in every emulator of the benchmark. Each enrollment starts a minute after the last,
     * as far as Spot can tell: the Account Create holds back while Spot's last minute is full of
     * creates (CreatePace), and the figures are a handler's own cost, not that wait. A wait the handler asks for
     * passes on this clock too.
     */
    private static final MutableClock CLOCK = MutableClock.startingNow();

    private static final Duration BETWEEN_ENROLLMENTS = Duration.ofMinutes(1);

    enum Type {
        ACCOUNT("Spot::Onboarding::Account", io.spot.onboarding.account.HandlerWrapper::new, true),
        LINKED_CREDENTIALS(
                "Spot::Onboarding::LinkedCredentials", io.spot.onboarding.linkedcredentials.HandlerWrapper::new, false),
        ACCOUNT_ALIAS("Spot::Onboarding::AccountAlias", io.spot.onboarding.accountalias.HandlerWrapper::new, false),
        COST_INTELLIGENCE(
                "Spot::Onboarding::CostIntelligence", io.spot.onboarding.costintelligence.HandlerWrapper::new, false);

        final String typeName;
        final Supplier<? extends RequestStreamHandler> wrapper;
        final boolean spotAssignsIdentifier;

        Type(
                final String typeName,
                final Supplier<? extends RequestStreamHandler> wrapper,
                final boolean spotAssignsIdentifier) {
            this.typeName = typeName;
            this.wrapper = wrapper;
            this.spotAssignsIdentifier = spotAssignsIdentifier;
        }
    }

    final SpotEmulator spot;
    private final Map<Type, HandlerDriver> drivers = new EnumMap<>(Type.class);

    Onboarding(final SpotEmulator spot) {
        this.spot = spot;
        final SecretScanner scanner = new SecretScanner(TOKEN);
        for (final Type type : Type.values()) {
            drivers.put(
                    type,
                    new HandlerDriver(
                            type.wrapper,
                            new HandlerContract("AccountId", type.spotAssignsIdentifier),
                            scanner,
                            seconds -> CLOCK.advance(Duration.ofSeconds(seconds))));
        }
    }

    static SpotEmulator emulator() {
        return SpotEmulator.builder()
                .port(0)
                .token(TOKEN)
                .workerThreads(8)
                .clock(CLOCK)
                .build()
                .start();
    }

    ObjectNode request(final Type type, final String action, final String awsAccountId) {
        final ObjectNode configuration = CloudFormationRequest.MAPPER.createObjectNode();
        configuration.putObject("SpotCredentials").put("ApiToken", TOKEN).put("ApiUrl", spot.baseUrl());
        return CloudFormationRequest.of(type.typeName, action)
                .awsAccountId(awsAccountId)
                .typeConfiguration(configuration)
                .json();
    }

    HandlerResponse run(
            final Type type,
            final String action,
            final String awsAccountId,
            final JsonNode properties,
            final JsonNode previous) {
        final ObjectNode request = request(type, action, awsAccountId);
        final ObjectNode data = (ObjectNode) request.get("requestData");
        data.set("resourceProperties", properties);
        if (previous != null) {
            data.set("previousResourceProperties", previous);
        }
        final HandlerResponse last = "READ".equals(action) || "LIST".equals(action)
                ? drivers.get(type).invoke(request)
                : drivers.get(type).run(request).last();
        if ("FAILED".equals(last.status())) {
            throw new IllegalStateException(type + " " + action + " failed: " + last.message());
        }
        return last;
    }

    /** The four resources of the template, created in its order; their models as CloudFormation keeps them. */
    Map<Type, JsonNode> enroll(final String awsAccountId) {
        CLOCK.advance(BETWEEN_ENROLLMENTS);
        final Map<Type, JsonNode> models = new EnumMap<>(Type.class);
        final JsonNode account = created(Type.ACCOUNT, awsAccountId, props("{}"));
        models.put(Type.ACCOUNT, account);
        final String accountId = account.get("AccountId").asText();
        models.put(
                Type.LINKED_CREDENTIALS,
                created(
                        Type.LINKED_CREDENTIALS,
                        awsAccountId,
                        props("{\"AccountId\":\"" + accountId + "\",\"RoleArn\":\"arn:aws:iam::" + awsAccountId
                                + ":role/SpotRole\"," + "\"AccountOwnership\":\"Created\"}")));
        models.put(
                Type.ACCOUNT_ALIAS,
                created(
                        Type.ACCOUNT_ALIAS,
                        awsAccountId,
                        props("{\"AccountId\":\"" + accountId + "\",\"Name\":\"alias-" + awsAccountId
                                + "\",\"AccountOwnership\":" + "\"Created\"}")));
        models.put(
                Type.COST_INTELLIGENCE,
                created(
                        Type.COST_INTELLIGENCE,
                        awsAccountId,
                        props("{\"AccountId\":\"" + accountId + "\",\"AccountOwnership\":\"Created\"}")));
        return models;
    }

    /** A Create's model with the write-only properties it was sent, which CloudFormation passes to Update and Delete. */
    private JsonNode created(final Type type, final String awsAccountId, final ObjectNode properties) {
        return CloudFormationRequest.kept(
                properties, run(type, "CREATE", awsAccountId, properties, null).model());
    }

    static ObjectNode props(final String json) {
        return CloudFormationRequest.props(json);
    }
}
