package io.spot.onboarding.runner.spot;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.harness.HandlerContract;
import io.spot.onboarding.harness.HandlerDriver;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.harness.SecretScanner;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The warm "Lambda containers" of one type: each a {@link HandlerDriver} around its own
 * HandlerWrapper instance, used by one invocation at a time and then returned, as Lambda reuses
 * containers across requests. A wrapper is not thread-safe, and one per resource would cost a
 * thousand-account run too much memory; the pool grows to the number of invocations in flight.
 */
final class HandlerPool {
    private final Supplier<? extends RequestStreamHandler> wrappers;
    private final HandlerContract contract;
    private final SecretScanner scanner;
    private final ConcurrentLinkedQueue<HandlerDriver> idle = new ConcurrentLinkedQueue<>();

    HandlerPool(
            final Supplier<? extends RequestStreamHandler> wrappers,
            final HandlerContract contract,
            final SecretScanner scanner) {
        this.wrappers = wrappers;
        this.contract = contract;
        this.scanner = scanner;
    }

    /** The handler's answer, and the lines it logged while answering. */
    record Answer(HandlerResponse response, List<String> log) {}

    /**
     * One invocation. A response the contract or the secret scanner rejects is an
     * {@link AssertionError} from the driver; it reaches the caller as is.
     */
    Answer invoke(final ObjectNode request) {
        HandlerDriver driver = idle.poll();
        if (driver == null) {
            // The waiter is never called: the runner's scheduler does the waiting, not the driver.
            driver = new HandlerDriver(wrappers, contract, scanner, seconds -> {});
        }
        try {
            final int before = driver.logLines().size();
            final HandlerResponse response = driver.invoke(request);
            final List<String> lines = driver.logLines();
            return new Answer(response, lines.subList(before, lines.size()));
        } finally {
            idle.offer(driver);
        }
    }
}
