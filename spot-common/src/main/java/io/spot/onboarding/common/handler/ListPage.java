package io.spot.onboarding.common.handler;

import java.util.List;
import software.amazon.cloudformation.exceptions.CfnInvalidRequestException;

/**
 * A page cut from a list Spot returns whole. The token is the offset of the next page: plain, since
 * it hides nothing, and checked, since it comes back from the caller.
 */
public record ListPage<T>(List<T> items, String nextToken) {
    public static final int DEFAULT_PAGE_SIZE = 100;
    private static final String PREFIX = "offset:";

    public static <T> ListPage<T> of(final List<T> all, final String token, final Integer maxResults) {
        final int size = maxResults == null || maxResults <= 0 ? DEFAULT_PAGE_SIZE : Math.min(maxResults, 1000);
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
