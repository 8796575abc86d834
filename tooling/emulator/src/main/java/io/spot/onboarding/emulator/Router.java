package io.spot.onboarding.emulator;

import java.lang.System.Logger.Level;
import java.util.EnumMap;
import java.util.Map;

/** Hands a resolved request to its endpoint and turns Spot errors into error envelopes. */
final class Router {

    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    private final Map<Route, Endpoint> endpoints = new EnumMap<>(Route.class);

    Router(EmulatorState state, Faults faults) {
        endpoints.putAll(new AccountEndpoints(state, faults).endpoints());
        endpoints.putAll(new CredentialEndpoints(state, faults).endpoints());
        endpoints.putAll(new CostIntelligenceEndpoints(state, faults).endpoints());
        for (Route route : Route.values()) {
            if (!endpoints.containsKey(route)) {
                throw new IllegalStateException("No endpoint serves " + route);
            }
        }
    }

    ApiResponse handle(Route route, ApiRequest request) {
        try {
            return endpoints.get(route).handle(request);
        } catch (SpotApiException failure) {
            return ApiResponse.error(failure, route.kind());
        } catch (RuntimeException bug) {
            // An emulator bug must look like a Spot 500 to the client under test, and stay visible.
            LOG.log(Level.ERROR, "Endpoint " + route + " failed", bug);
            return ApiResponse.error(
                    new SpotApiException(
                            HttpStatus.INTERNAL_SERVER_ERROR,
                            Invented.INTERNAL_ERROR,
                            Invented.EMULATOR_FAILURE_MESSAGE.formatted(bug),
                            null),
                    route.kind());
        }
    }
}
