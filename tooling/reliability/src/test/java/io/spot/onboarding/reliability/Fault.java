package io.spot.onboarding.reliability;

import io.spot.onboarding.emulator.Faults;
import java.time.Duration;
import java.util.function.Consumer;

/** The faults Spot and the network can throw at a handler, as the emulator injects them on every route. */
enum Fault {
    THROTTLE_STORM(f -> f.throttleNext("*", "*", 6, 30)),
    THROTTLE_WITHOUT_RESET(f -> f.throttleNextWithoutResetHeader("*", "*", 4)),
    SERVER_ERROR_BURST(f -> f.serverErrorNext("*", "*", 2, 503)),
    SERVER_ERRORS_PAST_THE_RETRIES(f -> f.serverErrorNext("*", "*", 8, 500)),
    CONNECTION_RESET(f -> f.resetConnectionNext("*", "*", 2)),
    ANSWER_LOST_AFTER_A_POST(f -> f.dropResponseAfterWrite("POST", "*", 1)),
    ANSWER_LOST_AFTER_A_PUT(f -> f.dropResponseAfterWrite("PUT", "*", 1)),
    LATENCY_CLOSE_TO_THE_TIMEOUT(f -> f.latency("*", "*", Duration.ofMillis(1200)));

    private final Consumer<Faults> injection;

    Fault(final Consumer<Faults> injection) {
        this.injection = injection;
    }

    void inject(final Faults faults) {
        injection.accept(faults);
    }
}
