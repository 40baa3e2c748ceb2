package org.kesra.events.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.kesra.events.PeriodicTask;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outbox backlog size and age of the oldest unpublished event, as gauges. Measured every few seconds by one
 * query rather than at each scrape, so a large backlog costs one count per interval, not per Prometheus.
 */
public class OutboxMetrics extends PeriodicTask {

    private final JdbcTemplate jdbc;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    public OutboxMetrics(JdbcTemplate jdbc, MeterRegistry meters, Duration interval) {
        super("outbox-metrics", Duration.ZERO, interval);
        this.jdbc = jdbc;
        Gauge.builder("kesra.events.outbox.backlog", backlog, AtomicLong::get)
                .description("Events written but not yet published").baseUnit("events").register(meters);
        Gauge.builder("kesra.events.outbox.oldest.age", oldestAgeMillis, a -> a.get() / 1000.0)
                .description("Age of the oldest unpublished event").baseUnit("seconds").register(meters);
    }

    @Override
    protected void runOnce() {
        refresh();
    }

    public void refresh() {
        jdbc.query("SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)) * 1000, 0)"
                + " FROM event_outbox", rs -> {
                    backlog.set(rs.getLong(1));
                    oldestAgeMillis.set((long) rs.getDouble(2));
                });
    }

    public long backlog() {
        return backlog.get();
    }
}
