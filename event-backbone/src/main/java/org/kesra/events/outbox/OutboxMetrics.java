package org.kesra.events.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outbox backlog size and age of the oldest unpublished event, as gauges. Measured every few seconds by one
 * query rather than at each scrape, so a large backlog costs one count per interval, not per Prometheus.
 */
public class OutboxMetrics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private ScheduledExecutorService scheduler;

    public OutboxMetrics(JdbcTemplate jdbc, MeterRegistry meters, Duration interval) {
        this.jdbc = jdbc;
        this.interval = interval;
        Gauge.builder("kesra.events.outbox.backlog", backlog, AtomicLong::get)
                .description("Events written but not yet published").baseUnit("events").register(meters);
        Gauge.builder("kesra.events.outbox.oldest.age", oldestAgeMillis, a -> a.get() / 1000.0)
                .description("Age of the oldest unpublished event").baseUnit("seconds").register(meters);
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

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-metrics");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                log.debug("outbox metrics not refreshed: {}", e.getMessage());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
