package org.kesra.events.inbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The handler of each event type and version this service reacts to; one handler per type and version. */
public class HandlerRegistry {

    private final Map<String, EventHandler<?>> handlers = new HashMap<>();

    public HandlerRegistry(List<EventHandler<?>> all) {
        for (EventHandler<?> handler : all) {
            String key = key(handler.definition().type(), handler.definition().version());
            EventHandler<?> previous = handlers.putIfAbsent(key, handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for " + key + ": " + previous.getClass().getName()
                        + " and " + handler.getClass().getName() + "; merge them so one transaction has one effect");
            }
        }
    }

    public Optional<EventHandler<?>> find(String type, int version) {
        return Optional.ofNullable(handlers.get(key(type, version)));
    }

    private static String key(String type, int version) {
        return type + ":v" + version;
    }
}
