package io.spot.onboarding.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.common.handler.RetryPolicy;
import io.spot.onboarding.common.handler.WaitBudget;
import io.spot.onboarding.emulator.Faults;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.reliability.SpotCalls.Call;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spot's and the network's failures, mapped to an error code or a wait the same way by every type, as
 * docs/design.md §5 says (spot-common's {@code SpotFailures}, {@code RetryPolicy} and {@code SpotInvoker}), through each
 * type's real HandlerWrapper against the emulator: each case runs for all four types, failing the
 * call {@link SpotCalls} names. What only one type does under a failure (which call it does not
 * repeat, what it reads to learn what a lost answer did) is tested in that type's module.
 */
class FailureMappingTest {
    private SpotTypeHarness harness;

    private SpotTypeHarness start(final SpotCalls calls) {
        harness = calls.type().harness();
        return harness;
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private ObjectNode prepared(final SpotCalls calls) {
        return calls.create.prepare(harness);
    }

    /** The model CloudFormation keeps after the Create: its output plus the write-only inputs it was sent. */
    private JsonNode created(final SpotCalls calls) {
        final JsonNode sent = prepared(calls);
        final HandlerResponse last = harness.create(sent).last();
        assertThat(last.status()).as(last.message()).isEqualTo("SUCCESS");
        harness.spot.clearRequests();
        return CloudFormationRequest.kept(sent, last.model());
    }

    private static Faults faults(final SpotTypeHarness harness) {
        return harness.spot.faults();
    }

    @ParameterizedTest
    @EnumSource(SpotCalls.class)
    void aRejectedTokenIsInvalidCredentialsSayingWhereTheTokenCameFrom(final SpotCalls calls) {
        start(calls);
        final JsonNode model = created(calls);

        final HandlerResponse read = harness.driver.invoke(harness.request("READ")
                .typeConfiguration(harness.typeConfiguration("notTheRightToken"))
                .properties(model)
                .json());

        assertThat(read.errorCode()).isEqualTo("InvalidCredentials");
        assertThat(read.message()).contains("SpotCredentials.ApiToken", "401");
    }

    @ParameterizedTest
    @EnumSource(SpotCalls.class)
    void aTokenWithoutWriteRightsIsAccessDeniedAndSpotIsUnchanged(final SpotCalls calls) {
        start(calls);
        final ObjectNode properties = prepared(calls);
        final Object before = calls.written(harness);

        final Operation create = harness.driver.run(harness.request("CREATE")
                .typeConfiguration(harness.typeConfiguration(harness.readOnlyToken))
                .properties(properties)
                .json());

        assertThat(create.last().errorCode()).isEqualTo("AccessDenied");
        assertThat(create.last().message()).contains("403", "organization admin");
        assertThat(calls.written(harness)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(SpotCalls.class)
    void throttlingOfTheCreateWaitsAtLeastTheResetThenSucceeds(final SpotCalls calls) {
        start(calls);
        final ObjectNode properties = prepared(calls);
        inject(calls.createWrite, (f, c) -> f.throttleNext(c.method(), c.route(), 2, 42));

        final Operation create = harness.create(properties);

        assertThat(create.last().status()).as(create.last().message()).isEqualTo("SUCCESS");
        assertThat(create.events())
                .filteredOn(mentioning("HTTP 429"))
                .hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.status()).isEqualTo("IN_PROGRESS");
                    assertThat(e.callbackDelaySeconds()).isBetween(42 + 1, 42 + RetryPolicy.SPREAD * 42);
                    if (properties.has("AccountId")) {
                        assertThat(e.modelText("AccountId"))
                                .isEqualTo(properties.get("AccountId").asText());
                    }
                });
        assertThat(harness.spot.requestCount(calls.createWrite.method(), calls.createWrite.route()))
                .as("the refused write, and once more for each refusal")
                .isEqualTo(3);
        assertThat(create.events())
                .as("the Create's own steps, a wait for each refusal, and the success")
                .hasSize(calls.createSteps + 2 + 1);
        calls.create.assertSpot(harness, create.last());
        assertThat(harness.scanner.scannedCount())
                .as("every output was scanned for the token")
                .isGreaterThanOrEqualTo(create.events().size());
    }

    @ParameterizedTest
    @EnumSource(SpotCalls.class)
    void throttlingWithoutAResetHeaderWaitsSpotsDocumentedWindow(final SpotCalls calls) {
        start(calls);
        final ObjectNode properties = prepared(calls);
        inject(calls.createWrite, (f, c) -> f.throttleNextWithoutResetHeader(c.method(), c.route(), 3));

        final Operation create = harness.create(properties);

        assertThat(create.last().status()).as(create.last().message()).isEqualTo("SUCCESS");
        assertThat(create.events())
                .filteredOn(mentioning("HTTP 429"))
                .extracting(HandlerResponse::callbackDelaySeconds)
                .satisfies(d -> {
                    // Spot counts calls made while blocked: none before its 60 s window has let the refused one go.
                    assertThat(d)
                            .hasSize(3)
                            .allSatisfy(delay -> assertThat(delay).isBetween(60 + 1, 60 + 240));
                });
    }

    @ParameterizedTest
    @EnumSource(SpotCalls.class)
    void throttlingThatNeverEndsFailsAsThrottlingAfterABoundedWaitAndSpotIsUnchanged(final SpotCalls calls) {
        start(calls);
        final ObjectNode properties = prepared(calls);
        final Object before = calls.written(harness);
        inject(calls.createWrite, (f, c) -> f.throttleNext(c.method(), c.route(), 100_000, 30));

        final Operation create = harness.create(properties);

        assertThat(create.last().errorCode()).isEqualTo("Throttling");
        assertThat(create.totalDelaySeconds())
                .as("waited for the operation's whole budget, no longer")
                .isBetween(WaitBudget.MAX_WAIT_SECONDS - 600L, (long) WaitBudget.MAX_WAIT_SECONDS)
                .as("within the schema's 2,160-minute timeout")
                .isLessThan(Duration.ofMinutes(2160).toSeconds());
        assertThat(create.events())
                .as("waits longer than one callback go on without calling Spot")
                .anySatisfy(e -> assertThat(e.message()).contains("more before calling Spot again"));
        // A refusal's wait, not an owed one: "Waiting 429 s more ..." would otherwise count as a refusal.
        final long refusals = create.events().stream()
                .filter(e -> e.inProgress())
                .filter(mentioning(" s before calling Spot again"))
                .filter(mentioning("HTTP 429"))
                .count();
        assertThat(harness.spot.requestCount(calls.createWrite.method(), calls.createWrite.route()))
                .as("one call per refusal, and the last")
                .isEqualTo(refusals + 1);
        assertThat(calls.written(harness)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(SpotCalls.class)
    void throttlingDuringReadFailsAtOnceAsThrottlingNamingTheWaitAndTheAccount(final SpotCalls calls) {
        start(calls);
        final JsonNode model = created(calls);
        inject(calls.read, (f, c) -> f.throttleNext(c.method(), c.route(), 1, 20));

        final HandlerResponse read = harness.read(model);

        assertThat(read.errorCode()).isEqualTo("Throttling");
        assertThat(read.message()).contains("20 s", model.get("AccountId").asText());
    }

    @ParameterizedTest
    @EnumSource(SpotCalls.class)
    void throttlingDuringListFailsAtOnceAsThrottling(final SpotCalls calls) {
        start(calls);
        created(calls);
        inject(calls.list, (f, c) -> f.throttleNext(c.method(), c.route(), 1, 20));

        final HandlerResponse list = harness.list(null);

        assertThat(list.errorCode()).as(list.message()).isEqualTo("Throttling");
        assertThat(harness.spot.requestCount(calls.list.method(), calls.list.route()))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SpotCalls.class)
    void serverErrorsOfTheCreateAreRetriedThenItSucceeds(final SpotCalls calls) {
        start(calls);
        final ObjectNode properties = prepared(calls);
        inject(calls.createWrite, (f, c) -> f.serverErrorNext(c.method(), c.route(), 2, 503));

        final Operation create = harness.create(properties);

        assertThat(create.last().status()).as(create.last().message()).isEqualTo("SUCCESS");
        assertThat(create.events())
                .filteredOn(mentioning("503"))
                .extracting(HandlerResponse::status, HandlerResponse::callbackDelaySeconds)
                .containsExactly(tuple("IN_PROGRESS", 5), tuple("IN_PROGRESS", 10));
        calls.create.assertSpot(harness, create.last());
    }

    static Stream<SpotCalls> typesWhoseUpdateWrites() {
        return Stream.of(SpotCalls.values()).filter(c -> c.updateWrite.isPresent());
    }

    @ParameterizedTest
    @MethodSource("typesWhoseUpdateWrites")
    void serverErrorsOfTheUpdateAreRetriedThenItSucceeds(final SpotCalls calls) {
        start(calls);
        final JsonNode model = created(calls);
        inject(calls.updateWrite.orElseThrow(), (f, c) -> f.serverErrorNext(c.method(), c.route(), 2, 503));

        final Operation update = harness.update(model, calls.updated(model));

        final List<String> expected =
                new ArrayList<>(Collections.nCopies(calls.updateStepsBeforeWrite + 2, "IN_PROGRESS"));
        expected.add("SUCCESS");
        assertThat(update.events()).extracting(HandlerResponse::status).containsExactlyElementsOf(expected);
        assertThat(update.events())
                .filteredOn(mentioning("503"))
                .extracting(HandlerResponse::callbackDelaySeconds)
                .containsExactly(5, 10);
        assertThat(calls.written(harness)).as("the update applied").isEqualTo(calls.writtenAfterUpdate());
    }

    @ParameterizedTest
    @EnumSource(SpotCalls.class)
    void serverErrorsThatPersistFailTheCreateAsServiceInternalErrorAndSpotIsUnchanged(final SpotCalls calls) {
        start(calls);
        final ObjectNode properties = prepared(calls);
        final Object before = calls.written(harness);
        inject(calls.createWrite, (f, c) -> f.serverErrorNext(c.method(), c.route(), 100, 500));

        final Operation create = harness.create(properties);

        assertServiceInternalErrorAfterTheRetries(create, calls.createStepsBeforeWrite);
        assertThat(calls.written(harness)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(SpotCalls.class)
    void serverErrorsThatPersistFailTheDeleteAsServiceInternalErrorAndSpotIsUnchanged(final SpotCalls calls) {
        start(calls);
        final JsonNode model = created(calls);
        final Object before = calls.written(harness);
        inject(calls.delete, (f, c) -> f.serverErrorNext(c.method(), c.route(), 100, 500));

        final Operation delete = harness.delete(model);

        assertServiceInternalErrorAfterTheRetries(delete, 0);
        assertThat(calls.written(harness)).isEqualTo(before);
    }

    private static void assertServiceInternalErrorAfterTheRetries(final Operation operation, final int stepsBefore) {
        assertThat(operation.last().errorCode()).isEqualTo("ServiceInternalError");
        assertThat(operation.events())
                .as("the steps before the write, a wait before each retry, and the failure")
                .hasSize(stepsBefore + RetryPolicy.MAX_TRANSIENT_RETRIES + 1);
        assertThat(operation.last().message()).contains("HTTP 500", "Spot request id");
    }

    @ParameterizedTest
    @EnumSource(SpotCalls.class)
    void aServerErrorDuringReadIsServiceInternalError(final SpotCalls calls) {
        start(calls);
        final JsonNode model = created(calls);
        inject(calls.read, (f, c) -> f.serverErrorNext(c.method(), c.route(), 1, 502));

        assertThat(harness.read(model).errorCode()).isEqualTo("ServiceInternalError");
    }

    @ParameterizedTest
    @EnumSource(SpotCalls.class)
    void aTimeoutDuringReadIsNetworkFailureNamingTheAccount(final SpotCalls calls) {
        start(calls);
        final JsonNode model = created(calls);
        inject(calls.read, (f, c) -> f.latency(c.method(), c.route(), Duration.ofSeconds(4)));

        final HandlerResponse read = harness.read(model);

        assertThat(read.errorCode()).isEqualTo("NetworkFailure");
        assertThat(read.message())
                .contains(
                        "Could not get an answer from Spot",
                        model.get("AccountId").asText());
    }

    @ParameterizedTest
    @EnumSource(SpotCalls.class)
    void aConnectionResetIsNetworkFailureForReadAndRetriedByCreateAndDelete(final SpotCalls calls) {
        start(calls);
        inject(calls.createWrite, (f, c) -> f.resetConnectionNext(c.method(), c.route(), 1));
        final ObjectNode sent = prepared(calls);
        final Operation create = harness.create(sent);
        assertThat(create.last().status()).as(create.last().message()).isEqualTo("SUCCESS");
        calls.create.assertSpot(harness, create.last());
        final JsonNode model = CloudFormationRequest.kept(sent, create.last().model());

        inject(calls.read, (f, c) -> f.resetConnectionNext(c.method(), c.route(), 1));
        assertThat(harness.read(model).errorCode()).isEqualTo("NetworkFailure");

        inject(calls.delete, (f, c) -> f.resetConnectionNext(c.method(), c.route(), 1));
        final Operation delete = harness.delete(model);
        assertThat(delete.last().status()).as(delete.last().message()).isEqualTo("SUCCESS");
        assertThat(calls.written(harness)).isEqualTo(calls.writtenAfterDelete());
    }

    @ParameterizedTest
    @EnumSource(SpotCalls.class)
    void aWriteWhoseAnswerWasLostIsNotAppliedTwiceAndDeleteStillUndoesIt(final SpotCalls calls) {
        start(calls);
        inject(calls.createWrite, (f, c) -> f.dropResponseAfterWrite(c.method(), c.route(), 1));

        final ObjectNode sent = prepared(calls);
        final Operation create = harness.create(sent);

        assertThat(create.last().status()).as(create.last().message()).isEqualTo("SUCCESS");
        calls.create.assertSpot(harness, create.last());
        harness.delete(CloudFormationRequest.kept(sent, create.last().model()));
        assertThat(calls.written(harness)).isEqualTo(calls.writtenAfterDelete());
    }

    @ParameterizedTest
    @EnumSource(SpotCalls.class)
    void anUnreachableSpotIsNetworkFailureNamingTheAccount(final SpotCalls calls) {
        start(calls);
        final JsonNode model = created(calls);
        final ObjectNode request = harness.request("READ").properties(model).json();
        harness.spot.close();

        final HandlerResponse read = harness.driver.invoke(request);

        assertThat(read.errorCode()).isEqualTo("NetworkFailure");
        assertThat(read.message()).contains(model.get("AccountId").asText());
    }

    private interface Injection {
        void inject(Faults faults, Call call);
    }

    private void inject(final Call call, final Injection injection) {
        injection.inject(faults(harness), call);
    }

    private static Predicate<HandlerResponse> mentioning(final String text) {
        return e -> e.message() != null && e.message().contains(text);
    }
}
