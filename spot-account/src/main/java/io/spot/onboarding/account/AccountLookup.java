package io.spot.onboarding.account;

import io.spot.onboarding.common.api.AccountListing;
import io.spot.onboarding.common.api.SpotAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Decides which unlinked Spot account, if any, a Create may take or must not step over. Spot has no
 * idempotency token, so a create whose answer was lost leaves an account this stack cannot see by
 * ID. Only an account still carrying this resource's {@link CreateMarker} is provably that one.
 * An unlinked account with the final name, made recently, is a look-alike: perhaps this resource's
 * after its rename (when CloudFormation started the Create over without its callback context),
 * perhaps someone else's (Spot's console names accounts after the AWS account ID too). Nothing
 * tells the two apart, so it is neither taken nor doubled.
 */
final class AccountLookup {
    static final Duration LOOK_ALIKE_WINDOW = Duration.ofHours(6);

    private AccountLookup() {}

    /** The account an earlier attempt of this resource's create made, if any; the oldest if somehow several. */
    static Optional<SpotAccount> createdByThisResource(final AccountListing listing, final Predicate<String> own) {
        return listing.accounts().stream()
                .filter(a -> !a.isLinked())
                .filter(a -> own.test(a.name()))
                .min(Comparator.comparing(SpotAccount::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(SpotAccount::accountId));
    }

    /** The accounts of the listing connected to the AWS account, as the lookup by cloud account finds them. */
    static List<SpotAccount> connectedTo(final AccountListing listing, final String awsAccountId) {
        return listing.accounts().stream()
                .filter(a -> awsAccountId.equals(a.providerExternalId()))
                .toList();
    }

    /**
     * Unlinked accounts named {@code name} or {@code fallback} (the name used where Spot refuses the
     * first) that Spot created within {@link #LOOK_ALIKE_WINDOW} (on Spot's clock).
     */
    static List<SpotAccount> lookAlikes(final AccountListing listing, final String fallback, final String name) {
        final Instant now = listing.serverTime() != null ? listing.serverTime() : Instant.now();
        return listing.accounts().stream()
                .filter(a -> !a.isLinked())
                .filter(a -> name.equals(a.name()) || fallback.equals(a.name()))
                .filter(a -> a.createdAt() != null && !a.createdAt().isBefore(now.minus(LOOK_ALIKE_WINDOW)))
                .toList();
    }

    /**
     * Unlinked accounts that another resource created for the same AWS account within
     * {@link #LOOK_ALIKE_WINDOW} and that still carry its marker: another stack (another region,
     * another logical ID) onboarding the AWS account right now. Never taken (only this resource's own
     * marker proves an account is its own), and never doubled. Markers for other AWS accounts, which
     * every Create of a StackSet leaves for a moment, are no obstacle.
     */
    static List<SpotAccount> othersPending(
            final AccountListing listing, final String awsAccountId, final Predicate<String> own) {
        final Instant now = listing.serverTime() != null ? listing.serverTime() : Instant.now();
        final Predicate<String> forTheAwsAccount = CreateMarker.targeting(awsAccountId);
        return listing.accounts().stream()
                .filter(a -> !a.isLinked())
                .filter(a -> forTheAwsAccount.test(a.name()) && !own.test(a.name()))
                .filter(a -> a.createdAt() != null && !a.createdAt().isBefore(now.minus(LOOK_ALIKE_WINDOW)))
                .toList();
    }

    static String describe(final List<SpotAccount> accounts) {
        return accounts.stream()
                .map(a -> a.accountId() + " ('" + a.name() + "')")
                .collect(Collectors.joining(", "));
    }
}
