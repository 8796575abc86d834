package io.spot.onboarding.runner.env;

import java.util.ArrayList;
import java.util.List;

/**
 * One simulated AWS account of the organization: its ID and the IAM account alias the runner
 * gives it in moto (so Spot::Onboarding::AccountAlias has a name to apply).
 */
public record MemberAccount(int index, String accountId, String alias) {
    /** The ID a single-account run uses: the one the handlers' tests use too. */
    public static final String SINGLE_ACCOUNT_ID = "123456789012";

    private static final long FIRST_MEMBER = 210_000_000_001L;
    /** The management account, where --central-token keeps the organization's token. */
    public static final String MANAGEMENT_ACCOUNT_ID = "200000000000";

    public static MemberAccount management() {
        return new MemberAccount(0, MANAGEMENT_ACCOUNT_ID, "acme-management");
    }

    public static List<MemberAccount> organization(final int count) {
        if (count == 1) {
            return List.of(new MemberAccount(1, SINGLE_ACCOUNT_ID, "acme-production"));
        }
        final List<MemberAccount> accounts = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            accounts.add(new MemberAccount(
                    i, String.format("%012d", FIRST_MEMBER + i - 1), String.format("acme-member-%04d", i)));
        }
        return accounts;
    }
}
