package io.spot.onboarding.harness;

import io.spot.onboarding.common.wrapper.LocalLambdaContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Lambda context whose logger keeps every line, so tests can read (and scan) what handlers log. */
public final class CapturingLambdaContext extends LocalLambdaContext {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    protected void log(final String line) {
        lines.add(line);
    }

    public List<String> logLines() {
        return List.copyOf(lines);
    }
}
