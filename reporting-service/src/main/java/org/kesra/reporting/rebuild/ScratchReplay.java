package org.kesra.reporting.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.kesra.events.inbox.InboundEventProcessor;
import org.kesra.events.replay.EventReplay;
import org.kesra.events.replay.ReplayConsumer;
import org.kesra.events.replay.ReplayStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read models as they stood at given Kafka positions, for one read: empty copies of every registered table (and
 * the inbox) in schema {@value #SCHEMA}, the source topics replayed into them from the rebuild's start
 * ({@code kesra.reporting.rebuild.replay-from}) up to exactly the positions, through the same handlers and prepared as
 * a rebuild prepares its replay ({@link ShadowReplay}: the same tables, the secondary indexes the handlers do not need
 * built only once the copies are full, batched polls with asynchronous commit, event by event when one fails), then the read run in one REPEATABLE READ, read-only
 * transaction whose {@code search_path} puts the copies before {@code public} (reference tables such as the regions
 * are not rebuilt and are read from {@code public}). The schema is dropped afterwards, also when anything failed; the
 * serving tables are only ever read (their definitions, to copy them).
 *
 * <p>Uses the rebuild's {@link Generation} copies under another schema name, so it never touches a rebuild's shadow
 * schema; callers keep it to one at a time and out of a running rebuild's way ({@link #rebuildRunning}).
 */
@Service
public class ScratchReplay {

    private static final Logger log = LoggerFactory.getLogger(ScratchReplay.class);
    public static final String SCHEMA = "reporting_asof";
    /** A replay that reads nothing for this long while short of the positions cannot reach them. */
    private static final Duration STALLED = Duration.ofSeconds(30);

    private final List<RebuiltTables> models;
    private final EventReplay replays;
    private final RebuildProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate reads;
    private final Generation scratch;
    private final RebuildRuns runs;

    public ScratchReplay(List<RebuiltTables> models, EventReplay replays, RebuildProperties properties,
                         JdbcTemplate jdbc, JdbcClient client, PlatformTransactionManager transactionManager) {
        this.models = List.copyOf(models);
        this.replays = replays;
        this.properties = properties;
        this.jdbc = jdbc;
        this.scratch = Generation.scratch(jdbc, new TransactionTemplate(transactionManager), SCHEMA);
        this.reads = new TransactionTemplate(transactionManager);
        reads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        reads.setReadOnly(true);
        this.runs = new RebuildRuns(client);
    }

    /** Whether a read-model rebuild runs on any instance (one stale past its heartbeat is declared abandoned first). */
    public boolean rebuildRunning() {
        runs.abandonStale(properties.staleAfter());
        return runs.running().isPresent();
    }

    /** What a read as of positions gave, and how many events the replay applied to get there. */
    public record Result<T>(T value, long eventsApplied) {
    }

    /**
     * Replays up to {@code until} (per topic and partition the first offset not to apply; a partition not named is
     * not replayed at all) and runs {@code read} on the result. {@code progress} is told the events applied about
     * every second; returning false stops the replay (the caller's run was taken from it).
     */
    public <T> Result<T> asOf(Map<TopicPartition, Long> until, LongPredicate progress, Supplier<T> read) {
        List<String> tables = ShadowReplay.tables(models);
        try {
            scratch.create(tables, ShadowReplay.replayIndexes(models));
            long applied = 0;
            try (ReplayConsumer replay = replays.open(replays.subscribedTopics(),
                    ReplayStart.parse(properties.replayFrom()))) {
                Map<TopicPartition, Long> limits = new HashMap<>();
                replay.positions().keySet().forEach(p -> limits.put(p, until.getOrDefault(p, 0L)));
                Instant lastRead = Instant.now();
                Instant lastReport = Instant.EPOCH;
                while (!replay.reached(limits)) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException("the service is stopping");
                    }
                    InboundEventProcessor.Replayed replayed = ShadowReplay.pollAndApply(replay, SCHEMA, limits,
                            batched -> log.info("scratch replay: a batched poll failed ({}); applying it again event"
                                    + " by event", batched.getMessage()));
                    int polled = replayed.applied() + replayed.duplicates() + replayed.deadLettered()
                            + replayed.unreadable();
                    applied += replayed.applied();
                    Instant now = Instant.now();
                    if (polled > 0) {
                        lastRead = now;
                    } else if (Duration.between(lastRead, now).compareTo(STALLED) > 0) {
                        throw new IllegalStateException("the topics do not reach the recorded offsets " + limits
                                + " (replayed to " + replay.positions() + "): deleted by retention, or a replay start"
                                + " after them?");
                    }
                    if (Duration.between(lastReport, now).toSeconds() >= 1) {
                        lastReport = now;
                        if (!progress.test(applied)) {
                            throw new IllegalStateException("the regeneration was declared abandoned");
                        }
                    }
                }
            }
            scratch.createDeferredIndexes();
            scratch.analyze(tables);
            long events = applied;
            log.info("scratch replay applied {} events up to {}", events, until);
            T value = reads.execute(status -> {
                jdbc.execute("SET LOCAL search_path TO " + SCHEMA + ", public");
                return read.get();
            });
            return new Result<>(value, events);
        } finally {
            scratch.drop();
        }
    }
}
