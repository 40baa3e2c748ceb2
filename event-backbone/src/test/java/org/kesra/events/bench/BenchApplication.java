package org.kesra.events.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.kesra.contracts.EventDefinition;
import org.kesra.events.inbox.EventHandler;
import org.kesra.events.inbox.ReceivedEvent;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** The benchmark's service "bench": publishes and consumes its own topic, like any Kesra service. */
@SpringBootApplication
public class BenchApplication {

    static final EventDefinition RECORDED = new EventDefinition("bench.sample.recorded", 1, BenchRecorded.class);

    /** End-to-end latency (outbox write to handler) in microseconds. */
    static final Recorder LATENCY = new Recorder(3);
    static final AtomicLong CONSUMED = new AtomicLong();

    @Bean
    EventHandler<BenchRecorded> benchEffect(JdbcTemplate jdbc) {
        return new EventHandler<>() {
            @Override
            public EventDefinition definition() {
                return RECORDED;
            }

            @Override
            public void handle(ReceivedEvent<BenchRecorded> event) {
                long latency = Math.max(0, System.currentTimeMillis() * 1000 - event.payload().writtenAtMicros());
                // A realistic effect: one row in the service's own table, in the inbox transaction.
                jdbc.update("INSERT INTO bench_effect (event_id, aggregate, sequence, latency_us) VALUES (?, ?, ?, ?)",
                        event.id(), event.payload().aggregate(), event.payload().sequence(), latency);
                LATENCY.recordValue(latency);
                CONSUMED.incrementAndGet();
            }
        };
    }
}
