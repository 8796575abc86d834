package io.spot.onboarding.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Pagination for E11. A key is a cursor (the sort position of the item before the page), not an
 * offset, so enrollments and deletions between two page requests neither repeat nor skip items
 * that were already in place.
 */
final class CostIntelligencePages {

    record Page<T>(List<T> items, PaginationInfo info) {}

    /**
     * @param defaultSize the page size when the request names none
     * @param servedAtMost a silent cap on the size of a page (a test's knob; Spot's own is unknown)
     * @param acceptedAtMost the largest paginationSize accepted; a larger one is refused with 400
     */
    record Rules(int defaultSize, int servedAtMost, int acceptedAtMost) {
        static final Rules INVENTED =
                new Rules(Invented.CI_DEFAULT_PAGE_SIZE, Integer.MAX_VALUE, Invented.CI_MAX_PAGE_SIZE);

        Rules served(int size) {
            return new Rules(size, size, acceptedAtMost);
        }

        Rules accepting(int size) {
            return new Rules(defaultSize, servedAtMost, size);
        }
    }

    private record Cursor(long enabledMillis, String accountId) {
        static final Cursor BEFORE_FIRST = new Cursor(Long.MIN_VALUE, "");
        static final Comparator<Cursor> ORDER =
                Comparator.comparingLong(Cursor::enabledMillis).thenComparing(Cursor::accountId);

        static Cursor of(Account account) {
            return new Cursor(account.ciEnabledDate().toEpochMilli(), account.id);
        }
    }

    // [U] invented: keys are base64url("<enabledDate epoch millis>:<accountId>"), or of "first".
    private static final String BEFORE_FIRST_TEXT = "first";

    private CostIntelligencePages() {}

    /**
     * @param sorted enrolled accounts ordered by enabledDate, then accountId
     * @return a page whose items are a view of {@code sorted}
     */
    static Page<Account> of(List<Account> sorted, ApiRequest request, Rules rules) {
        int size = Math.min(rules.servedAtMost(), pageSize(request, rules));
        int start = request.query("paginationKey")
                .map(key -> firstAfter(sorted, decode(key)))
                .orElse(0);
        int end = Math.min(sorted.size(), start + size);
        String nextKey = end < sorted.size() ? encode(Cursor.of(sorted.get(end - 1))) : null;
        String previousKey = start == 0 ? null : keyBefore(sorted, Math.max(0, start - size));
        return new Page<>(sorted.subList(start, end), new PaginationInfo(sorted.size(), nextKey, previousKey));
    }

    private static int pageSize(ApiRequest request, Rules rules) {
        String text = request.query("paginationSize").orElse(null);
        if (text == null) {
            return rules.defaultSize();
        }
        int size;
        try {
            size = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalidSize(Invented.MUST_BE_NUMBER);
        }
        if (size < 1) {
            throw invalidSize(Invented.AT_LEAST.formatted(1));
        }
        if (size > rules.acceptedAtMost()) {
            throw invalidSize(Invented.AT_MOST.formatted(rules.acceptedAtMost()));
        }
        return size;
    }

    /** A binary search: a client paging through every enrollment asks this once per page. */
    private static int firstAfter(List<Account> sorted, Cursor cursor) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (Cursor.ORDER.compare(Cursor.of(sorted.get(middle)), cursor) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static String keyBefore(List<Account> sorted, int index) {
        return encode(index == 0 ? Cursor.BEFORE_FIRST : Cursor.of(sorted.get(index - 1)));
    }

    private static String encode(Cursor cursor) {
        String text =
                cursor == Cursor.BEFORE_FIRST ? BEFORE_FIRST_TEXT : cursor.enabledMillis() + ":" + cursor.accountId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decode(String key) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(key), StandardCharsets.UTF_8);
            if (text.equals(BEFORE_FIRST_TEXT)) {
                return Cursor.BEFORE_FIRST;
            }
            int colon = text.indexOf(':');
            return new Cursor(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw Validation.invalid("query.paginationKey", "paginationKey", Invented.NOT_A_PAGINATION_KEY);
        }
    }

    private static SpotApiException invalidSize(String problem) {
        return Validation.invalid("query.paginationSize", "paginationSize", problem);
    }
}
