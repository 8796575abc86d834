package io.spot.onboarding.account;

import io.spot.onboarding.common.api.AccountListing;
import io.spot.onboarding.common.api.SpotAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides which Spot account a Create should use. Spot has no idempotency token, so a create
 * whose answer was lost leaves an account this stack cannot see by ID. Such an account is
 * recognised by what only it has: not linked to any cloud account, named exactly as this Create
 * names accounts, and created by Spot within {@link #RECOVERY_WINDOW} (on Spot's clock).
 */
final class AccountLookup {
    static final Duration RECOVERY_WINDOW = Duration.ofHours(6);

    private AccountLookup() {
    }

    /** The account an earlier attempt of this Create made, if any; the oldest if somehow several. */
    static Optional<SpotAccount> earlierAttempt(final AccountListing listing, final String name) {
        final Instant now = listing.serverTime() != null ? listing.serverTime() : Instant.now();
        return listing.accounts().stream()
            .filter(a -> !a.isLinked())
            .filter(a -> name.equals(a.name()))
            .filter(a -> a.createdAt() != null && !a.createdAt().isBefore(now.minus(RECOVERY_WINDOW)))
            .min(Comparator.comparing(SpotAccount::createdAt).thenComparing(SpotAccount::accountId));
    }

    static String describe(final List<SpotAccount> accounts) {
        return accounts.stream()
            .map(a -> a.accountId() + " ('" + a.name() + "')")
            .collect(Collectors.joining(", "));
    }
}
