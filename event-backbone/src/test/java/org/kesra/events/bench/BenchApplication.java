package org.kesra.events.bench;

import java.util.ArrayList;
import java.util.List;
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
                handleAll(List.of(event));
            }

            /** The effect: one row per event in the service's own table, a poll's rows in one statement. */
            @Override
            public void handleAll(List<ReceivedEvent<BenchRecorded>> events) {
                long now = System.currentTimeMillis() * 1000;
                List<Object[]> rows = new ArrayList<>(events.size());
                for (ReceivedEvent<BenchRecorded> event : events) {
                    long latency = Math.max(0, now - event.payload().writtenAtMicros());
                    rows.add(new Object[] {event.id(), event.payload().aggregate(), event.payload().sequence(), latency});
                    LATENCY.recordValue(latency);
                }
                jdbc.batchUpdate("INSERT INTO bench_effect (event_id, aggregate, sequence, latency_us) VALUES (?, ?, ?, ?)",
                        rows);
                CONSUMED.addAndGet(events.size());
            }
        };
    }
}
