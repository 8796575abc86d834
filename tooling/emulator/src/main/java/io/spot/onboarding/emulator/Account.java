package io.spot.onboarding.emulator;

import java.time.Instant;

/** Mutable account inside {@link EmulatorState}; only ever touched while holding the state's lock. */
final class Account {

    final String id;
    final Instant createdAt;
    String name;
    String providerExternalId;
    String cloudProvider;
    String iamRole;
    String externalId;
    Instant ciEnabledDate;

    Account(String id, String name, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
    }

    void linkRole(String roleArn, String awsAccountId) {
        iamRole = roleArn;
        providerExternalId = awsAccountId;
        cloudProvider = Invented.CLOUD_PROVIDER_AWS;
    }

    // [U] invented: enrolling again keeps the first enabledDate (E10 idempotent, open question 9).
    void enrollCostIntelligence(Instant now) {
        if (ciEnabledDate == null) {
            ciEnabledDate = now;
        }
    }

    SpotAccountRecord snapshot(String organizationId) {
        return new SpotAccountRecord(
                id,
                name,
                organizationId,
                createdAt,
                providerExternalId,
                cloudProvider,
                iamRole,
                externalId,
                ciEnabledDate != null,
                ciEnabledDate);
    }
}
