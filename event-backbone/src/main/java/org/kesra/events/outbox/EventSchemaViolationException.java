package org.kesra.events.outbox;

import java.util.List;

/**
 * A payload that breaks its published schema, refused before it reaches the outbox: a programming error in the
 * producing service, surfaced in its own transaction (which rolls back) rather than in every consumer.
 */
public class EventSchemaViolationException extends RuntimeException {

    private final List<String> violations;

    public EventSchemaViolationException(String type, int version, List<String> violations) {
        super("payload of " + type + " v" + version + " breaks its schema: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
