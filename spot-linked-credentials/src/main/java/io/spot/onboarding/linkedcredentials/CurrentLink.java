package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.api.RoleLink;
import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.api.SpotNotFoundException;
import java.util.Optional;

/**
 * The role a Spot account is linked to now (E8). How Spot answers for an account without a link
 * is not public (docs/spot-api.md E8, open question 3): an empty list, or its own "not found". Only
 * those two mean "no link"; the account's existence tells "no link" from "no account". Every other
 * refusal (a 400 or 422 with any other code, 401, 403, 429, 5xx) is a failure with Spot's words: a
 * Delete that took it for "no link" would skip giving an adopted account its old role back.
 */
final class CurrentLink {

    private CurrentLink() {}

    /** For an account just read with E3: Spot's "not found" on E8 can only mean "no link". */
    static Optional<String> ofExisting(final SpotApi spot, final String accountId) {
        try {
            return read(spot, accountId);
        } catch (SpotNotFoundException noLink) {
            return Optional.empty();
        }
    }

    /**
     * For an account not read yet: after Spot's "not found" on E8, E3 decides, and its
     * {@link SpotNotFoundException} (the account is gone) propagates.
     */
    static Optional<String> of(final SpotApi spot, final String accountId) {
        try {
            return read(spot, accountId);
        } catch (SpotNotFoundException noLinkOrNoAccount) {
            spot.getAccount(accountId);
            return Optional.empty();
        }
    }

    private static Optional<String> read(final SpotApi spot, final String accountId) {
        return spot.linkedRole(accountId).map(RoleLink::iamRole);
    }
}
