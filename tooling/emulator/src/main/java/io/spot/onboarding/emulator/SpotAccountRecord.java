package io.spot.onboarding.emulator;

import java.time.Instant;

/**
 * Immutable snapshot of one Spot account as the emulator holds it. {@code externalId} is the newest
 * minted; {@code linkedExternalId} the one the current link was made with.
 */
public record SpotAccountRecord(
        String accountId,
        String name,
        String organizationId,
        Instant createdAt,
        String providerExternalId,
        String cloudProvider,
        String iamRole,
        String externalId,
        String linkedExternalId,
        boolean ciEnrolled,
        Instant ciEnabledDate) {

    public boolean isLinked() {
        return iamRole != null;
    }
}
