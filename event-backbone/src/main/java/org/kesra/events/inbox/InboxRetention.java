package org.kesra.events.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Purges inbox rows older than the retention. Past Kafka's own retention an event cannot be redelivered, so
 * remembering it longer protects nothing.
 */
public class InboxRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public InboxRetention(JdbcTemplate jdbc, Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    public int purge() {
        int purged = jdbc.update("DELETE FROM event_inbox WHERE processed_at < ?",
                Timestamp.from(Instant.now(clock).minus(retention)));
        if (purged > 0) {
            log.info("purged {} inbox rows older than {}", purged, retention);
        }
        return purged;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "inbox-retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                purge();
            } catch (RuntimeException e) {
                log.warn("inbox purge failed: {}", e.getMessage());
            }
        }, 10, 3600, TimeUnit.SECONDS);
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
