package org.kesra.events.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.kesra.events.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Purges inbox rows older than the retention, hourly. Past Kafka's own retention an event cannot be redelivered,
 * so remembering it longer protects nothing.
 */
public class InboxRetention extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Clock clock;

    public InboxRetention(JdbcTemplate jdbc, Duration retention, Clock clock) {
        super("inbox-retention", Duration.ofSeconds(10), Duration.ofHours(1));
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    protected void runOnce() {
        purge();
    }

    public int purge() {
        int purged = jdbc.update("DELETE FROM event_inbox WHERE processed_at < ?",
                Timestamp.from(Instant.now(clock).minus(retention)));
        if (purged > 0) {
            log.info("purged {} inbox rows older than {}", purged, retention);
        }
        return purged;
    }
}
