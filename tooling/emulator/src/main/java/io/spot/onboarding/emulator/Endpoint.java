package io.spot.onboarding.emulator;

@FunctionalInterface
interface Endpoint {

    /** Returns the success answer, or throws {@link SpotApiException} for a Spot error answer. */
    ApiResponse handle(ApiRequest request);
}
