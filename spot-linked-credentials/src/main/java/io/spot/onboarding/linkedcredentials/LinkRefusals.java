package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.api.SpotError;
import io.spot.onboarding.common.api.SpotValidationException;

/**
 * Tells a set-credentials refusal that waiting cannot fix from one that may be IAM propagation.
 *
 * <p>Spot's code for "cannot assume the role yet" is not public (docs/spot-api.md §2.5, open question 4;
 * the emulator invents CANT_ASSUME_ROLE), and neither is whether it names a request field. Waiting
 * only on a list of known propagation codes would fail every real onboarding the moment that guess
 * is wrong, so the rule is the other way round: the one refusal taken as final is the one Spot
 * documents for a malformed request, {@code ValidationError} (docs/spot-api.md E7). Every other 400,
 * the emulator's invented EXTERNAL_ID_MISSING included, is waited out within {@link PropagationWait}'s
 * budget and then reported as NotStabilized with Spot's own message. The cost of the rule: a refusal
 * we do not know, that is in truth final, takes {@value PropagationWait#TOTAL_SECONDS} s to fail
 * instead of failing at once. Other 4xx (401, 403, 404, 429) are not refusals of the link: the
 * shared failure mapping handles them.
 */
final class LinkRefusals {
    private static final String FINAL_CODE = "ValidationError";

    private LinkRefusals() {}

    static boolean isFinal(final SpotValidationException refusal) {
        return refusal.errors().stream().anyMatch(LinkRefusals::isFinal);
    }

    private static boolean isFinal(final SpotError error) {
        return FINAL_CODE.equalsIgnoreCase(error.code());
    }

    /** Spot's own words, or the whole description when Spot gave no error entries. */
    static String spotWords(final SpotValidationException refusal) {
        return refusal.errors().isEmpty() ? refusal.getMessage() : refusal.spotMessage();
    }
}
