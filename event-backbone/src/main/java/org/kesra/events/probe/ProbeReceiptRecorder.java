package org.kesra.events.probe;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.sql.Timestamp;
import org.kesra.contracts.EventDefinition;
import org.kesra.contracts.probe.ProbeSent;
import org.kesra.events.inbox.EventHandler;
import org.kesra.events.inbox.ReceivedEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/** Records the arrival of another service's probe events, with the trace id that came with them. */
public class ProbeReceiptRecorder implements EventHandler<ProbeSent> {

    private final EventDefinition definition;
    private final JdbcTemplate jdbc;
    private final Tracer tracer;

    public ProbeReceiptRecorder(EventDefinition definition, JdbcTemplate jdbc, Tracer tracer) {
        this.definition = definition;
        this.jdbc = jdbc;
        this.tracer = tracer;
    }

    @Override
    public EventDefinition definition() {
        return definition;
    }

    @Override
    public void handle(ReceivedEvent<ProbeSent> event) {
        Span span = tracer.currentSpan();
        jdbc.update("""
                INSERT INTO event_probe_receipt (event_id, probe_id, sequence, source_service, sent_at, trace_id)
                VALUES (?, ?, ?, ?, ?, ?)""",
                event.id(), event.payload().probeId(), event.payload().sequence(), definition.service(),
                Timestamp.from(event.payload().sentAt()), span == null ? null : span.context().traceId());
    }
}
