package io.spot.onboarding.runner.cli;

/** The command line asks for something the runner does not offer; the message says what is wrong. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(final String message) {
        super(message);
    }
}
