package io.spot.onboarding.harness;

/**
 * The handler contract (docs/design.md §4) checked on every response the {@link HandlerDriver} sees,
 * so every behaviour test also tests the contract.
 *
 * @param identifier                        the primary identifier property, such as "AccountId"
 * @param createMayWaitWithoutIdentifier    true only for a type whose identifier is assigned by
 *                                          Spot: a Create throttled before the resource exists has
 *                                          no identifier to carry (documented in its docs)
 */
public record HandlerContract(String identifier, boolean createMayWaitWithoutIdentifier) {

    public void check(final String action, final HandlerResponse response) {
        final String status = response.status();
        if (status == null) {
            throw new AssertionError(action + " returned no status: " + response);
        }
        if ("FAILED".equals(status)) {
            require(response.errorCode() != null, action + " FAILED without an error code: " + response);
            require(
                    response.message() != null && !response.message().isBlank(),
                    action + " FAILED without a message: " + response);
        }
        if ("READ".equals(action) || "LIST".equals(action)) {
            require(!"IN_PROGRESS".equals(status), action + " returned IN_PROGRESS: " + response);
        }
        if ("DELETE".equals(action) && "SUCCESS".equals(status)) {
            require(!response.hasModel(), "DELETE SUCCESS carried a model: " + response);
        }
        if ("IN_PROGRESS".equals(status)) {
            require(response.errorCode() == null, "IN_PROGRESS with an error code: " + response);
            require(
                    response.callbackDelaySeconds() >= 0 && response.callbackDelaySeconds() <= 600,
                    "callbackDelaySeconds out of 0..600: " + response);
            final boolean hasIdentifier = response.modelText(identifier) != null;
            require(
                    hasIdentifier || "CREATE".equals(action) && createMayWaitWithoutIdentifier,
                    action + " IN_PROGRESS without " + identifier + ": " + response);
        }
        if ("SUCCESS".equals(status) && !"DELETE".equals(action) && !"LIST".equals(action)) {
            require(
                    response.modelText(identifier) != null,
                    action + " SUCCESS without " + identifier + ": " + response);
        }
    }

    private static void require(final boolean condition, final String message) {
        if (!condition) {
            throw new AssertionError("handler contract: " + message);
        }
    }
}
