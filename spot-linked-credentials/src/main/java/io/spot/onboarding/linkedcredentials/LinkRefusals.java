package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.api.SpotError;
import io.spot.onboarding.common.api.SpotValidationException;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a set-credentials refusal that waiting cannot fix from one that may be IAM propagation.
 *
 * <p>Spot's code for "cannot assume the role yet" is not public (spot-api.md §2.5, open question 4;
 * the emulator invents CANT_ASSUME_ROLE). Waiting only on a list of known propagation codes would
 * fail every real onboarding the moment that guess is wrong, so the rule is the other way round:
 * a refusal is final only when it is one that no wait changes — Spot rejected the request's shape
 * (an error naming a request field, or ValidationError), or the account has no external ID yet.
 * Every other 400 is waited out within {@link PropagationWait}'s budget and then reported as
 * NotStabilized with Spot's own message. The cost of the rule: a refusal we do not know, that is
 * in truth final, takes {@value PropagationWait#TOTAL_SECONDS} s to fail instead of failing at once.
 */
final class LinkRefusals {
    private static final Set<String> FINAL_CODES = Set.of("VALIDATIONERROR", "EXTERNAL_ID_MISSING");

    private LinkRefusals() {
    }

    static boolean isFinal(final SpotValidationException refusal) {
        return refusal.errors().stream().anyMatch(LinkRefusals::isFinal);
    }

    private static boolean isFinal(final SpotError error) {
        return error.field() != null && !error.field().isBlank()
            || error.code() != null && FINAL_CODES.contains(error.code().toUpperCase(Locale.ROOT));
    }

    /** Spot's own words, or the whole description when Spot gave no error entries. */
    static String spotWords(final SpotValidationException refusal) {
        return refusal.errors().isEmpty() ? refusal.getMessage() : refusal.spotMessage();
    }
}
