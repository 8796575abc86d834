package io.spot.onboarding.emulator;

import java.util.Objects;

/**
 * One account as it matters to a Spot user: what tests compare to prove Spot is exactly as it was.
 * Besides what the API shows, the external ID Spot presents when it assumes the linked role, and
 * whether that role admits it (the account is reachable): a new external ID can break an account
 * without changing anything the API shows (docs/spot-api.md open question 7).
 */
public record VisibleAccount(
        String accountId,
        String name,
        String providerExternalId,
        String iamRole,
        boolean ciEnrolled,
        String externalId,
        boolean spotCanAssume) {

    /** The account as the API shows it, reachable, with the external ID Spot presents. */
    public static VisibleAccount of(SpotAccountRecord account, String presentedExternalId, boolean spotCanAssume) {
        return new VisibleAccount(
                account.accountId(),
                account.name(),
                account.providerExternalId(),
                account.iamRole(),
                account.ciEnrolled(),
                presentedExternalId,
                spotCanAssume);
    }

    /**
     * Whether the account is still usable as {@code before} was: the same account, name, cloud
     * account and enrollment, and a linked role Spot can assume. The role and external ID may differ.
     */
    public boolean reachableAsBefore(VisibleAccount before) {
        return accountId.equals(before.accountId)
                && Objects.equals(name, before.name)
                && Objects.equals(providerExternalId, before.providerExternalId)
                && ciEnrolled == before.ciEnrolled
                && (spotCanAssume || !before.spotCanAssume);
    }
}
