package io.spot.onboarding.common.handler;

import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.api.SpotValidationException;

/**
 * The name the types give a Spot account when the template names none: the 12-digit AWS account ID,
 * as Spot's own StackSet does. Spot's specification says a name needs a letter, and whether Spot
 * enforces it is not known (docs/spot-api.md open question 6), so the types learn it from Spot's
 * answer: a name with no letter that Spot refuses is given as {@code aws-<name>} instead. The prefix
 * keeps the ID whole, searchable and sorted together, and says which cloud's ID it is.
 */
public final class DefaultAccountName {
    public static final String FALLBACK_PREFIX = "aws-";

    private DefaultAccountName() {}

    /** The name used where Spot refuses {@code name}; {@code name} itself when it has a letter. */
    public static String fallback(final String name) {
        return hasLetter(name) ? name : FALLBACK_PREFIX + name;
    }

    /** Whether the account's name is {@code name} as this class applies it (itself or its fallback). */
    public static boolean carries(final String actual, final String name) {
        return name.equals(actual) || fallback(name).equals(actual);
    }

    /**
     * Renames the account to {@code name}, or to its fallback when Spot refuses a name with no letter;
     * returns the name applied. Any other refusal, and a refused fallback, are Spot's to report.
     */
    public static String rename(final SpotApi spot, final String accountId, final String name) {
        try {
            spot.renameAccount(accountId, name);
            return name;
        } catch (SpotValidationException refused) {
            if (hasLetter(name)) {
                throw refused;
            }
            spot.renameAccount(accountId, fallback(name));
            return fallback(name);
        }
    }

    private static boolean hasLetter(final String name) {
        return name.chars().anyMatch(Character::isLetter);
    }
}
