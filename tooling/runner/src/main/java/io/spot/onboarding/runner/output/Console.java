package io.spot.onboarding.runner.output;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * All the runner prints goes through here, and here every known secret (the Spot token, NoEcho
 * parameter values) is replaced by "****": a handler message or an AWS error that quoted one
 * still cannot put it on the screen.
 */
public final class Console {
    private static final String MASK = "****";
    private final PrintStream out;
    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    public Console(final PrintStream out) {
        this.out = out;
    }

    public void secret(final String value) {
        if (value != null && value.length() >= 4) {
            secrets.add(value);
        }
    }

    public synchronized void line(final String text) {
        out.println(redact(text));
        out.flush();
    }

    public void line() {
        line("");
    }

    public String redact(final String text) {
        String result = text == null ? "" : text;
        for (final String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
