package org.kesra.devinfra;

/**
 * A dev server could not be started. The message is the one line a developer needs: which server, which
 * host/port, which log to read; {@link #details()} carries the last lines of that log.
 */
public final class InfraStartException extends RuntimeException {

    private final String details;

    public InfraStartException(String message) {
        this(message, "", null);
    }

    public InfraStartException(String message, String details, Throwable cause) {
        super(message, cause);
        this.details = details == null ? "" : details;
    }

    public String details() {
        return details;
    }
}
