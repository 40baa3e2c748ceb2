package org.kesra.events.inbox;

import java.util.UUID;

/** A handler failed on an event read by a replay; nothing of the poll it came in was applied. */
public class ReplayedEventFailedException extends RuntimeException {

    private final EventPosition position;
    private final UUID eventId;

    public ReplayedEventFailedException(EventPosition position, UUID eventId, String type, RuntimeException cause) {
        super("event " + eventId + " (" + type + ") at " + position.topic() + "-" + position.partition() + "@"
                + position.offset() + " failed: " + cause.getMessage(), cause);
        this.position = position;
        this.eventId = eventId;
    }

    public EventPosition position() {
        return position;
    }

    public UUID eventId() {
        return eventId;
    }
}
