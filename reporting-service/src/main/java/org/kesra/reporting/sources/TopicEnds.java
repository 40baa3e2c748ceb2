package org.kesra.reporting.sources;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.kesra.events.replay.EventReplay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The source topics' log-end offsets and the live consumer group's committed offsets, asked of the broker every
 * {@value #REFRESH_MILLIS} ms on a thread of its own from the start on. A report only reads the last answer, so Kafka
 * is never on a request's path (nor inside a report's read transaction): an answer older than {@value #KEPT_SECONDS} s
 * (the broker gone) or none yet (just started) is no answer, and the lag in events is then unknown while the report
 * still answers.
 */
@Component
public class TopicEnds {

    private static final Logger log = LoggerFactory.getLogger(TopicEnds.class);
    /**
     * Between two answers: an answer a report shows is at most about this old (plus the broker's reply time). The
     * asking costs three small admin requests; two seconds keep "events behind" fresher than the five-second cache a
     * request used to refresh (and wait up to a second for) itself.
     */
    static final long REFRESH_MILLIS = 2_000;
    static final long KEPT_SECONDS = 60;

    /** One answer of the broker: per partition the end, and the group's committed offset where it has one. */
    public record Snapshot(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed, Instant readAt) {
    }

    /** Looked up when asking: the replay needs the handlers, whose progress (SourceProgress) needs this. */
    private final ObjectProvider<EventReplay> kafka;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "source-topic-ends");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Snapshot last;

    public TopicEnds(ObjectProvider<EventReplay> kafka) {
        this.kafka = kafka;
    }

    /** Starts asking once the service is up (every bean built, the consumers started). */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        reader.scheduleWithFixedDelay(this::refresh, 0, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The newest answer if it is younger than {@value #KEPT_SECONDS} s; never waits. */
    public Optional<Snapshot> current() {
        Snapshot known = last;
        return known != null && Duration.between(known.readAt(), clock.instant()).toSeconds() < KEPT_SECONDS
                ? Optional.of(known) : Optional.empty();
    }

    /** One answer; a failure is only logged (an exception would end the schedule), the next try comes anyway. */
    void refresh() {
        try {
            List<String> topics = SourceLagMetrics.TOPICS;
            EventReplay broker = kafka.getObject();
            Map<TopicPartition, Long> ends = broker.endOffsets(topics);
            Map<TopicPartition, Long> committed = broker.liveCommittedOffsets(topics);
            last = new Snapshot(Map.copyOf(ends), Map.copyOf(committed), clock.instant());
        } catch (RuntimeException e) {
            log.debug("source topic ends not read: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        reader.shutdownNow();
    }
}
