package io.spot.onboarding.common.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Spot organization each token works in, as Spot's own account answers name it
 * ({@code organizationId} of E1 to E3), for the {@code Spotinst-Organization-ID} header of the Cost
 * Intelligence routes (docs/spot-api.md §2.1). Kept for the container's life: a token belongs to one
 * organization, so it is learned once per Spot URL and token, never from anything but Spot.
 */
final class OrganizationIds {
    private static final Map<String, String> BY_CALLER = new ConcurrentHashMap<>();

    private OrganizationIds() {}

    static String known(final String caller) {
        return BY_CALLER.get(caller);
    }

    static void seen(final String caller, final SpotAccount account) {
        if (account.organizationId() != null && !account.organizationId().isBlank()) {
            BY_CALLER.putIfAbsent(caller, account.organizationId());
        }
    }
}
