package org.kesra.events.outbox;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.kesra.contracts.EventDefinition;
import org.kesra.events.EventBackboneProperties;
import org.kesra.events.tracing.TraceHeaders;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The only way a service emits an event: written to the outbox inside the caller's transaction, published by the
 * {@link OutboxRelay} after commit. Call it after the state change, so the aggregate's row lock orders the events
 * of one aggregate. The payload is checked against its schema first; a violation fails the transaction.
 */
public class EventPublisher {

    /** Fixed: changing it while rows are waiting could split one key across two slots and reorder it. */
    public static final int SLOTS = 16;

    private static final String INSERT = """
            INSERT INTO event_outbox (event_id, topic, message_key, slot, event_type, event_version, subject,
                                      occurred_at, payload, trace_parent, trace_state)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String COPY = """
            COPY event_outbox (event_id, topic, message_key, slot, event_type, event_version, subject,
                               occurred_at, payload, trace_parent, trace_state) FROM STDIN (FORMAT binary)""";

    /**
     * From this many events a call goes through one binary COPY instead of a JDBC batch: PostgreSQL stores each row
     * while the next ones are still being checked and serialised here (an import's 294,000 events: 31 s in JDBC
     * batches, 25 s through COPY, docs/benchmarks.md). Below it, the batch's single round trip is cheaper than
     * COPY's two.
     */
    static final int COPY_FROM = 64;

    /** PostgreSQL's binary timestamps count microseconds from 2000-01-01T00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private static final byte[] COPY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    /** UUIDv7: unique like v4, but ordered by time, so every consumer's inbox index grows at its right edge. */
    private static final com.fasterxml.uuid.impl.TimeBasedEpochGenerator EVENT_IDS =
            com.fasterxml.uuid.Generators.timeBasedEpochGenerator();

    private final JdbcTemplate jdbc;
    private final EventBackboneProperties properties;
    private final PayloadSchemas schemas;
    private final JsonMapper json;
    private final TraceHeaders traceHeaders;
    private final Clock clock;

    public EventPublisher(JdbcTemplate jdbc, EventBackboneProperties properties, PayloadSchemas schemas,
                          JsonMapper json, TraceHeaders traceHeaders, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.schemas = schemas;
        this.json = json;
        this.traceHeaders = traceHeaders;
        this.clock = clock;
    }

    public UUID publish(EventDefinition definition, String key, Record payload) {
        return publish(new OutgoingEvent(definition, key, null, payload));
    }

    public UUID publish(OutgoingEvent event) {
        return publishAll(List.of(event)).get(0);
    }

    /**
     * Writes the events in the given order (one JDBC batch, or one COPY from {@link #COPY_FROM} events) and answers
     * their event ids. A payload that breaks its schema fails the call and, through the COPY, the transaction.
     */
    public List<UUID> publishAll(List<OutgoingEvent> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events must be published inside the transaction of the state change"
                    + " they describe (annotate the use case @Transactional)");
        }
        Map<String, String> trace = traceHeaders.capture();
        Timestamp now = Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        return events.size() < COPY_FROM ? insert(events, trace, now) : copy(events, trace, now);
    }

    private List<UUID> insert(List<OutgoingEvent> events, Map<String, String> trace, Timestamp now) {
        List<Object[]> rows = new ArrayList<>(events.size());
        List<UUID> ids = new ArrayList<>(events.size());
        for (OutgoingEvent event : events) {
            byte[] payload = payload(event);
            UUID id = EVENT_IDS.generate();
            ids.add(id);
            EventDefinition definition = event.definition();
            rows.add(new Object[] {id, definition.topic(), event.key(), slotOf(event.key()), definition.type(),
                definition.version(), event.subject(), now, payload, trace.get(TraceHeaders.TRACEPARENT),
                trace.get(TraceHeaders.TRACESTATE)});
        }
        jdbc.batchUpdate(INSERT, rows);
        return ids;
    }

    /**
     * The same rows as {@link #insert} in PostgreSQL's binary COPY format (a signature, then per row its field count
     * and each field as length and bytes, -1 for null), on the transaction's own connection.
     */
    private List<UUID> copy(List<OutgoingEvent> events, Map<String, String> trace, Timestamp now) {
        List<UUID> ids = new ArrayList<>(events.size());
        byte[] traceParent = utf8(trace.get(TraceHeaders.TRACEPARENT));
        byte[] traceState = utf8(trace.get(TraceHeaders.TRACESTATE));
        Instant at = now.toInstant();
        long occurredAt = (at.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + at.getNano() / 1_000;
        Connection connection = DataSourceUtils.getConnection(jdbc.getDataSource());
        try {
            PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY, 1 << 16);
            try {
                DataOutputStream out = new DataOutputStream(copy);
                out.write(COPY_SIGNATURE);
                out.writeInt(0);
                out.writeInt(0);
                // The payloads are checked and serialised on this thread and the common pool's while the rows go
                // out in the list's order, ids drawn in that order so that they rise.
                IntStream.range(0, events.size()).parallel()
                        .mapToObj(i -> new Prepared(events.get(i), payload(events.get(i))))
                        .forEachOrdered(prepared -> {
                            UUID id = EVENT_IDS.generate();
                            ids.add(id);
                            try {
                                write(out, id, prepared, occurredAt, traceParent, traceState);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                out.writeShort(-1);
                out.flush();
                copy.endCopy();
            } catch (UncheckedIOException e) {
                cancel(copy, e);
                throw e.getCause();
            } catch (RuntimeException | IOException e) {
                cancel(copy, e);
                throw e;
            }
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException("writing events to the outbox failed", e);
        } catch (SQLException e) {
            throw jdbc.getExceptionTranslator().translate("COPY event_outbox", COPY, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, jdbc.getDataSource());
        }
    }

    private record Prepared(OutgoingEvent event, byte[] payload) {
    }

    private static void write(DataOutputStream out, UUID id, Prepared prepared, long occurredAt, byte[] traceParent,
                              byte[] traceState) throws IOException {
        OutgoingEvent event = prepared.event();
        EventDefinition definition = event.definition();
        out.writeShort(11);
        out.writeInt(16);
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
        field(out, utf8(definition.topic()));
        field(out, utf8(event.key()));
        out.writeInt(2);
        out.writeShort(slotOf(event.key()));
        field(out, utf8(definition.type()));
        out.writeInt(4);
        out.writeInt(definition.version());
        field(out, utf8(event.subject()));
        out.writeInt(8);
        out.writeLong(occurredAt);
        field(out, prepared.payload());
        field(out, traceParent);
        field(out, traceState);
    }

    /** Leaves the transaction failed, as the caller's rollback expects; the cause is what it reports. */
    private static void cancel(PGCopyOutputStream copy, Exception cause) {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException cancelled) {
                cause.addSuppressed(cancelled);
            }
        }
    }

    /** The payload as JSON, once it is known to be this service's event and to match its schema. */
    private byte[] payload(OutgoingEvent event) {
        EventDefinition definition = event.definition();
        if (!definition.service().equals(properties.service())) {
            throw new IllegalArgumentException(properties.service() + " cannot publish " + definition.type()
                    + ": a service publishes only its own event types");
        }
        JsonNode payload = json.valueToTree(event.payload());
        if (properties.validatePayloads()) {
            schemas.check(definition, payload);
        }
        return json.writeValueAsBytes(payload);
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    static int slotOf(String key) {
        // String.hashCode is specified by the JLS, so every instance and version agrees on the slot.
        return Math.floorMod(key.hashCode(), SLOTS);
    }
}
