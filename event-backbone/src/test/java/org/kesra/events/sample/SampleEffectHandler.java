package org.kesra.events.sample;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kesra.contracts.EventDefinition;
import org.kesra.events.inbox.EventHandler;
import org.kesra.events.inbox.ReceivedEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Records each event's effect; can fail on purpose (poison) or halt the JVM after committing (crash). */
@Component
public class SampleEffectHandler implements EventHandler<SampleRecorded> {

    private final JdbcTemplate jdbc;
    private final Tracer tracer;
    private final String instance;
    private final Set<String> fixedAggregates = ConcurrentHashMap.newKeySet();

    public SampleEffectHandler(JdbcTemplate jdbc, Tracer tracer, @Value("${kesra.test.instance:main}") String instance) {
        this.jdbc = jdbc;
        this.tracer = tracer;
        this.instance = instance;
    }

    @Override
    public EventDefinition definition() {
        return SampleEvents.RECORDED;
    }

    @Override
    public void handle(ReceivedEvent<SampleRecorded> event) {
        SampleRecorded step = event.payload();
        if (step.failUntilFixed() && !fixedAggregates.contains(step.aggregate())) {
            throw new IllegalStateException("simulated defect in the handler of " + step.aggregate() + "#" + step.sequence());
        }
        Span span = tracer.currentSpan();
        jdbc.update("INSERT INTO sample_effect (event_id, aggregate, sequence, instance, trace_id) VALUES (?, ?, ?, ?, ?)",
                event.id(), step.aggregate(), step.sequence(), instance, span == null ? null : span.context().traceId());
        if (step.haltAfterCommit()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    // The effect is committed; the offset is not. This is the crash the inbox must absorb.
                    Runtime.getRuntime().halt(137);
                }
            });
        }
    }

    /** "Deploys the fix" for one aggregate's events, leaving other tests' poison messages poisonous. */
    public void fixDefect(String aggregate) {
        fixedAggregates.add(aggregate);
    }
}
