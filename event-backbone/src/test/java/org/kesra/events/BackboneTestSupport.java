package org.kesra.events;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.events.outbox.EventPublisher;
import org.kesra.events.outbox.OutgoingEvent;
import org.kesra.events.sample.SampleEvents;
import org.kesra.events.sample.SampleRecorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Publishing sample events and reading their effects, shared by the backbone's integration tests. */
final class BackboneTestSupport {

    private final EventPublisher publisher;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    BackboneTestSupport(EventPublisher publisher, TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.publisher = publisher;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** Steps 1..sequences of each of {@code keys} aggregates, interleaved the way concurrent work arrives. */
    static List<SampleRecorded> interleavedSteps(String prefix, int keys, int sequences) {
        List<SampleRecorded> steps = new java.util.ArrayList<>(keys * sequences);
        for (int sequence = 1; sequence <= sequences; sequence++) {
            for (int key = 0; key < keys; key++) {
                steps.add(SampleEvents.step(prefix + "-k" + key, sequence));
            }
        }
        return steps;
    }

    static String newAggregate() {
        return "agg-" + UUID.randomUUID();
    }

    List<UUID> publish(List<SampleRecorded> steps) {
        List<OutgoingEvent> events = steps.stream()
                .map(s -> new OutgoingEvent(SampleEvents.RECORDED, s.aggregate(), null, s)).toList();
        return transactions.execute(status -> publisher.publishAll(events));
    }

    int effects(String aggregatePrefix) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM sample_effect WHERE aggregate LIKE ?",
                Integer.class, aggregatePrefix + "%");
        return count == null ? 0 : count;
    }

    int distinctEffects(String aggregatePrefix) {
        Integer count = jdbc.queryForObject(
                "SELECT count(DISTINCT (aggregate, sequence)) FROM sample_effect WHERE aggregate LIKE ?",
                Integer.class, aggregatePrefix + "%");
        return count == null ? 0 : count;
    }

    /** Sequences of each aggregate in processing order. */
    Map<String, List<Long>> sequencesByAggregate(String aggregatePrefix) {
        Map<String, List<Long>> result = new java.util.TreeMap<>();
        jdbc.query("SELECT aggregate, sequence FROM sample_effect WHERE aggregate LIKE ? ORDER BY arrival",
                rs -> {
                    result.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2));
                }, aggregatePrefix + "%");
        return result;
    }

    int outboxRows() {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM event_outbox", Integer.class);
        return count == null ? 0 : count;
    }
}
