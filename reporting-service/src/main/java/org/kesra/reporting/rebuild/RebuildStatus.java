package org.kesra.reporting.rebuild;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One rebuild as an operator sees it.
 *
 * @param state          {@code RUNNING}, {@code COMPLETED} (the rebuilt models serve), {@code FAILED} (the previous
 *                       models still serve; {@code error} says why) or {@code ABANDONED} (its instance stopped reporting)
 * @param eventsApplied  events the replay applied to the new models
 * @param eventsDuplicate events the replay met again (the same event id twice in a topic; applied once)
 * @param eventsSkipped  events skipped as the live consumer skipped them (unreadable, or dead-lettered and not re-driven)
 * @param topics         per source topic: where the replay started and is, the live consumer's committed offset and
 *                       the topic's end (sums over partitions, and each partition)
 */
public record RebuildStatus(UUID id, String state, String requestedBy, List<String> readModels, String replayFrom,
                            Instant startedAt, Instant heartbeatAt, Instant finishedAt, long eventsApplied,
                            long eventsDuplicate, long eventsSkipped, List<Topic> topics, String error) {

    /** Offsets are Kafka's: the next offset to read; {@code liveCommitted} is null before the live group committed. */
    public record Topic(String topic, long replayedFrom, long replayed, Long liveCommitted, long end,
                        List<Partition> partitions) {
    }

    public record Partition(int partition, long replayedFrom, long replayed, Long liveCommitted, long end) {
    }
}
