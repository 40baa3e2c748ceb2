package org.kesra.reporting.sources;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.TopicPartition;
import org.kesra.events.replay.EventReplay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The source topics' log-end offsets and the live consumer group's committed offsets, asked of the broker at most
 * every {@value #FRESH_SECONDS} seconds on a thread of its own, so a report never waits for Kafka longer than
 * {@value #WAIT_MILLIS} ms: when the broker does not answer, the last answer younger than {@value #KEPT_SECONDS} s is
 * used, else none (the lag in events is then unknown, and a report still answers).
 */
@Component
public class TopicEnds {

    private static final Logger log = LoggerFactory.getLogger(TopicEnds.class);
    static final long FRESH_SECONDS = 5;
    static final long WAIT_MILLIS = 1_000;
    static final long KEPT_SECONDS = 60;

    /** One answer of the broker: per partition the end, and the group's committed offset where it has one. */
    public record Snapshot(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed, Instant readAt) {
    }

    /** Looked up at first use: the replay needs the handlers, whose progress (SourceProgress) needs this. */
    private final ObjectProvider<EventReplay> kafka;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "source-topic-ends");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Snapshot last;
    private CompletableFuture<Snapshot> inFlight;

    public TopicEnds(ObjectProvider<EventReplay> kafka) {
        this.kafka = kafka;
    }

    /** The newest answer not older than {@value #KEPT_SECONDS} s, asking again if it is older than a few seconds. */
    public Optional<Snapshot> current() {
        Snapshot known = last;
        Instant now = clock.instant();
        if (known != null && Duration.between(known.readAt(), now).toSeconds() < FRESH_SECONDS) {
            return Optional.of(known);
        }
        CompletableFuture<Snapshot> asking = ask();
        try {
            return Optional.of(asking.get(WAIT_MILLIS, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            // the broker is slow or gone: the answer arrives later (or never); meanwhile the last one if recent
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("source topic ends not read: {}", e.getMessage());
        }
        known = last;
        return known != null && Duration.between(known.readAt(), now).toSeconds() < KEPT_SECONDS
                ? Optional.of(known) : Optional.empty();
    }

    private synchronized CompletableFuture<Snapshot> ask() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = CompletableFuture.supplyAsync(() -> {
                List<String> topics = SourceLagMetrics.TOPICS;
                EventReplay broker = kafka.getObject();
                Map<TopicPartition, Long> ends = broker.endOffsets(topics);
                Map<TopicPartition, Long> committed = broker.liveCommittedOffsets(topics);
                Snapshot read = new Snapshot(Map.copyOf(ends), Map.copyOf(committed), clock.instant());
                last = read;
                return read;
            }, reader);
        }
        return inFlight;
    }

    @PreDestroy
    void stop() {
        reader.shutdownNow();
    }
}
