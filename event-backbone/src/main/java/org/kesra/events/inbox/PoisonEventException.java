package org.kesra.events.inbox;

/**
 * A record that can never be processed as it is (no CloudEvents envelope, unreadable payload): retrying is
 * pointless, it goes to the dead-letter topic at once.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
