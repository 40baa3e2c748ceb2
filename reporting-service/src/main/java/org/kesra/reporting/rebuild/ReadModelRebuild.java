package org.kesra.reporting.rebuild;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.kesra.events.inbox.InboundEventProcessor;
import org.kesra.events.replay.EventReplay;
import org.kesra.events.replay.ReplayConsumer;
import org.kesra.events.replay.ReplayStart;
import org.kesra.reporting.ReportingProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every registered read model ({@link RebuiltTables}) from scratch by replaying the source topics, while the
 * serving models keep answering every report unchanged:
 * <ol>
 * <li>empty copies of all registered tables and of the event inbox are created in a shadow schema
 *     ({@link Generation});</li>
 * <li>a replay consumer (the event backbone's {@link EventReplay}: all partitions assigned, no group) reads the
 *     source topics from {@code kesra.reporting.rebuild.replay-from} and applies each poll through the same handlers,
 *     in a transaction whose {@code search_path} is the shadow schema alone, so the handlers' unqualified table names
 *     (and the backbone's inbox) are the shadow copies; a poll's model writes are batched ({@link BatchedWrites}),
 *     and a poll that fails batched is applied again event by event;</li>
 * <li>once it has read to the ends of the topics, it holds the live consumers: it locks the serving inbox against
 *     writes (every live consumer transaction starts by writing it, on every instance, so all wait), reads how far the
 *     live models got (per partition the highest offset in the inbox and the group's committed offset), replays up to
 *     there, and in the same transaction swaps the shadow tables in, inbox included, and marks the rebuild COMPLETED;
 *     </li>
 * <li>released, the live consumers go on from where they were: events the replay already applied are in the new inbox
 *     and absorbed as duplicates, later ones are applied to the new models. Nothing the live consumer received during
 *     the rebuild is lost.</li>
 * </ol>
 * A failure at any step (an event whose handler throws, the broker or database gone) rolls back what was in flight,
 * drops the shadow schema, leaves the serving models as they were and records the error. One rebuild runs at a time
 * across all instances (a partial unique index on {@code read_model_rebuild}).
 */
@Service
@EnableConfigurationProperties(RebuildProperties.class)
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    /** The backbone's inbox is part of each generation: it says which events the models hold. */
    static final String INBOX = "event_inbox";
    /** Events applied before the copies' first statistics ({@link Generation#analyze}). */
    private static final long FIRST_ANALYZE = 10_000;

    private final List<RebuiltTables> models;
    private final EventReplay replays;
    private final RebuildProperties properties;
    private final DataSource dataSource;
    private final Generation generation;
    private final RebuildRuns runs;
    private final RunningRegenerations regenerations;
    private final String instance;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public ReadModelRebuild(List<RebuiltTables> models, EventReplay replays, RebuildProperties properties,
                            DataSource dataSource, JdbcTemplate jdbc, JdbcClient client,
                            PlatformTransactionManager transactionManager, RunningRegenerations regenerations) {
        this.models = List.copyOf(models);
        this.regenerations = regenerations;
        this.replays = replays;
        this.properties = properties;
        this.dataSource = dataSource;
        this.generation = new Generation(jdbc, new TransactionTemplate(transactionManager));
        this.runs = new RebuildRuns(client);
        this.instance = ManagementFactory.getRuntimeMXBean().getName();
        ReplayStart.parse(properties.replayFrom()); // a malformed setting stops the start, not the first rebuild
    }

    /** Starts a rebuild in the background; refused (409) while one runs on any instance. */
    public RebuildStatus start(String requestedBy) {
        runs.abandonStale(properties.staleAfter());
        UUID id = UUID.randomUUID();
        try {
            runs.insert(id, requestedBy, instance, models.stream().map(RebuiltTables::readModel).toList(),
                    properties.replayFrom());
        } catch (DuplicateKeyException e) {
            String running = runs.running().map(UUID::toString).orElse("lain");
            throw ReportingProblems.REBUILD_RUNNING.refuse("Pembangunan ulang model baca " + running
                    + " masih berjalan; tunggu sampai selesai.");
        }
        // One replay at a time (ScratchReplay): checked after recording this run, as a regeneration does, so of two
        // starting together at least one sees the other.
        if (regenerations.anyRunning(properties.staleAfter())) {
            runs.failed(id, "a report regeneration as of a kept file's offsets was running");
            throw ReportingProblems.REGENERATION_BUSY.refuse("Sebuah berkas laporan sedang dibuat ulang dari "
                    + "posisi datanya; mulai pembangunan ulang setelah selesai.");
        }
        log.info("read model rebuild {} requested by {}", id, requestedBy);
        runner.execute(() -> run(id));
        return status(id);
    }

    public RebuildStatus status(UUID id) {
        return runs.find(id).orElseThrow(() -> ReportingProblems.REBUILD_UNKNOWN.refuse(
                "Pembangunan ulang " + id + " tidak dikenal."));
    }

    public List<RebuildStatus> recent() {
        return runs.recent(20);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private void run(UUID id) {
        Progress progress = new Progress(id);
        try {
            List<String> tables = ShadowReplay.tables(models);
            progress.structure = generation.create(tables, ShadowReplay.replayIndexes(models));
            List<String> topics = replays.subscribedTopics();
            try (ReplayConsumer replay = replays.open(topics, ReplayStart.parse(properties.replayFrom()))) {
                progress.replay = replay;
                progress.topics = topics;
                // The topics' ends are asked of the broker again only once the replay has reached the last ones
                // known, not after every poll (a replay of a million events makes thousands of polls).
                Map<TopicPartition, Long> end = replay.endOffsets();
                long analyzeAt = FIRST_ANALYZE;
                while (!Thread.currentThread().isInterrupted()) {
                    pollAndApply(progress);
                    long applied = progress.applied;
                    if (applied >= analyzeAt) { // each time the copies have doubled (a few times in all), and at the end
                        generation.analyze(tables);
                        analyzeAt = applied * 2;
                    }
                    if (!progress.report(false)) {
                        log.warn("read model rebuild {} was declared abandoned; stopping it", id);
                        generation.drop();
                        return;
                    }
                    if (!replay.reached(end)) {
                        continue;
                    }
                    end = replay.endOffsets();
                    if (replay.reached(end)) {
                        generation.createDeferredIndexes(); // the first time only, before the first try to swap
                    }
                    if (replay.reached(end) && applied > analyzeAt / 2) {
                        generation.analyze(tables);
                        analyzeAt = applied * 2;
                    }
                    if (replay.reached(end) && progress.report(true) && trySwitch(progress, tables)) {
                        log.info("read model rebuild {} completed: {} events applied", id, progress.applied);
                        generation.drop();
                        return;
                    }
                }
                throw new IllegalStateException("the service is stopping");
            }
        } catch (Exception e) {
            log.warn("read model rebuild {} failed; the previous models keep serving", id, e);
            try {
                generation.drop();
            } catch (RuntimeException dropFailed) {
                log.warn("could not drop what rebuild {} left; the next rebuild drops it", id, dropFailed);
            }
            runs.failed(id, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        }
    }

    /** Applies the next poll into the shadow copies ({@link ShadowReplay#pollAndApply}). */
    private void pollAndApply(Progress progress) {
        progress.add(ShadowReplay.pollAndApply(progress.replay, Generation.SHADOW, Map.of(), batched ->
                log.info("read model rebuild {}: a batched poll failed ({}); applying it again event by event",
                        progress.id, batched.getMessage())));
    }

    /**
     * Holds the live consumers (exclusive lock on the serving inbox), replays up to what they applied and swaps the
     * generations, all in one transaction. False if that took longer than the catch-up timeout or the lock was not
     * granted in time (the hold is released and the replay goes on).
     */
    private boolean trySwitch(Progress progress, List<String> tables) throws SQLException {
        ReplayConsumer replay = progress.replay;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL lock_timeout = '" + properties.catchUpTimeout().toMillis() + "ms'");
                statement.execute("LOCK TABLE public." + INBOX + " IN EXCLUSIVE MODE");
                Map<TopicPartition, Long> live = liveHighWater(connection, progress.topics);
                Instant deadline = Instant.now().plus(properties.catchUpTimeout());
                while (!replay.reached(live)) {
                    if (Instant.now().isAfter(deadline)) {
                        connection.rollback();
                        return false;
                    }
                    pollAndApply(progress);
                }
                // A reader holding a table makes the swap wait, and readers arriving meanwhile queue behind it: wait
                // briefly, then release everything and try again, rather than stall the reports.
                statement.execute("SET LOCAL lock_timeout = '2s'");
                if (!java.util.Objects.equals(Generation.fingerprint(connection, tables), progress.structure)) {
                    throw new IllegalStateException("the structure of the read model tables changed during the rebuild"
                            + " (a migration of a newer version?); the copies would undo it: rebuild again");
                }
                Generation.swap(connection, tables);
                List<RebuildStatus.Topic> topics = progress.topics();
                try (PreparedStatement complete = connection.prepareStatement(RebuildRuns.COMPLETE)) {
                    complete.setLong(1, progress.applied);
                    complete.setLong(2, progress.duplicate);
                    complete.setLong(3, progress.skipped);
                    complete.setString(4, RebuildRuns.json(topics));
                    complete.setObject(5, progress.id);
                    if (complete.executeUpdate() != 1) {
                        throw new IllegalStateException("rebuild " + progress.id + " is no longer running");
                    }
                }
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                if ("55P03".equals(e.getSQLState())) { // lock_timeout: a long reader or writer; try again later
                    return false;
                }
                throw e;
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * How far the live models got, per partition: past the highest offset recorded in the serving inbox, and at least
     * the group's committed offset (events without a handler leave no inbox row). Read while the inbox is locked, so
     * no live transaction is in flight.
     */
    private Map<TopicPartition, Long> liveHighWater(Connection connection, List<String> topics) throws SQLException {
        Map<TopicPartition, Long> live = new HashMap<>(replays.liveCommittedOffsets(topics));
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT topic, kafka_partition, max(kafka_offset) + 1 FROM public.event_inbox
                WHERE topic = ANY (?) GROUP BY topic, kafka_partition""")) {
            query.setArray(1, connection.createArrayOf("text", topics.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    live.merge(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3), Math::max);
                }
            }
        }
        return live;
    }

    /** Counters and the last reported positions of one run. */
    private final class Progress {

        final UUID id;
        String structure;
        ReplayConsumer replay;
        List<String> topics = List.of();
        long applied;
        long duplicate;
        long skipped;
        private Instant lastReport = Instant.EPOCH;
        private boolean alive = true;
        private Instant lastLiveRead = Instant.EPOCH;
        private Map<TopicPartition, Long> liveCommitted = Map.of();

        Progress(UUID id) {
            this.id = id;
        }

        void add(InboundEventProcessor.Replayed replayed) {
            applied += replayed.applied();
            duplicate += replayed.duplicates();
            skipped += replayed.deadLettered() + replayed.unreadable();
        }

        /** Reports at most once a second (unless forced); false if the run is no longer RUNNING. */
        boolean report(boolean force) {
            Instant now = Instant.now();
            if (!alive || !force && Duration.between(lastReport, now).compareTo(Duration.ofSeconds(1)) < 0) {
                return alive;
            }
            lastReport = now;
            alive = runs.progress(id, applied, duplicate, skipped, topics());
            return alive;
        }

        List<RebuildStatus.Topic> topics() {
            Instant now = Instant.now();
            if (Duration.between(lastLiveRead, now).compareTo(Duration.ofSeconds(5)) >= 0) {
                liveCommitted = replays.liveCommittedOffsets(topics);
                lastLiveRead = now;
            }
            Map<TopicPartition, Long> start = replay.start();
            Map<TopicPartition, Long> positions = replay.positions();
            Map<TopicPartition, Long> ends = replay.endOffsets();
            List<RebuildStatus.Topic> result = new ArrayList<>();
            for (String topic : topics) {
                List<RebuildStatus.Partition> partitions = new ArrayList<>();
                long from = 0;
                long at = 0;
                long end = 0;
                Long committed = null;
                for (Map.Entry<TopicPartition, Long> position : positions.entrySet()) {
                    TopicPartition partition = position.getKey();
                    if (!partition.topic().equals(topic)) {
                        continue;
                    }
                    Long live = liveCommitted.get(partition);
                    partitions.add(new RebuildStatus.Partition(partition.partition(), start.getOrDefault(partition, 0L),
                            position.getValue(), live, ends.getOrDefault(partition, 0L)));
                    from += start.getOrDefault(partition, 0L);
                    at += position.getValue();
                    end += ends.getOrDefault(partition, 0L);
                    if (live != null) {
                        // not a conditional expression: its numeric type would unbox a null sum (a group that has
                        // committed nothing yet, as at start-up)
                        committed = (committed == null ? 0L : committed) + live;
                    }
                }
                result.add(new RebuildStatus.Topic(topic, from, at, committed, end, partitions));
            }
            return result;
        }
    }
}
