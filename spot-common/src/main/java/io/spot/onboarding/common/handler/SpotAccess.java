package io.spot.onboarding.common.handler;

import io.spot.onboarding.common.api.SpotEndpoint;

/** Where to call Spot and with which token, once resolved. {@code toString} never shows the token. */
public record SpotAccess(SpotEndpoint endpoint, String token, String tokenSource) {

    @Override
    public String toString() {
        return "SpotAccess[endpoint=" + endpoint + ", token=*** from " + tokenSource + "]";
    }
}
