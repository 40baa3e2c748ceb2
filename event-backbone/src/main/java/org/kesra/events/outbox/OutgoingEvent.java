package org.kesra.events.outbox;

import org.kesra.contracts.EventDefinition;

/**
 * An event to publish with the current transaction.
 *
 * @param key     the aggregate id: the Kafka key, so this aggregate's events stay in order
 * @param subject CloudEvents subject, e.g. the region code the event concerns; optional
 */
public record OutgoingEvent(EventDefinition definition, String key, String subject, Record payload) {

    public OutgoingEvent {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an event needs its aggregate id as key: " + definition.type());
        }
        if (payload == null || payload.getClass() != definition.payloadType()) {
            throw new IllegalArgumentException(definition.type() + " v" + definition.version() + " carries "
                    + definition.payloadType().getSimpleName() + ", not "
                    + (payload == null ? "null" : payload.getClass().getSimpleName()));
        }
    }
}
