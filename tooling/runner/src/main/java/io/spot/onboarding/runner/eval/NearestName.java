package io.spot.onboarding.runner.eval;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The declared name a misspelt one most likely meant: the fewest edits away, if few enough to be a typo. */
public final class NearestName {

    private NearestName() {}

    public static Optional<String> of(final String given, final Collection<String> names) {
        final String typed = given.toLowerCase(Locale.ROOT);
        return names.stream()
                .min(Comparator.comparingInt(name -> edits(typed, name.toLowerCase(Locale.ROOT))))
                .filter(name -> edits(typed, name.toLowerCase(Locale.ROOT)) <= Math.max(2, name.length() / 3));
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int edits(final String a, final String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                final int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
