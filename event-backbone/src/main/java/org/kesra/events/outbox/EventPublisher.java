package org.kesra.events.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.contracts.EventDefinition;
import org.kesra.events.EventBackboneProperties;
import org.kesra.events.tracing.TraceHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
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

    /** Writes the events in the given order (one JDBC batch) and answers their event ids. */
    public List<UUID> publishAll(List<OutgoingEvent> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events must be published inside the transaction of the state change"
                    + " they describe (annotate the use case @Transactional)");
        }
        Map<String, String> trace = traceHeaders.capture();
        Timestamp now = Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        List<Object[]> rows = new ArrayList<>(events.size());
        List<UUID> ids = new ArrayList<>(events.size());
        for (OutgoingEvent event : events) {
            EventDefinition definition = event.definition();
            if (!definition.service().equals(properties.service())) {
                throw new IllegalArgumentException(properties.service() + " cannot publish " + definition.type()
                        + ": a service publishes only its own event types");
            }
            JsonNode payload = json.valueToTree(event.payload());
            if (properties.validatePayloads()) {
                schemas.check(definition, payload);
            }
            UUID id = EVENT_IDS.generate();
            ids.add(id);
            rows.add(new Object[] {id, definition.topic(), event.key(), slotOf(event.key()), definition.type(),
                definition.version(), event.subject(), now, json.writeValueAsBytes(payload),
                trace.get(TraceHeaders.TRACEPARENT), trace.get(TraceHeaders.TRACESTATE)});
        }
        jdbc.batchUpdate(INSERT, rows);
        return ids;
    }

    static int slotOf(String key) {
        // String.hashCode is specified by the JLS, so every instance and version agrees on the slot.
        return Math.floorMod(key.hashCode(), SLOTS);
    }
}
