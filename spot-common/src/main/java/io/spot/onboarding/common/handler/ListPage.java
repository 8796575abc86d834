package io.spot.onboarding.common.handler;

import io.spot.onboarding.common.api.SpotAccount;
import io.spot.onboarding.common.api.SpotApi;
import java.util.Comparator;
import java.util.List;
import software.amazon.cloudformation.exceptions.CfnInvalidRequestException;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * A page cut from a list Spot returns whole. The token is the offset of the next page: plain, since
 * it hides nothing, and checked, since it comes back from the caller.
 */
public record ListPage<T>(List<T> items, String nextToken) {
    public static final int DEFAULT_PAGE_SIZE = 100;
    private static final String PREFIX = "offset:";

    public static <T> ListPage<T> of(final List<T> all, final String token, final Integer maxResults) {
        return of(all, token, maxResults, DEFAULT_PAGE_SIZE, 1000);
    }

    /** The page of the organization's Spot accounts a List request asks for, in account ID order. */
    public static ListPage<SpotAccount> ofAccounts(final SpotApi spot, final ResourceHandlerRequest<?> request) {
        final List<SpotAccount> accounts = spot.listAccounts().accounts().stream()
                .sorted(Comparator.comparing(SpotAccount::accountId))
                .toList();
        return of(accounts, request.getNextToken(), request.getMaxResults());
    }

    /** For lists whose every item costs a Spot call: smaller pages keep List within its 30 s. */
    public static <T> ListPage<T> of(
            final List<T> all, final String token, final Integer maxResults, final int defaultSize, final int maxSize) {
        final int size = maxResults == null || maxResults <= 0 ? defaultSize : Math.min(maxResults, maxSize);
        final int from = offset(token, all.size());
        final int to = Math.min(all.size(), from + size);
        return new ListPage<>(all.subList(from, to), to < all.size() ? PREFIX + to : null);
    }

    private static int offset(final String token, final int total) {
        if (token == null || token.isBlank()) {
            return 0;
        }
        try {
            final int offset = Integer.parseInt(token.startsWith(PREFIX) ? token.substring(PREFIX.length()) : "x");
            if (offset >= 0 && offset <= total) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new CfnInvalidRequestException("NextToken '" + token + "' is not one this handler returned; "
                + "start the listing again without NextToken");
    }
}
