package org.kesra.events.probe;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.EventDefinition;
import org.kesra.contracts.probe.ProbeSent;
import org.kesra.events.EventBackboneProperties;
import org.kesra.events.outbox.EventPublisher;
import org.kesra.events.outbox.OutgoingEvent;
import org.kesra.events.EventBackboneProblems;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Event probes: an operator sends a numbered series of synthetic events from this service and asks the consuming
 * services what arrived, in which order and under which trace. Proves outbox, relay, broker and consumers in one go.
 */
@RestController
@RequestMapping("/api/v1/ops/event-probes")
@PreAuthorize("hasRole('platform-admin')")
@Tag(name = "Operasi: probe event", description = "Uji jalur event dari ujung ke ujung")
public class ProbeController {

    private final EventPublisher publisher;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final EventDefinition definition;
    private final Tracer tracer;
    private final Clock clock;

    public ProbeController(EventPublisher publisher, TransactionTemplate transactions, JdbcTemplate jdbc,
                           EventBackboneProperties properties, Tracer tracer, Clock clock) {
        this.publisher = publisher;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.definition = EventCatalog.find(properties.service() + ".probe.sent", 1).orElse(null);
        this.tracer = tracer;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Kirim serangkaian event probe dari layanan ini")
    public ProbeSentResponse send(@Valid @RequestBody ProbeRequest request) {
        if (definition == null) {
            throw EventBackboneProblems.PROBE_UNSUPPORTED.refuse("Layanan ini tidak menerbitkan event probe.");
        }
        UUID probeId = UUID.randomUUID();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<OutgoingEvent> events = new ArrayList<>(request.count());
        for (long sequence = 1; sequence <= request.count(); sequence++) {
            events.add(new OutgoingEvent(definition, probeId.toString(), null,
                    new ProbeSent(probeId, sequence, now, request.note())));
        }
        transactions.executeWithoutResult(status -> publisher.publishAll(events));
        Span span = tracer.currentSpan();
        return new ProbeSentResponse(probeId, definition.type(), request.count(),
                span == null ? null : span.context().traceId());
    }

    @GetMapping("/{probeId}")
    @Operation(summary = "Probe yang diterima layanan ini, dalam urutan pemrosesan")
    public ProbeReceipts received(@PathVariable UUID probeId) {
        List<ProbeReceipts.Receipt> receipts = jdbc.query("""
                SELECT source_service, sequence, event_id, sent_at, received_at, trace_id
                FROM event_probe_receipt WHERE probe_id = ? ORDER BY arrival""",
                (rs, n) -> new ProbeReceipts.Receipt(rs.getString(1), rs.getLong(2), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6)), probeId);
        return new ProbeReceipts(probeId, receipts.size(), receipts);
    }

    public record ProbeRequest(
            @Min(value = 1, message = "jumlah minimal 1") @Max(value = 10000, message = "jumlah maksimal 10000")
            int count,
            @Size(max = 200, message = "catatan maksimal 200 karakter") String note) {
    }

    public record ProbeSentResponse(UUID probeId, String eventType, int count, String traceId) {
    }

    public record ProbeReceipts(UUID probeId, int received, List<Receipt> receipts) {

        public record Receipt(String sourceService, long sequence, UUID eventId, Instant sentAt, Instant receivedAt,
                              String traceId) {
        }
    }
}
