package io.spot.onboarding.emulator;

import java.util.List;

/**
 * A fault for E11 ({@link Faults#ciListNeverEnds}): Spot's enrolled-accounts list as a client must
 * survive it but Spot is not known to serve it. After the real last page, every page names a next
 * key, always a new one, so a client that follows keys until there is none never stops. The pages
 * past the end are empty (a Spot that pages past its end), or repeat the first accounts (a cursor
 * that cycles while looking like progress).
 */
final class EndlessCostIntelligenceList {

    enum Pages {
        EMPTY,
        REPEATED
    }

    // [U] invented: keys past the end are "endless-<n>", which no base64url cursor key of the real list equals.
    private static final String KEY_PREFIX = "endless-";

    private EndlessCostIntelligenceList() {}

    static CostIntelligencePages.Page<Account> serve(
            ApiRequest request, Pages pages, List<Account> enrolled, CostIntelligencePages.Rules rules) {
        String key = request.query("paginationKey").orElse(null);
        if (key != null && key.startsWith(KEY_PREFIX)) {
            long n = Long.parseLong(key.substring(KEY_PREFIX.length()));
            List<Account> items = pages == Pages.EMPTY
                    ? List.of()
                    : enrolled.subList(0, Math.min(enrolled.size(), rules.defaultSize()));
            return new CostIntelligencePages.Page<>(items, info(enrolled.size(), n + 1, key));
        }
        CostIntelligencePages.Page<Account> real = CostIntelligencePages.of(enrolled, request, rules);
        if (real.info().nextKey() != null) {
            return real;
        }
        return new CostIntelligencePages.Page<>(
                real.items(), info(enrolled.size(), 1, real.info().previousKey()));
    }

    private static PaginationInfo info(int totalCount, long next, String previousKey) {
        return new PaginationInfo(totalCount, KEY_PREFIX + next, previousKey);
    }
}
