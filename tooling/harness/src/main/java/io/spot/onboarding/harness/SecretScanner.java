package io.spot.onboarding.harness;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Fails the test the moment a registered secret appears in anything a handler returned or logged.
 * Its own failure names where the secret appeared, never the secret or the text around it.
 */
public final class SecretScanner {
    private final Set<String> secrets = new CopyOnWriteArraySet<>();
    private int scanned;

    public SecretScanner(final String... secrets) {
        for (final String secret : secrets) {
            register(secret);
        }
    }

    public void register(final String secret) {
        if (secret != null && secret.length() >= 4) {
            secrets.add(secret);
        }
    }

    public void scan(final String text, final String where) {
        scanned++;
        if (text == null) {
            return;
        }
        for (final String secret : secrets) {
            if (text.contains(secret)) {
                throw new AssertionError("a Spot API token appeared in " + where + " (text of " + text.length()
                        + " characters, not shown so the token is not printed again)");
            }
        }
    }

    /** How many texts were scanned: a test can check the scanner actually looked. */
    public int scannedCount() {
        return scanned;
    }
}
