package io.spot.onboarding.emulator;

/**
 * A Spot error answer (HTTP status plus one {@code errors[]} entry). Endpoints throw it from any
 * depth, including from inside a state transaction, and the dispatcher renders the envelope.
 */
final class SpotApiException extends RuntimeException {

    private final int status;
    private final SpotError error;

    SpotApiException(int status, String code, String message, String field) {
        // No stack trace: this is control flow for expected answers, thrown thousands of times.
        super(code + ": " + message, null, false, false);
        this.status = status;
        this.error = new SpotError(code, message, field);
    }

    int status() {
        return status;
    }

    SpotError error() {
        return error;
    }

    static SpotApiException badRequest(String code, String message) {
        return new SpotApiException(HttpStatus.BAD_REQUEST, code, message, null);
    }

    static SpotApiException validation(String field, String message) {
        return new SpotApiException(HttpStatus.BAD_REQUEST, Wire.VALIDATION_ERROR, message, field);
    }

    static SpotApiException accountNotFound(String accountId) {
        return badRequest(Wire.ACCOUNT_DOESNT_EXIST, Invented.ACCOUNT_DOESNT_EXIST_MESSAGE.formatted(accountId));
    }
}
