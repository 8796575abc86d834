package io.spot.onboarding.costintelligence;

import java.util.Optional;

/**
 * CloudFormation's NextToken for List: which Spot page to read ({@code paginationKey}, null for the
 * first) and how many of its accounts earlier List pages already returned. Each List invocation reads
 * one Spot page, so it answers well within 30 s; MaxResults smaller than Spot's page cuts the page,
 * and the next token points into the same Spot page. Plain text, since it hides nothing; checked,
 * since it comes back from the caller.
 */
record ListToken(String spotKey, int skip) {
    static final ListToken FIRST = new ListToken(null, 0);
    private static final String PREFIX = "cbi:";

    /** Empty when the text is not a token this handler issued. */
    static Optional<ListToken> parse(final String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(FIRST);
        }
        if (!text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        final int colon = text.indexOf(':', PREFIX.length());
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            final int skip = Integer.parseInt(text.substring(PREFIX.length(), colon));
            final String key = text.substring(colon + 1);
            return skip < 0 ? Optional.empty() : Optional.of(new ListToken(key.isEmpty() ? null : key, skip));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    String text() {
        return PREFIX + skip + ":" + (spotKey == null ? "" : spotKey);
    }
}
