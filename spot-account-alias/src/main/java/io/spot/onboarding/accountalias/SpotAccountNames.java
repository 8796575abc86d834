package io.spot.onboarding.accountalias;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Spot's rule for an account name as this project applies it (docs/spot-api.md E2, E4): the same as the
 * Account type's Name, which a test keeps equal to both schemas. Non-empty, at most
 * {@value #MAX_LENGTH} characters (the emulator's invented cap), no control characters, no space at
 * either end. The documented "at least one letter" rule is not applied: Spot's own StackSet names
 * accounts with 12 digits (open question 6).
 */
final class SpotAccountNames {
    static final int MIN_LENGTH = 1;
    static final int MAX_LENGTH = 100;
    static final String PATTERN = "^[^\\s\\x00-\\x1f\\x7f]([^\\x00-\\x1f\\x7f]*[^\\s\\x00-\\x1f\\x7f])?$";
    private static final Pattern ALLOWED = Pattern.compile(PATTERN);

    private SpotAccountNames() {}

    /**
     * What is wrong with {@code name} as a Spot account name, or empty when nothing is. Length is
     * counted in UTF-16 units, as Spot's JavaScript validation counts it; that is never laxer
     * than the schema's count of code points.
     */
    static Optional<String> problem(final String name) {
        if (name == null || name.length() < MIN_LENGTH) {
            return Optional.of("is empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of(
                    "is " + name.length() + " characters long; Spot account names have at most " + MAX_LENGTH);
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of("has a control character or a space at either end");
        }
        return Optional.empty();
    }

    /** The rule in words, for messages that say what is allowed. */
    static String rule() {
        return MIN_LENGTH + " to " + MAX_LENGTH + " characters, no control characters, no space at either end";
    }
}
