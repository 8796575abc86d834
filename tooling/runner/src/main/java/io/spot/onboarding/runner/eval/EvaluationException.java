package io.spot.onboarding.runner.eval;

import io.spot.onboarding.runner.template.Location;

/** A value the template asks for cannot be computed; the message says where and why. */
public final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Location location;

    public EvaluationException(final Location location, final String message) {
        super(location + ": " + message);
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
