package org.kesra.events.inbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The handler of each event type and version this service reacts to; one handler per type and version. */
public class HandlerRegistry {

    private final Map<String, EventHandler<?>> handlers = new HashMap<>();
    /** The versions handled per type: another version of one of these types is not ours to skip. */
    private final Map<String, java.util.SortedSet<Integer>> versions = new HashMap<>();

    public HandlerRegistry(List<EventHandler<?>> all) {
        for (EventHandler<?> handler : all) {
            String key = key(handler.definition().type(), handler.definition().version());
            versions.computeIfAbsent(handler.definition().type(), t -> new java.util.TreeSet<>())
                    .add(handler.definition().version());
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

    /**
     * The versions of {@code type} this service handles; empty for a type it does not react to (ignored). A version
     * outside a non-empty set is an event it should understand and cannot: the processor dead-letters it.
     */
    public java.util.SortedSet<Integer> versionsOf(String type) {
        // per event on the consumer's path: no new set for the many types a service ignores, and never its own set
        java.util.SortedSet<Integer> handled = versions.get(type);
        return handled == null ? java.util.Collections.emptySortedSet()
                : java.util.Collections.unmodifiableSortedSet(handled);
    }

    private static String key(String type, int version) {
        return type + ":v" + version;
    }
}
