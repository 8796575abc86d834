package io.spot.onboarding.common.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A Spot API call that did not succeed. Subclasses say what kind of failure it was, so callers
 * decide retriable versus terminal by type, never by parsing text. Messages carry the method,
 * path, HTTP status, Spot's error codes and Spot's request id, and never a header.
 */
public class SpotApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int httpStatus;
    private final String requestId;
    private final List<SpotError> errors;

    public SpotApiException(
            final String operation,
            final int httpStatus,
            final String requestId,
            final List<SpotError> errors,
            final String detail,
            final Throwable cause) {
        super(describe(operation, httpStatus, requestId, errors, detail), cause);
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** "POST /setup/account", the call that failed. */
    public String operation() {
        return operation;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Spot's {@code request.id}: what Spot support asks for. May be null. */
    public String requestId() {
        return requestId;
    }

    public List<SpotError> errors() {
        return errors;
    }

    public boolean hasErrorCode(final String code) {
        return errors.stream().anyMatch(e -> code.equalsIgnoreCase(e.code()));
    }

    /** Spot's own words, without our framing: "CODE: message; CODE2: message2". */
    public String spotMessage() {
        return errors.stream().map(SpotError::toString).collect(Collectors.joining("; "));
    }

    private static String describe(
            final String operation,
            final int httpStatus,
            final String requestId,
            final List<SpotError> errors,
            final String detail) {
        final StringBuilder text = new StringBuilder("Spot API ").append(operation);
        if (httpStatus > 0) {
            text.append(" returned HTTP ").append(httpStatus);
        } else {
            text.append(" failed");
        }
        if (errors != null && !errors.isEmpty()) {
            text.append(": ").append(errors.stream().map(SpotError::toString).collect(Collectors.joining("; ")));
        } else if (detail != null && !detail.isBlank()) {
            text.append(": ").append(detail);
        }
        if (requestId != null) {
            text.append(" [Spot request id ").append(requestId).append(']');
        }
        return text.toString();
    }
}
