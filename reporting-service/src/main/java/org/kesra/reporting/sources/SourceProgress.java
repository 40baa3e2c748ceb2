package org.kesra.reporting.sources;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.kesra.contracts.EventDefinition;
import org.kesra.events.inbox.EventHandler;
import org.kesra.events.inbox.ReceivedEvent;
import org.kesra.reporting.rebuild.BatchedWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How far each source topic has been applied to the read models (table {@code source_progress}, written only here).
 * Every event handler calls {@link #applied} in the transaction that applies the event and records it in the inbox,
 * so the progress never runs ahead of the data. The event backbone hands handlers the event, not its Kafka
 * partition and offset, so progress is counted in events and event time; a report shows it as its data version.
 */
@Service
public class SourceProgress {

    /** One topic's progress; {@code lagSeconds} is the age of its newest applied event when read (null if none). */
    public record Source(String topic, long eventsApplied, UUID lastEventId, String lastEventType,
                         Instant lastEventTime, Instant lastAppliedAt, Long lagSeconds) {
    }

    /** Where a rebuild's poll keeps the progress it has not written yet. */
    private static final Object BATCH = new Object();

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    public SourceProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

        void add(String topic, ReceivedEvent<?> event) {
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
        }
    }

    private static final class Topic {
        long events;
        UUID id;
        String type;
        Instant time;
    }

    /** The progress of the given topics, in that order; a topic not yet heard from has zero events. */
    public List<Source> of(List<String> topics) {
        Instant now = Instant.now(clock);
        return topics.stream().map(topic -> jdbc.sql("""
                        SELECT events_applied, last_event_id, last_event_type, last_event_time, last_applied_at
                        FROM source_progress WHERE topic = ?""").param(topic)
                .query((rs, n) -> {
                    Timestamp time = rs.getTimestamp(4);
                    Timestamp applied = rs.getTimestamp(5);
                    Instant last = time == null ? null : time.toInstant();
                    return new Source(topic, rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), last,
                            applied == null ? null : applied.toInstant(),
                            last == null ? null : Math.max(0, Duration.between(last, now).toSeconds()));
                }).optional()
                .orElse(new Source(topic, 0, null, null, null, null, null))).toList();
    }
}
