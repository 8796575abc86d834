package io.spot.onboarding.linkedcredentials;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The bounded wait for a role to become usable by Spot. A role created seconds before is not yet
 * assumable (IAM propagation). The first call waits {@value #FIRST_SECONDS} s before it is made at
 * all, as Spot's own Terraform module does (TFCONNECT): the role is almost always created by the
 * same stack moments before, and a set-credentials call Spot refuses still counts against its
 * rate-limited route. Retrying for a minute or two is enough (docs/spot-api.md §2.5), so a refusal
 * waits again; the budget, {@value #TOTAL_SECONDS} s of waiting in all over {@value #ATTEMPTS}
 * set-credentials calls, covers IAM's usual worst case without letting a role that will never work
 * hold a stack for long. The same budget covers the read-back that confirms a link Spot accepted.
 */
final class PropagationWait {
    static final int FIRST_SECONDS = 10;
    private static final int[] DELAYS = {10, 10, 15, 20, 30, 30, 25};
    static final int TOTAL_SECONDS = 150;
    static final int ATTEMPTS = 8;

    static {
        if (FIRST_SECONDS + Arrays.stream(DELAYS).sum() != TOTAL_SECONDS || DELAYS.length + 1 != ATTEMPTS) {
            throw new ExceptionInInitializerError("PropagationWait constants disagree with its delays");
        }
    }

    private PropagationWait() {}

    /** The delay before the next attempt, counting it in {@code context}; empty when the budget is spent. */
    static OptionalInt next(final CallbackContext context) {
        final int spent = context.getStabilizationWaits();
        if (spent >= DELAYS.length) {
            return OptionalInt.empty();
        }
        context.setStabilizationWaits(spent + 1);
        return OptionalInt.of(DELAYS[spent]);
    }

    /** "attempt 3 of 8": the attempt the next call will be. */
    static String attemptOf(final CallbackContext context) {
        return "attempt " + (context.getStabilizationWaits() + 1) + " of " + ATTEMPTS;
    }
}
