package org.kesra.events.inbox;

import org.kesra.contracts.EventDefinition;

/**
 * Reacts to one event type at one version. Runs inside the transaction that records the event as processed,
 * so its effect and that record commit together: a redelivered event is not handled twice. Throwing rolls
 * both back; the event is retried, then dead-lettered. Declare handlers as beans.
 */
public interface EventHandler<T extends Record> {

    EventDefinition definition();

    void handle(ReceivedEvent<T> event);
}
