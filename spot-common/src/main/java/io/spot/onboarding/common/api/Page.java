package io.spot.onboarding.common.api;

import java.util.List;

/** One page of a paginated Spot list; {@code nextKey} is null on the last page. */
public record Page<T>(List<T> items, String nextKey, Integer totalCount) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return nextKey != null && !nextKey.isBlank();
    }
}
