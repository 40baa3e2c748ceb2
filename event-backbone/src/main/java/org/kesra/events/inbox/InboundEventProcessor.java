package org.kesra.events.inbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.kesra.events.tracing.TraceHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Processes what one poll returned in one database transaction: records the event ids in the inbox (skipping
 * those already there) and runs the handlers of the new ones, in partition order. When a handler fails, the
 * transaction rolls back, the records before the failing one are processed again and committed, and the failure
 * is reported with its index so Spring Kafka's error handler commits the offsets before it, retries the failing
 * record with back-off and finally sends it to the dead-letter topic while the partition moves on.
 */
public class InboundEventProcessor implements BatchMessageListener<String, byte[]> {

    private static final Pattern DATA_SCHEMA = Pattern.compile("^urn:kesra:event:(.+):v(\\d+)$");
    private static final String INSERT_INBOX = """
            INSERT INTO event_inbox (event_id, event_type, topic, kafka_partition, kafka_offset)
            SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::bigint[])
            ON CONFLICT (event_id) DO NOTHING RETURNING event_id""";

    private final HandlerRegistry handlers;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final TraceHeaders trace;
    private final MeterRegistry meters;

    public InboundEventProcessor(HandlerRegistry handlers, JdbcTemplate jdbc, TransactionTemplate transactions,
                                 JsonMapper json, TraceHeaders trace, MeterRegistry meters) {
        this.handlers = handlers;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.trace = trace;
        this.meters = meters;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        Failure failure = tryProcess(records);
        if (failure == null) {
            return;
        }
        // The failed transaction took the good records before the failure with it: commit those first.
        int end = failure.index();
        RuntimeException cause = failure.cause();
        while (end > 0 && !failure.prefixCommitted()) {
            Failure earlier = tryProcess(records.subList(0, end));
            if (earlier == null) {
                break;
            }
            end = earlier.index();
            cause = earlier.cause();
            failure = earlier;
        }
        throw new BatchListenerFailedException(describe(records.get(end), cause), cause, end);
    }

    /** Processes one record on its own (operator re-drive of a dead letter); throws what the handler threw. */
    public void processOne(ConsumerRecord<String, byte[]> record) {
        Failure failure = tryProcess(List.of(record));
        if (failure != null) {
            throw failure.cause();
        }
    }

    private Failure tryProcess(List<ConsumerRecord<String, byte[]>> records) {
        List<Inbound> inbound = new ArrayList<>(records.size());
        Failure poison = null;
        for (int i = 0; i < records.size(); i++) {
            try {
                inbound.add(parse(records.get(i)));
            } catch (PoisonEventException e) {
                poison = new Failure(i, e, true);
                break;
            }
        }
        if (!inbound.isEmpty()) {
            try {
                transactions.executeWithoutResult(status -> apply(inbound));
            } catch (HandlerFailure e) {
                return new Failure(e.index, (RuntimeException) e.getCause(), false);
            }
        }
        return poison;
    }

    private void apply(List<Inbound> inbound) {
        List<Inbound> handled = inbound.stream().filter(i -> i.handler != null).toList();
        Set<UUID> fresh = recordInInbox(handled);
        Set<UUID> done = new HashSet<>();
        for (int i = 0; i < inbound.size(); i++) {
            Inbound event = inbound.get(i);
            if (event.handler == null) {
                count(event.type, "ignored");
                continue;
            }
            if (!fresh.contains(event.received.id()) || !done.add(event.received.id())) {
                count(event.type, "duplicate");
                continue;
            }
            Span span = trace.continueFrom(event.record.headers(), "consume " + event.type);
            try (Tracer.SpanInScope ignored = trace.tracer().withSpan(span)) {
                dispatch(event);
            } catch (RuntimeException e) {
                span.error(e);
                throw new HandlerFailure(i, e);
            } finally {
                span.end();
            }
            count(event.type, "processed");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void dispatch(Inbound event) {
        ((EventHandler) event.handler).handle(event.received);
    }

    private Set<UUID> recordInInbox(List<Inbound> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        return jdbc.execute((Connection connection) -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_INBOX)) {
                insert.setArray(1, connection.createArrayOf("uuid",
                        events.stream().map(e -> e.received.id()).toArray()));
                insert.setArray(2, connection.createArrayOf("text", events.stream().map(e -> e.type).toArray()));
                insert.setArray(3, connection.createArrayOf("text",
                        events.stream().map(e -> e.record.topic()).toArray()));
                insert.setArray(4, connection.createArrayOf("integer",
                        events.stream().map(e -> e.record.partition()).toArray()));
                insert.setArray(5, connection.createArrayOf("bigint",
                        events.stream().map(e -> e.record.offset()).toArray()));
                Set<UUID> inserted = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getObject(1, UUID.class));
                    }
                }
                return inserted;
            }
        });
    }

    private Inbound parse(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new PoisonEventException("not a CloudEvent: " + e.getMessage(), e);
        }
        UUID id;
        try {
            id = UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("event id " + event.getId() + " is not a UUID", e);
        }
        Matcher schema = DATA_SCHEMA.matcher(event.getDataSchema() == null ? "" : event.getDataSchema().toString());
        if (!schema.matches() || !schema.group(1).equals(event.getType())) {
            throw new PoisonEventException("event " + id + " of type " + event.getType()
                    + " has no Kesra dataschema (urn:kesra:event:<type>:v<n>): " + event.getDataSchema(), null);
        }
        int version = Integer.parseInt(schema.group(2));
        EventHandler<?> handler = handlers.find(event.getType(), version).orElse(null);
        Record payload = null;
        if (handler != null) {
            try {
                payload = json.readValue(event.getData() == null ? new byte[0] : event.getData().toBytes(),
                        handler.definition().payloadType());
            } catch (RuntimeException e) {
                throw new PoisonEventException("payload of event " + id + " (" + event.getType() + " v" + version
                        + ") is unreadable: " + e.getMessage(), e);
            }
        }
        ReceivedEvent<Record> received = new ReceivedEvent<>(id, event.getType(), version, event.getSource().toString(),
                event.getSubject(), event.getTime() == null ? null : event.getTime().toInstant(), record.key(), payload);
        return new Inbound(record, event.getType(), handler, received);
    }

    private void count(String type, String outcome) {
        meters.counter("kesra.events.consumed", "type", type, "outcome", outcome).increment();
    }

    private static String describe(ConsumerRecord<?, ?> record, RuntimeException cause) {
        return "event at " + record.topic() + "-" + record.partition() + "@" + record.offset() + " failed: "
                + cause.getMessage();
    }

    private record Inbound(ConsumerRecord<String, byte[]> record, String type, EventHandler<?> handler,
                           ReceivedEvent<Record> received) {
    }

    /** @param prefixCommitted the records before {@code index} are already committed */
    private record Failure(int index, RuntimeException cause, boolean prefixCommitted) {
    }

    /** Carries the index of the failing record out of the transaction callback. */
    private static final class HandlerFailure extends RuntimeException {
        private final int index;

        HandlerFailure(int index, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.index = index;
        }
    }
}
