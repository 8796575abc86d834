package io.spot.onboarding.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lookups endpoints make on every request (accounts by linked AWS account, enrolled accounts in
 * E11's order), kept up to date as accounts change so that no request scans the organization.
 * Guarded by the {@link EmulatorState}'s lock, like the accounts it indexes.
 */
final class AccountIndex {

    /** E11's stable order: enabledDate, then accountId. */
    static final Comparator<Account> ENROLLED_ORDER =
            Comparator.comparing(Account::ciEnabledDate).thenComparing(a -> a.id);

    private static final Comparator<Account> LIST_ORDER = Comparator.comparingLong(a -> a.position);

    private final Map<String, List<Account>> byCloudAccount = new HashMap<>();
    private final List<Account> enrolled = new ArrayList<>();

    /** Follows a change made to {@code account}, given what it was linked to and whether it was enrolled before. */
    void changed(Account account, String cloudAccountBefore, boolean enrolledBefore) {
        if (!Objects.equals(cloudAccountBefore, account.providerExternalId())) {
            unlink(account, cloudAccountBefore);
            if (account.providerExternalId() != null) {
                List<Account> linked =
                        byCloudAccount.computeIfAbsent(account.providerExternalId(), k -> new ArrayList<>());
                int at = Collections.binarySearch(linked, account, LIST_ORDER);
                linked.add(-at - 1, account);
            }
        }
        if (!enrolledBefore && account.ciEnabledDate() != null) {
            int at = Collections.binarySearch(enrolled, account, ENROLLED_ORDER);
            enrolled.add(-at - 1, account);
        }
    }

    void removed(Account account) {
        unlink(account, account.providerExternalId());
        if (account.ciEnabledDate() != null) {
            enrolled.remove(Collections.binarySearch(enrolled, account, ENROLLED_ORDER));
        }
    }

    void clear() {
        byCloudAccount.clear();
        enrolled.clear();
    }

    /** The accounts linked to an AWS account, in the organization's list order. */
    List<Account> linkedTo(String cloudAccountId) {
        return byCloudAccount.getOrDefault(cloudAccountId, List.of());
    }

    /** Enrolled accounts in {@link #ENROLLED_ORDER}: the live list, to be read under the state's lock only. */
    List<Account> enrolled() {
        return Collections.unmodifiableList(enrolled);
    }

    private void unlink(Account account, String cloudAccountId) {
        if (cloudAccountId == null) {
            return;
        }
        List<Account> linked = byCloudAccount.get(cloudAccountId);
        linked.remove(account);
        if (linked.isEmpty()) {
            byCloudAccount.remove(cloudAccountId);
        }
    }
}
