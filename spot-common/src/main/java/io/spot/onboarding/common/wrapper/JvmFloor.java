package io.spot.onboarding.common.wrapper;

/**
 * Does nothing, from inside a handler jar: the benchmark's floor for a cold start (a fresh JVM that
 * only opens the jar, loads one class and exits), next to which a real invocation is measured.
 */
public final class JvmFloor {

    private JvmFloor() {
    }

    public static void main(final String[] args) {
        // Deliberately empty.
    }
}
