package org.kesra.events.inbox;

import java.util.List;
import java.util.function.Consumer;
import org.kesra.contracts.EventDefinition;

/**
 * Reacts to one event type at one version. Runs inside the transaction that records the event as processed,
 * so its effect and that record commit together: a redelivered event is not handled twice. Throwing rolls
 * both back; the event is retried, then dead-lettered. Declare handlers as beans.
 */
public interface EventHandler<T extends Record> {

    EventDefinition definition();

    void handle(ReceivedEvent<T> event);

    /**
     * Consecutive new events of this type from one poll, in partition order. Override it to write their effects in
     * one statement (one database round trip instead of one per event). If it throws, the poll is replayed one
     * event at a time through {@link #handle} to find the event that fails, so only that one is retried and
     * dead-lettered. While it runs, the events' traces are recorded but none is the current one in the logs.
     */
    default void handleAll(List<ReceivedEvent<T>> events) {
        events.forEach(this::handle);
    }

    /** A handler of {@code definition}'s events that runs {@code body} on each: for handlers declared as lambdas. */
    static <T extends Record> EventHandler<T> of(EventDefinition definition, Consumer<ReceivedEvent<T>> body) {
        return new EventHandler<>() {
            @Override
            public EventDefinition definition() {
                return definition;
            }

            @Override
            public void handle(ReceivedEvent<T> event) {
                body.accept(event);
            }
        };
    }
}
