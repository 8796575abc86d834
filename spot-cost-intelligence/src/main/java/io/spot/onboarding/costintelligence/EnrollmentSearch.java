package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.api.CostIntelligenceAccount;
import io.spot.onboarding.common.api.Page;
import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.api.SpotValidationException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Finds one account in Spot's list of Cost Intelligence enrollments (E11), the only way to read an
 * enrollment: Spot has no per-account GET. One search reads at most {@value #MAX_PAGES} pages and
 * starts no call after {@link #MAX_ELAPSED}, the page-size fallback's second call included, so even when
 * every call takes its whole 15 s timeout the search ends within 25 s and a Read within CloudFormation's 30 s.
 * A search the budget stops returns the key to resume from, and whether time is left for one more call.
 * Pages are as large as Spot allows ({@link PageSizeChoice}).
 * The list ends at a page without a next key, at a key that does not move on, and at an empty page,
 * whatever key it names: a Spot that pages past its end must not keep a search going. A list whose
 * keys move on for ever is bounded by the operation, not here ({@link CostIntelligenceHandler#MAX_OPERATION_PAGES}).
 */
final class EnrollmentSearch {
    static final int MAX_PAGES = 50;
    static final Duration MAX_ELAPSED = Duration.ofSeconds(10);

    private final int maxPages;
    private final long maxElapsedNanos;
    private final LongSupplier nanoTime;
    private final PageSizeChoice pageSize;

    EnrollmentSearch(
            final int maxPages, final Duration maxElapsed, final LongSupplier nanoTime, final PageSizeChoice pageSize) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("a search reads at least one page: " + maxPages);
        }
        this.maxPages = maxPages;
        this.maxElapsedNanos = maxElapsed.toNanos();
        this.nanoTime = nanoTime;
        this.pageSize = pageSize;
    }

    /** @param pageSize shared by the type's handlers, so one refusal of large pages is paid once per container */
    static EnrollmentSearch perInvocation(final PageSizeChoice pageSize) {
        return new EnrollmentSearch(MAX_PAGES, MAX_ELAPSED, System::nanoTime, pageSize);
    }

    /** @param fromKey where an earlier, stopped search said to resume, or null to start at the first page */
    Result find(final SpotApi spot, final String accountId, final String fromKey) {
        final long start = nanoTime.getAsLong();
        String key = fromKey;
        int pages = 0;
        int seen = 0;
        while (true) {
            final Page<CostIntelligenceAccount> page = page(spot, key, start);
            pages++;
            if (page == null) {
                return new Result(null, key, true, false, pages, seen);
            }
            seen += page.items().size();
            for (final CostIntelligenceAccount enrolled : page.items()) {
                if (accountId.equals(enrolled.accountId())) {
                    return new Result(enrolled, null, false, timeLeft(start), pages, seen);
                }
            }
            // An empty page, or a key that does not move on, would page forever: the list ends there.
            if (page.items().isEmpty() || !page.hasNext() || page.nextKey().equals(key)) {
                return new Result(null, null, false, timeLeft(start), pages, seen);
            }
            key = page.nextKey();
            final boolean timeLeft = timeLeft(start);
            if (pages >= maxPages || !timeLeft) {
                return new Result(null, key, true, timeLeft, pages, seen);
            }
        }
    }

    private boolean timeLeft(final long start) {
        return nanoTime.getAsLong() - start < maxElapsedNanos;
    }

    /** One page, or null when Spot refused its size and the budget leaves no time for the call without it. */
    private Page<CostIntelligenceAccount> page(final SpotApi spot, final String key, final long start) {
        final Integer size = pageSize.size();
        if (size == null) {
            return spot.listCostIntelligenceAccounts(key, null);
        }
        try {
            return spot.listCostIntelligenceAccounts(key, size);
        } catch (SpotValidationException refused) {
            if (!timeLeft(start)) {
                return null;
            }
            // Only a refusal that goes away without the size is the size's: a refused key fails again here.
            final Page<CostIntelligenceAccount> page = spot.listCostIntelligenceAccounts(key, null);
            pageSize.largeRefused();
            return page;
        }
    }

    /**
     * @param account   the enrollment, when found
     * @param resumeKey where to resume when the budget stopped the search (null: at the first page)
     * @param stopped   the budget stopped the search before the list ended
     * @param timeLeft  the budget allows one more call to start
     */
    record Result(
            CostIntelligenceAccount account,
            String resumeKey,
            boolean stopped,
            boolean timeLeft,
            int pages,
            int accountsSeen) {

        boolean found() {
            return account != null;
        }

        /** The whole list was read and the account is not in it. */
        boolean notListed() {
            return account == null && !stopped;
        }
    }
}
