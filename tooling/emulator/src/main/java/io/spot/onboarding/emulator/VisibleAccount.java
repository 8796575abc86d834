package io.spot.onboarding.emulator;

/**
 * One account as a Spot user sees it through the API: what tests compare to prove Spot is exactly
 * as it was. The external ID is left out: Spot never shows it back.
 */
public record VisibleAccount(
        String accountId, String name, String providerExternalId, String iamRole, boolean ciEnrolled) {

    public static VisibleAccount of(SpotAccountRecord account) {
        return new VisibleAccount(
                account.accountId(),
                account.name(),
                account.providerExternalId(),
                account.iamRole(),
                account.ciEnrolled());
    }
}
