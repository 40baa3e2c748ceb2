package org.kesra.reporting.rebuild;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.kesra.events.inbox.InboundEventProcessor;
import org.kesra.events.replay.ReplayConsumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a rebuild ({@link ReadModelRebuild}) and a replay as of offsets ({@link ScratchReplay}) share, so the two
 * cannot drift apart: which tables a replay copies (every registered model's and the inbox), which of their indexes
 * the handlers need while replaying ({@link RebuiltTables#replayIndexes}; the others are built once the copies are
 * full), how each poll's transaction is prepared, and the batched poll retried event by event when it fails.
 */
final class ShadowReplay {

    static final Duration POLL = Duration.ofMillis(500);

    private ShadowReplay() {
    }

    /** Every registered model's tables and the inbox, each once, in registration order. */
    static List<String> tables(List<RebuiltTables> models) {
        Set<String> tables = new LinkedHashSet<>();
        models.forEach(model -> tables.addAll(model.tables()));
        tables.add(ReadModelRebuild.INBOX);
        return List.copyOf(tables);
    }

    /** The indexes created with the copies; the copies' other secondary indexes wait for the end of the replay. */
    static Set<String> replayIndexes(List<RebuiltTables> models) {
        Set<String> indexes = new LinkedHashSet<>();
        models.forEach(model -> indexes.addAll(model.replayIndexes()));
        return indexes;
    }

    /**
     * The start of a poll's transaction: the handlers write the copies in {@code schema}, the only schema on the path,
     * so no serving table can be reached. The commit does not wait for its WAL to reach the disk: copies a crash cut
     * short are dropped and made again anyway (a rebuild's swap commits synchronously and so makes everything before
     * it durable; a scratch schema is never kept). {@code batched}: the models' writes are held back and made together
     * before the poll commits ({@link BatchedWrites}).
     */
    static Consumer<JdbcTemplate> prepare(String schema, boolean batched) {
        return jdbc -> {
            jdbc.execute("SET LOCAL search_path TO " + schema + "; SET LOCAL synchronous_commit = off");
            if (batched) {
                BatchedWrites.enable();
            }
        };
    }

    /**
     * Applies the next poll (no record at or past {@code until}) with the models' writes batched. If that fails, the
     * poll was rolled back and the replay put back before it: it is read again and applied event by event, as the
     * live consumer applies it, so that an event whose handler fails is named, or skipped as the live consumer skipped
     * it, exactly as without batching (a batched write fails only at the end of the poll, without saying which event
     * it came from). {@code retrying} is told why the batched poll failed.
     */
    static InboundEventProcessor.Replayed pollAndApply(ReplayConsumer replay, String schema,
                                                       Map<TopicPartition, Long> until,
                                                       Consumer<RuntimeException> retrying) {
        try {
            return replay.pollAndApply(POLL, prepare(schema, true), until);
        } catch (RuntimeException batched) {
            retrying.accept(batched);
            return replay.pollAndApply(POLL, prepare(schema, false), until);
        }
    }
}
