package io.spot.onboarding.emulator;

import java.time.Instant;

/** Immutable snapshot of one Spot account as the emulator holds it. */
public record SpotAccountRecord(
        String accountId,
        String name,
        String organizationId,
        Instant createdAt,
        String providerExternalId,
        String cloudProvider,
        String iamRole,
        String externalId,
        boolean ciEnrolled,
        Instant ciEnabledDate) {

    public boolean isLinked() {
        return iamRole != null;
    }
}
