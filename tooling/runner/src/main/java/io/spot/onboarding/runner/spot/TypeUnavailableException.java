package io.spot.onboarding.runner.spot;

/** A Spot type the template names cannot be run by this build; the message says what to build. */
public final class TypeUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TypeUnavailableException(final String message) {
        super(message);
    }
}
