package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.api.RoleLink;
import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.api.SpotNotFoundException;
import io.spot.onboarding.common.api.SpotValidationException;
import java.util.Optional;

/**
 * The role a Spot account is linked to now (E8). How Spot answers for an account without a link
 * is not public (docs/spot-api.md E8, open question 3): an empty list, or a 400 or 404 of its own. So
 * a 4xx on the read of an account that exists means "no link", never a failure; the account's
 * existence is what tells "no link" from "no account". 401, 403, 429 and 5xx are not about the
 * link and keep their meaning.
 */
final class CurrentLink {

    private CurrentLink() {}

    /** For an account just read with E3: a 4xx on E8 can only mean "no link". */
    static Optional<String> ofExisting(final SpotApi spot, final String accountId) {
        try {
            return read(spot, accountId);
        } catch (SpotNotFoundException | SpotValidationException noLink) {
            return Optional.empty();
        }
    }

    /**
     * For an account not read yet: after a 4xx on E8, E3 decides, and its {@link SpotNotFoundException}
     * (the account is gone) propagates.
     */
    static Optional<String> of(final SpotApi spot, final String accountId) {
        try {
            return read(spot, accountId);
        } catch (SpotNotFoundException | SpotValidationException noLinkOrNoAccount) {
            spot.getAccount(accountId);
            return Optional.empty();
        }
    }

    private static Optional<String> read(final SpotApi spot, final String accountId) {
        return spot.linkedRole(accountId).map(RoleLink::iamRole);
    }
}
