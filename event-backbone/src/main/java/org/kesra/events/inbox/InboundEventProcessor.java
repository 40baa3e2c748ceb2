package org.kesra.events.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
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
    private final java.util.Map<String, io.micrometer.core.instrument.Counter> counters =
            new java.util.concurrent.ConcurrentHashMap<>();

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
        Failure failure = tryProcess(records, true);
        if (failure != null && failure.inBatch()) {
            // A handler's handleAll failed somewhere in a run: replay event by event to find which event it was.
            failure = tryProcess(records, false);
        }
        if (failure == null) {
            return;
        }
        // The failed transaction took the good records before the failure with it: commit those first.
        int end = failure.index();
        RuntimeException cause = failure.cause();
        while (end > 0 && !failure.prefixCommitted()) {
            Failure earlier = tryProcess(records.subList(0, end), false);
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
        Failure failure = tryProcess(List.of(record), false);
        if (failure != null) {
            throw failure.cause();
        }
    }

    /** What {@link #replay} did with one poll of a replay. */
    public record Replayed(int applied, int duplicates, int deadLettered, int unreadable) {
    }

    /**
     * Applies records read by a replay consumer (not the live one) in one transaction, as the live consumer would have:
     * the same parsing, inbox and handlers, without retries or dead-letter topic. {@code prepare} runs first in that
     * transaction (a rebuild points the connection at the tables it rebuilds). Records the live consumer could not
     * read are skipped (it dead-lettered them at once); so is an event whose handler fails when {@code deadLettered}
     * says the live consumer gave up on it too, so that a replay reproduces the live consumer's decisions. Any other
     * failure rolls the poll back and is thrown as {@link ReplayedEventFailedException} naming the event's position.
     *
     * @param include the handlers the replay runs (events of the others are ignored, not recorded in the inbox)
     */
    public Replayed replay(List<ConsumerRecord<String, byte[]>> records, java.util.function.Consumer<JdbcTemplate> prepare,
                           java.util.function.Predicate<EventHandler<?>> include,
                           java.util.function.Predicate<UUID> deadLettered) {
        List<Inbound> inbound = new ArrayList<>(records.size());
        int unreadable = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Inbound event = parse(record);
                if (event.handler != null && include.test(event.handler)) {
                    inbound.add(event);
                }
            } catch (PoisonEventException e) {
                unreadable++;
            }
        }
        Set<UUID> skipped = new HashSet<>();
        boolean batched = true;
        while (true) {
            List<Inbound> todo = inbound.stream().filter(i -> !skipped.contains(i.received.id())).toList();
            if (todo.isEmpty()) {
                return new Replayed(0, 0, skipped.size(), unreadable);
            }
            boolean inBatches = batched;
            try {
                int applied = transactions.execute(status -> {
                    prepare.accept(jdbc);
                    return apply(todo, inBatches, true);
                });
                return new Replayed(applied, todo.size() - applied, skipped.size(), unreadable);
            } catch (HandlerFailure e) {
                if (e.inBatch) {
                    batched = false; // find the event that failed, one at a time
                    continue;
                }
                Inbound failed = todo.get(e.index);
                if (deadLettered.test(failed.received.id())) {
                    skipped.add(failed.received.id());
                    continue;
                }
                throw new ReplayedEventFailedException(failed.received.position(), failed.received.id(), failed.type,
                        (RuntimeException) e.getCause());
            }
        }
    }

    private Failure tryProcess(List<ConsumerRecord<String, byte[]>> records, boolean batched) {
        List<Inbound> inbound = new ArrayList<>(records.size());
        Failure poison = null;
        for (int i = 0; i < records.size(); i++) {
            try {
                inbound.add(parse(records.get(i)));
            } catch (PoisonEventException e) {
                poison = new Failure(i, e, true, false);
                break;
            }
        }
        if (!inbound.isEmpty()) {
            try {
                transactions.executeWithoutResult(status -> apply(inbound, batched, false));
            } catch (HandlerFailure e) {
                return new Failure(e.index, (RuntimeException) e.getCause(), false, e.inBatch);
            }
        }
        return poison;
    }

    /** Runs the handlers of the events not yet in the inbox; returns how many it ran. */
    private int apply(List<Inbound> inbound, boolean batched, boolean replay) {
        List<Inbound> handled = inbound.stream().filter(i -> i.handler != null).toList();
        Set<UUID> fresh = recordInInbox(handled);
        Set<UUID> done = new HashSet<>();
        List<Inbound> run = new ArrayList<>();
        int runStart = 0;
        for (int i = 0; i < inbound.size(); i++) {
            Inbound event = inbound.get(i);
            if (event.handler == null) {
                count(event.type, "ignored");
                continue;
            }
            if (!fresh.contains(event.received.id()) || !done.add(event.received.id())) {
                count(event.type, replay ? "replayed-duplicate" : "duplicate");
                continue;
            }
            if (!run.isEmpty() && (!batched || run.get(0).handler != event.handler)) {
                dispatch(run, runStart, replay);
                run.clear();
            }
            if (run.isEmpty()) {
                runStart = i;
            }
            run.add(event);
        }
        if (!run.isEmpty()) {
            dispatch(run, runStart, replay);
        }
        return done.size();
    }

    /**
     * One event in the scope of its own trace; several through the handler's handleAll, each with its span. A replay
     * starts no span and the events keep the trace id of their headers: a replay re-applies a whole history at once, a
     * span per event was a tenth of its time and would flood the tracing backend with the past (the live consumer's
     * spans of those events were recorded when they happened); its metric is counted per run.
     */
    private void dispatch(List<Inbound> run, int firstIndex, boolean replay) {
        if (replay) {
            List<ReceivedEvent<Record>> events = new ArrayList<>(run.size());
            run.forEach(event -> events.add(event.received.withTraceId(TraceHeaders.traceId(event.record.headers()))));
            try {
                if (events.size() == 1) {
                    handle(run.get(0).handler, events.get(0));
                } else {
                    handleAll(run.get(0).handler, events);
                }
            } catch (RuntimeException e) {
                throw new HandlerFailure(firstIndex, e, events.size() > 1);
            }
            count(run.get(0).type, "replayed", run.size()); // a run is of one handler, so of one type
            return;
        }
        if (run.size() == 1) {
            Inbound event = run.get(0);
            Span span = trace.continueFrom(event.record.headers(), "consume " + event.type);
            try (Tracer.SpanInScope ignored = trace.tracer().withSpan(span)) {
                handle(event.handler, event.received.withTraceId(span.context().traceId()));
            } catch (RuntimeException e) {
                span.error(e);
                throw new HandlerFailure(firstIndex, e, false);
            } finally {
                span.end();
            }
        } else {
            List<Span> spans = run.stream()
                    .map(event -> trace.continueFrom(event.record.headers(), "consume " + event.type)).toList();
            List<ReceivedEvent<Record>> traced = new ArrayList<>(run.size());
            for (int i = 0; i < run.size(); i++) {
                traced.add(run.get(i).received.withTraceId(spans.get(i).context().traceId()));
            }
            try {
                handleAll(run.get(0).handler, traced);
            } catch (RuntimeException e) {
                spans.forEach(span -> span.error(e));
                throw new HandlerFailure(firstIndex, e, true);
            } finally {
                spans.forEach(Span::end);
            }
        }
        run.forEach(event -> count(event.type, replay ? "replayed" : "processed"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void handle(EventHandler<?> handler, ReceivedEvent<Record> event) {
        ((EventHandler) handler).handle(event);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void handleAll(EventHandler<?> handler, List<ReceivedEvent<Record>> events) {
        ((EventHandler) handler).handleAll((List) events);
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
        Envelope event;
        try {
            event = Envelope.read(record);
        } catch (RuntimeException e) {
            throw new PoisonEventException("not a CloudEvent: " + e.getMessage(), e);
        }
        UUID id;
        try {
            id = UUID.fromString(event.id());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("event id " + event.id() + " is not a UUID", e);
        }
        Matcher schema = DATA_SCHEMA.matcher(event.dataSchema() == null ? "" : event.dataSchema());
        if (!schema.matches() || !schema.group(1).equals(event.type())) {
            throw new PoisonEventException("event " + id + " of type " + event.type()
                    + " has no Kesra dataschema (urn:kesra:event:<type>:v<n>): " + event.dataSchema(), null);
        }
        int version = Integer.parseInt(schema.group(2));
        EventHandler<?> handler = handlers.find(event.type(), version).orElse(null);
        if (handler == null && !handlers.versionsOf(event.type()).isEmpty()) {
            // A type this service reacts to in a version it does not know (a producer ahead of it): skipping it would
            // lose the change silently, so it is dead-lettered at once, to be re-driven once a handler exists.
            throw new PoisonEventException("event " + id + " of type " + event.type() + " has version " + version
                    + ", which this service does not know (it handles v" + handlers.versionsOf(event.type()) + ")",
                    null);
        }
        Record payload = null;
        Instant time = null;
        if (handler != null) {
            try {
                payload = json.readValue(event.data() == null ? new byte[0] : event.data(),
                        handler.definition().payloadType());
                time = event.time() == null ? null : OffsetDateTime.parse(event.time()).toInstant();
            } catch (RuntimeException e) {
                throw new PoisonEventException("payload of event " + id + " (" + event.type() + " v" + version
                        + ") is unreadable: " + e.getMessage(), e);
            }
        }
        ReceivedEvent<Record> received = new ReceivedEvent<>(id, event.type(), version, event.source(),
                event.subject(), time, record.key(), payload, null,
                new EventPosition(record.topic(), record.partition(), record.offset()));
        return new Inbound(record, event.type(), handler, received);
    }

    private void count(String type, String outcome) {
        count(type, outcome, 1);
    }

    private void count(String type, String outcome, int events) {
        counters.computeIfAbsent(type + "\u0000" + outcome,
                key -> meters.counter("kesra.events.consumed", "type", type, "outcome", outcome)).increment(events);
    }

    private static String describe(ConsumerRecord<?, ?> record, RuntimeException cause) {
        return "event at " + record.topic() + "-" + record.partition() + "@" + record.offset() + " failed: "
                + cause.getMessage();
    }

    private record Inbound(ConsumerRecord<String, byte[]> record, String type, EventHandler<?> handler,
                           ReceivedEvent<Record> received) {
    }

    /**
     * @param prefixCommitted the records before {@code index} are already committed
     * @param inBatch         a handleAll failed: {@code index} is where its run starts, not necessarily the culprit
     */
    private record Failure(int index, RuntimeException cause, boolean prefixCommitted, boolean inBatch) {
    }

    /** Carries the index of the failing record out of the transaction callback. */
    private static final class HandlerFailure extends RuntimeException {
        private final int index;
        private final boolean inBatch;

        HandlerFailure(int index, RuntimeException cause, boolean inBatch) {
            super(cause.getMessage(), cause);
            this.index = index;
            this.inBatch = inBatch;
        }
    }
}
