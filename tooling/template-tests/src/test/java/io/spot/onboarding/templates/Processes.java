package io.spot.onboarding.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command from the repository root and keeps what it printed. */
final class Processes {

    private Processes() {}

    record Result(int exitCode, String output) {}

    static Result run(final List<String> command, final Map<String, String> environment) {
        return run(command, environment, "");
    }

    /** As {@link #run(List, Map)}, with no variable inherited whose name starts with {@code unsetPrefix}. */
    static Result run(final List<String> command, final Map<String, String> environment, final String unsetPrefix) {
        final ProcessBuilder builder =
                new ProcessBuilder(command).directory(CfnYaml.ROOT.toFile()).redirectErrorStream(true);
        if (!unsetPrefix.isEmpty()) {
            builder.environment().keySet().removeIf(name -> name.startsWith(unsetPrefix));
        }
        builder.environment().putAll(environment);
        try {
            final Process process = builder.start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("still running after 5 minutes: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
