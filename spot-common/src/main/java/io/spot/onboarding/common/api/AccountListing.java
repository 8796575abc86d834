package io.spot.onboarding.common.api;

import java.time.Instant;
import java.util.List;

/**
 * Every account of the organization, with Spot's own clock at the moment it answered
 * ({@code request.timestamp}), so that "created a minute ago" is judged on Spot's clock, not on
 * a Lambda's that may differ.
 */
public record AccountListing(List<SpotAccount> accounts, Instant serverTime) {

    public AccountListing {
        accounts = List.copyOf(accounts);
    }
}
