package io.spot.onboarding.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Does nothing: the floor of a cold start. It runs with the handler jar first on the class path, so
 * the JVM opens that jar as a handler's would, looks for this class in it, loads it from the
 * benchmark's own classes and exits; a real invocation is measured next to it. It lives here, not in
 * the handler jars, because nothing shipped should exist only for a benchmark.
 */
public final class JvmFloor {

    private JvmFloor() {}

    public static void main(final String[] args) {
        // Deliberately empty.
    }

    /** Where this class was loaded from (the benchmark's jar), for the second class path entry. */
    static String classpath() {
        try {
            return Path.of(JvmFloor.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (final URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
