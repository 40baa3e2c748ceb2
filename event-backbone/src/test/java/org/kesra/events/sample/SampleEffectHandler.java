package org.kesra.events.sample;

import java.util.List;
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

/**
 * Records each event's effect, a poll's worth in one statement; can fail on purpose (poison) or halt the JVM after
 * committing (crash).
 */
@Component
public class SampleEffectHandler implements EventHandler<SampleRecorded> {

    private final JdbcTemplate jdbc;
    private final String instance;
    private final Set<String> fixedAggregates = ConcurrentHashMap.newKeySet();

    public SampleEffectHandler(JdbcTemplate jdbc, @Value("${kesra.test.instance:main}") String instance) {
        this.jdbc = jdbc;
        this.instance = instance;
    }

    @Override
    public EventDefinition definition() {
        return SampleEvents.RECORDED;
    }

    @Override
    public void handle(ReceivedEvent<SampleRecorded> event) {
        handleAll(List.of(event));
    }

    /** All effects of a poll in one batched statement, as a high-volume service would write them. */
    @Override
    public void handleAll(List<ReceivedEvent<SampleRecorded>> events) {
        for (ReceivedEvent<SampleRecorded> event : events) {
            SampleRecorded step = event.payload();
            if (step.failUntilFixed() && !fixedAggregates.contains(step.aggregate())) {
                throw new IllegalStateException("simulated defect in the handler of " + step.aggregate() + "#"
                        + step.sequence());
            }
        }
        jdbc.batchUpdate("INSERT INTO sample_effect (event_id, aggregate, sequence, instance, trace_id) VALUES (?, ?, ?, ?, ?)",
                events.stream().map(e -> new Object[] {e.id(), e.payload().aggregate(), e.payload().sequence(), instance,
                    e.traceId()}).toList());
        if (events.stream().anyMatch(e -> e.payload().haltAfterCommit())) {
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
