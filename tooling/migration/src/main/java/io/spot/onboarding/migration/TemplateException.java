package io.spot.onboarding.migration;

/** A template this tool cannot change safely; the message says what to do. */
public final class TemplateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public TemplateException(final String message) {
        super(message);
    }
}
