package io.spot.onboarding.emulator;

import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;

/**
 * Mutable account inside {@link EmulatorState}; only ever touched while holding the state's lock.
 * Fields change only through methods, so the wire items it keeps rendered can never go stale.
 */
final class Account {

    final String id;
    final Instant createdAt;
    /** Where the account stands in the organization's list, for indexes that must answer in that order. */
    final long position;

    private String name;
    private String providerExternalId;
    private String cloudProvider;
    private String iamRole;
    private String externalId;
    private Instant ciEnabledDate;

    // The organization's lists repeat every account on every call: each item is rendered once per change.
    private RawValue listItem;
    private RawValue costIntelligenceItem;

    Account(String id, String name, Instant createdAt, long position) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.position = position;
    }

    String providerExternalId() {
        return providerExternalId;
    }

    String iamRole() {
        return iamRole;
    }

    String externalId() {
        return externalId;
    }

    Instant ciEnabledDate() {
        return ciEnabledDate;
    }

    void rename(String newName) {
        name = newName;
        changed();
    }

    void issueExternalId(String newExternalId) {
        externalId = newExternalId;
        changed();
    }

    void linkRole(String roleArn, String awsAccountId) {
        iamRole = roleArn;
        providerExternalId = awsAccountId;
        cloudProvider = Invented.CLOUD_PROVIDER_AWS;
        changed();
    }

    // [U] invented: enrolling again keeps the first enabledDate (E10 idempotent, open question 9).
    void enrollCostIntelligence(Instant now) {
        if (ciEnabledDate == null) {
            ciEnabledDate = now;
            changed();
        }
    }

    /** The E1/E3 item, as Jackson writes {@link AccountItems#listItem}. */
    RawValue listItem(String organizationId) {
        if (listItem == null) {
            listItem = AccountItems.rendered(AccountItems.listItem(snapshot(organizationId)));
        }
        return listItem;
    }

    /** The E11 item, as Jackson writes {@link AccountItems#withStatus}; only for an enrolled account. */
    RawValue costIntelligenceItem(String organizationId) {
        if (costIntelligenceItem == null) {
            costIntelligenceItem = AccountItems.rendered(AccountItems.withStatus(snapshot(organizationId)));
        }
        return costIntelligenceItem;
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

    private void changed() {
        listItem = null;
        costIntelligenceItem = null;
    }
}
