package io.spot.onboarding.common.handler;

import java.util.Optional;

/** Reads a secret's string value; empty when no such secret exists. */
@FunctionalInterface
public interface SecretReader {

    /**
     * @throws SecretAccessDeniedException when the caller may not read it
     */
    Optional<String> secretString(String secretId);

    /** The caller's credentials may not read the secret (IAM or the key policy said no). */
    final class SecretAccessDeniedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SecretAccessDeniedException(final String message) {
            super(message);
        }
    }
}
