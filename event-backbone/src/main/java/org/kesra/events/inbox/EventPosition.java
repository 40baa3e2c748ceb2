package org.kesra.events.inbox;

/**
 * Where an event was read: its topic, partition and offset. Handlers that track how far a topic has been applied
 * (a read model's lag, a replay's progress) compare offsets, which, unlike event times, are exact per partition.
 */
public record EventPosition(String topic, int partition, long offset) {
}
