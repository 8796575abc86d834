package io.spot.onboarding.emulator;

import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    /** Every external ID minted for the account, oldest first. */
    private final List<MintedId> externalIds = new ArrayList<>();
    /** The IDs links have used: Spot has assumed a role with each. */
    private final Set<String> usedExternalIds = new HashSet<>();
    /** The ID the current link was made with. */
    private String linkedExternalId;

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

    /** The newest external ID, or null when none was minted. */
    String externalId() {
        return externalIds.isEmpty()
                ? null
                : externalIds.get(externalIds.size() - 1).id();
    }

    String linkedExternalId() {
        return linkedExternalId;
    }

    /**
     * The IDs a link may use now: the newest; under {@link SpotAnswers.ExternalIds#KEEPS_OLD} also every
     * one a link has used, and those still within their maxValidUntil.
     */
    Set<String> acceptedExternalIds(SpotAnswers.ExternalIds answer, Instant now) {
        Set<String> accepted = new HashSet<>();
        if (externalId() != null) {
            accepted.add(externalId());
        }
        if (answer == SpotAnswers.ExternalIds.KEEPS_OLD) {
            accepted.addAll(usedExternalIds);
            externalIds.stream()
                    .filter(minted -> !now.isAfter(minted.validUntil()))
                    .forEach(m -> accepted.add(m.id()));
        }
        return accepted;
    }

    /** The ID Spot presents when it assumes the linked role. */
    String presentedExternalId(SpotAnswers.ExternalIds answer) {
        return answer == SpotAnswers.ExternalIds.REPLACES_OLD || linkedExternalId == null
                ? externalId()
                : linkedExternalId;
    }

    Instant ciEnabledDate() {
        return ciEnabledDate;
    }

    void rename(String newName) {
        name = newName;
        changed();
    }

    void issueExternalId(String newExternalId, Instant validUntil) {
        externalIds.add(new MintedId(newExternalId, validUntil));
        changed();
    }

    void linkRole(String roleArn, String awsAccountId, String externalId) {
        iamRole = roleArn;
        linkedExternalId = externalId;
        usedExternalIds.add(externalId);
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
                externalId(),
                linkedExternalId,
                ciEnabledDate != null,
                ciEnabledDate);
    }

    private record MintedId(String id, Instant validUntil) {}

    private void changed() {
        listItem = null;
        costIntelligenceItem = null;
    }
}
