package io.spot.onboarding.common.wrapper;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The plugin's wrapper empties {@code java.io.tmpdir} on every invocation. In Lambda that is the
 * function's own /tmp and emptying it is right. Anywhere else (tests, the local runner, a
 * benchmark, SAM local) a JVM left on the default tmpdir would wipe the machine's /tmp: there,
 * the scrub runs only on a private directory.
 */
public final class ScratchDirectory {
    private static final Set<Path> SHARED = Set.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"));

    private ScratchDirectory() {}

    public static boolean mayScrub() {
        return mayScrub(System.getenv(), System.getProperty("java.io.tmpdir"));
    }

    static boolean mayScrub(final Map<String, String> environment, final String tmpdir) {
        if (environment.containsKey("AWS_LAMBDA_FUNCTION_NAME")) {
            return true;
        }
        return tmpdir != null
                && !SHARED.contains(Path.of(tmpdir).toAbsolutePath().normalize());
    }
}
