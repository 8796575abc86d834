package io.spot.onboarding.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.emulator.SpotAnswers;
import io.spot.onboarding.harness.HandlerDriver;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every type's Create under every fault, and under a handler process that dies between two
 * invocations: the operation completes, or fails with a code CloudFormation may retry and then
 * completes when retried; and Spot is exactly right afterwards (CreateScenario says what that means).
 */
class FaultTest {
    private static final Set<String> RETRIABLE =
            Set.of("Throttling", "ServiceInternalError", "NetworkFailure", "NotStabilized");
    private static final AtomicInteger FAULTS = new AtomicInteger();
    private static final AtomicInteger OPERATIONS = new AtomicInteger();
    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();

    static Stream<Arguments> faults() {
        final List<Arguments> cases = new ArrayList<>();
        for (final CreateScenario scenario : CreateScenario.values()) {
            for (final Fault fault : Fault.values()) {
                cases.add(Arguments.of(scenario, fault));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("faults")
    void completesOrFailsRetriablyAndSpotIsRight(final CreateScenario scenario, final Fault fault) {
        completesOrFailsRetriably(scenario, fault, SpotAnswers.DEFAULT);
    }

    /**
     * The Creates whose calls an open answer changes (the Account's name, the link's external ID, Cost
     * Intelligence's organization header), under every fault, with every answer taken the other way.
     */
    static Stream<Arguments> faultsUnderTheOtherAnswers() {
        return faults().filter(cell -> cell.get()[0] != CreateScenario.ACCOUNT_ALIAS);
    }

    @ParameterizedTest(name = "{0} under {1}, Spot's open questions answered the other way")
    @MethodSource("faultsUnderTheOtherAnswers")
    void completesOrFailsRetriablyUnderTheOtherAnswers(final CreateScenario scenario, final Fault fault) {
        completesOrFailsRetriably(scenario, fault, SpotAnswers.STRICT);
    }

    private static void completesOrFailsRetriably(
            final CreateScenario scenario, final Fault fault, final SpotAnswers answers) {
        try (SpotTypeHarness harness = scenario.type().harness()) {
            harness.spot.state().answers(answers);
            final ObjectNode properties = scenario.prepare(harness);
            fault.inject(harness.spot.faults());
            FAULTS.incrementAndGet();

            HandlerResponse last = create(harness, properties);
            scenario.assertSpot(harness, last);
            if (!CreateScenario.succeeded(last)) {
                assertThat(last.errorCode()).as(last.message()).isIn(RETRIABLE);
                harness.spot.faults().reset();
                last = create(harness, properties);
                assertThat(last.status())
                        .as("retried after " + fault + ": " + last.message())
                        .isEqualTo("SUCCESS");
                scenario.assertSpot(harness, last);
            }
            harness.scanner.scan(harness.spot.requests().toString(), "the emulator's request log");
            CHECKED.incrementAndGet();
        }
    }

    static Stream<Arguments> crashes() {
        final List<Arguments> cases = new ArrayList<>();
        for (final CreateScenario scenario : CreateScenario.values()) {
            for (int crashAt = 1; crashAt <= 3; crashAt++) {
                cases.add(Arguments.of(scenario, crashAt, true));
                cases.add(Arguments.of(scenario, crashAt, false));
            }
        }
        return cases.stream();
    }

    /**
     * The handler process dies after its k-th invocation did its work but before CloudFormation got
     * the answer. CloudFormation then calls again with the last callback context it had, or starts
     * the whole operation over with none.
     */
    @ParameterizedTest(name = "{0}: process dies after invocation {1}, retried with the last context: {2}")
    @MethodSource("crashes")
    void aHandlerProcessThatDiesLosesNothing(
            final CreateScenario scenario, final int crashAt, final boolean withLastContext) {
        try (SpotTypeHarness harness = scenario.type().harness()) {
            final ObjectNode first = harness.request("CREATE")
                    .properties(scenario.prepare(harness))
                    .json();
            ObjectNode request = first;
            for (int i = 1; i < crashAt; i++) {
                final HandlerResponse response = harness.driver.invoke(request);
                if (!response.inProgress()) {
                    break;
                }
                request = HandlerDriver.continuation(request, response);
            }
            harness.driver.invoke(request); // its answer never reaches CloudFormation
            FAULTS.incrementAndGet();

            final HandlerResponse last =
                    harness.driver.run(withLastContext ? request : first).last();
            OPERATIONS.incrementAndGet();

            if (withLastContext || !scenario.mayRefuseAfterFreshRestart()) {
                assertThat(last.status()).as(last.message()).isEqualTo("SUCCESS");
            } else if (!CreateScenario.succeeded(last)) {
                REFUSED.incrementAndGet();
            }
            if (withLastContext) {
                scenario.assertSpot(harness, last);
            } else {
                scenario.assertSpotAfterFreshRestart(harness, last);
            }
            CHECKED.incrementAndGet();
        }
    }

    private static HandlerResponse create(final SpotTypeHarness harness, final ObjectNode properties) {
        OPERATIONS.incrementAndGet();
        return harness.driver
                .run(harness.request("CREATE").properties(properties).json())
                .last();
    }

    @AfterAll
    static void report() {
        System.out.println("faults: " + FAULTS.get() + " injected, " + OPERATIONS.get() + " operations run, "
                + CHECKED.get() + " checked for lost, duplicated or foreign state; " + REFUSED.get()
                + " restarts without context refused an account they could no longer prove their own");
    }
}
