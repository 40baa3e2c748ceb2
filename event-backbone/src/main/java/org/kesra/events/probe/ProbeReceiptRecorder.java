package org.kesra.events.probe;

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
    public ProbeReceiptRecorder(EventDefinition definition, JdbcTemplate jdbc) {
        this.definition = definition;
        this.jdbc = jdbc;
    }

    @Override
    public EventDefinition definition() {
        return definition;
    }

    @Override
    public void handle(ReceivedEvent<ProbeSent> event) {
        jdbc.update("""
                INSERT INTO event_probe_receipt (event_id, probe_id, sequence, source_service, sent_at, trace_id)
                VALUES (?, ?, ?, ?, ?, ?)""",
                event.id(), event.payload().probeId(), event.payload().sequence(), definition.service(),
                Timestamp.from(event.payload().sentAt()), event.traceId());
    }
}
