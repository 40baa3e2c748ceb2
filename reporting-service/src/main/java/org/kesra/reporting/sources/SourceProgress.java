package org.kesra.reporting.sources;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.kesra.contracts.EventDefinition;
import org.kesra.events.inbox.EventHandler;
import org.kesra.events.inbox.ReceivedEvent;
import org.kesra.reporting.rebuild.BatchedWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How far each source topic has been applied to the read models (table {@code source_progress}, written only here).
 * Every event handler calls {@link #applied} in the transaction that applies the event and records it in the inbox,
 * so the progress never runs ahead of the data. Progress is kept twice: in events and event time per topic
 * ({@code source_progress}, which a report prints as its data version), and as the highest Kafka offset applied per
 * topic and partition ({@code source_offset}: exact, what a kept file records and a regeneration replays up to, and,
 * against the topics' ends, the lag in events).
 */
@Service
public class SourceProgress {

    /**
     * One topic's progress; {@code lagSeconds} is the age of its newest applied event when read (null if none),
     * {@code offsets} the highest offset applied per partition, {@code eventsBehind} how many events of the topic the
     * models have not applied yet (its ends minus what the models and the live consumer passed; null when the broker
     * has not answered in the last minute, or not yet: {@link TopicEnds}). Lag figures are not data: a report file prints neither (they differ at each reading,
     * and a file must come out the same from the same data).
     */
    public record Source(String topic, long eventsApplied, UUID lastEventId, String lastEventType,
                         Instant lastEventTime, Instant lastAppliedAt, Long lagSeconds, List<Offset> offsets,
                         Long eventsBehind) {

        public Source {
            offsets = offsets == null ? List.of() : List.copyOf(offsets);
        }

        /** Without offsets and events behind (a report laid out in a test). */
        public Source(String topic, long eventsApplied, UUID lastEventId, String lastEventType, Instant lastEventTime,
                      Instant lastAppliedAt, Long lagSeconds) {
            this(topic, eventsApplied, lastEventId, lastEventType, lastEventTime, lastAppliedAt, lagSeconds, List.of(),
                    null);
        }
    }

    /** The highest offset of a partition whose event is applied (the next to read is {@code lastOffset + 1}). */
    public record Offset(int partition, long lastOffset) {
    }

    /** Where a rebuild's poll keeps the progress it has not written yet. */
    private static final Object BATCH = new Object();

    private final JdbcClient jdbc;
    private final TopicEnds ends;
    private final Clock clock = Clock.systemUTC();

    public SourceProgress(JdbcClient jdbc, TopicEnds ends) {
        this.jdbc = jdbc;
        this.ends = ends;
    }

    /**
     * The handler of one event type from {@code topic}: applies the event with {@code apply}, then advances the
     * topic's progress, both in the inbox transaction the backbone runs the handler in. Every read model's handlers
     * are built here, so none can forget the progress.
     */
    public <T extends Record> EventHandler<T> handler(String topic, EventDefinition definition,
                                                      Consumer<ReceivedEvent<T>> apply) {
        return EventHandler.of(definition, (ReceivedEvent<T> event) -> {
            apply.accept(event);
            applied(topic, event);
        });
    }

    public void applied(String topic, ReceivedEvent<?> event) {
        Batch batch = BatchedWrites.buffer(BATCH, Batch::new);
        if (batch != null) {
            batch.add(topic, event);
            return;
        }
        advance(topic, 1, event.id(), event.type(), event.time());
        if (event.position() != null) {
            reached(topic, event.position().partition(), event.position().offset());
        }
    }

    /** The partition has been applied up to {@code offset} (never moved back: a re-driven older event keeps it). */
    private void reached(String topic, int partition, long offset) {
        jdbc.sql("""
                INSERT INTO source_offset AS o (topic, kafka_partition, last_offset) VALUES (:topic, :partition, :offset)
                ON CONFLICT (topic, kafka_partition) DO UPDATE SET last_offset = greatest(o.last_offset, EXCLUDED.last_offset)""")
                .param("topic", topic).param("partition", partition).param("offset", offset).update();
    }

    /**
     * {@code events} more applied; the newest event is {@code id} unless the topic's is newer (of equal times the
     * later applied wins, so a batch passes the last of its newest).
     */
    private void advance(String topic, long events, UUID id, String type, Instant time) {
        jdbc.sql("""
                INSERT INTO source_progress AS p (topic, events_applied, last_event_id, last_event_type,
                                                  last_event_time, last_applied_at)
                VALUES (:topic, :events, :id, :type, :time, :now)
                ON CONFLICT (topic) DO UPDATE SET events_applied = p.events_applied + EXCLUDED.events_applied,
                    last_event_id = CASE WHEN p.last_event_time IS NULL OR EXCLUDED.last_event_time >= p.last_event_time
                                         THEN EXCLUDED.last_event_id ELSE p.last_event_id END,
                    last_event_type = CASE WHEN p.last_event_time IS NULL OR EXCLUDED.last_event_time >= p.last_event_time
                                           THEN EXCLUDED.last_event_type ELSE p.last_event_type END,
                    last_event_time = greatest(p.last_event_time, EXCLUDED.last_event_time),
                    last_applied_at = EXCLUDED.last_applied_at""")
                .param("topic", topic).param("events", events).param("id", id).param("type", type)
                .param("time", Timestamp.from(time)).param("now", Timestamp.from(Instant.now(clock)))
                .update();
    }

    /**
     * A rebuild's poll: the progress of each topic summed in memory and written once before the poll commits, with
     * the same result as one event at a time (a count and the newest event).
     */
    private final class Batch implements BatchedWrites.Buffer {

        private final Map<String, Topic> topics = new LinkedHashMap<>();
        private final Map<String, Map<Integer, Long>> offsets = new LinkedHashMap<>();

        void add(String topic, ReceivedEvent<?> event) {
            if (event.position() != null) {
                offsets.computeIfAbsent(topic, t -> new TreeMap<>())
                        .merge(event.position().partition(), event.position().offset(), Math::max);
            }
            Topic progress = topics.computeIfAbsent(topic, t -> new Topic());
            progress.events++;
            if (progress.time == null || !event.time().isBefore(progress.time)) {
                progress.id = event.id();
                progress.type = event.type();
                progress.time = event.time();
            }
        }

        @Override
        public void flush() {
            topics.forEach((topic, progress) -> advance(topic, progress.events, progress.id, progress.type,
                    progress.time));
            topics.clear();
            offsets.forEach((topic, partitions) -> partitions.forEach((partition, offset) ->
                    reached(topic, partition, offset)));
            offsets.clear();
        }
    }

    private static final class Topic {
        long events;
        UUID id;
        String type;
        Instant time;
    }

    /**
     * The progress of the given topics, in that order; a topic not yet heard from has zero events. Read in the
     * caller's transaction: a report reads it in the snapshot of its data, so the offsets are those of the data. The
     * topics' ends are the last answer {@link TopicEnds} has (asked in the background), never a call to the broker.
     */
    public List<Source> of(List<String> topics) {
        Instant now = Instant.now(clock);
        Optional<TopicEnds.Snapshot> broker = ends.current();
        return topics.stream().map(topic -> {
            List<Offset> offsets = jdbc.sql("""
                            SELECT kafka_partition, last_offset FROM source_offset WHERE topic = ?
                            ORDER BY kafka_partition""").param(topic)
                    .query((rs, n) -> new Offset(rs.getInt(1), rs.getLong(2))).list();
            Long behind = broker.map(b -> behind(topic, offsets, b)).orElse(null);
            return jdbc.sql("""
                            SELECT events_applied, last_event_id, last_event_type, last_event_time, last_applied_at
                            FROM source_progress WHERE topic = ?""").param(topic)
                    .query((rs, n) -> {
                        Timestamp time = rs.getTimestamp(4);
                        Timestamp applied = rs.getTimestamp(5);
                        Instant last = time == null ? null : time.toInstant();
                        return new Source(topic, rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), last,
                                applied == null ? null : applied.toInstant(),
                                last == null ? null : Math.max(0, Duration.between(last, now).toSeconds()), offsets,
                                behind);
                    }).optional()
                    .orElse(new Source(topic, 0, null, null, null, null, null, offsets, behind));
        }).toList();
    }

    /**
     * Events of the topic not yet applied: per partition its end minus the next offset after what the models applied,
     * or after what the live consumer group committed if that is further (events of types without a handler, or
     * before the service's replay start, are passed without being applied; they are not "behind").
     */
    static long behind(String topic, List<Offset> applied, TopicEnds.Snapshot broker) {
        Map<Integer, Long> next = new HashMap<>();
        applied.forEach(o -> next.put(o.partition(), o.lastOffset() + 1));
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> end : broker.ends().entrySet()) {
            TopicPartition partition = end.getKey();
            if (!partition.topic().equals(topic)) {
                continue;
            }
            long passed = Math.max(next.getOrDefault(partition.partition(), 0L),
                    broker.committed().getOrDefault(partition, 0L));
            behind += Math.max(0, end.getValue() - passed);
        }
        return behind;
    }
}
