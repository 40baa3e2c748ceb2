package org.kesra.reporting.rebuild;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record of every rebuild (table {@code read_model_rebuild}, written only here). It lives in {@code public} and is
 * not part of a generation, so it survives every swap; a partial unique index lets one rebuild run at a time across
 * all instances.
 */
final class RebuildRuns {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<RebuildStatus.Topic>> TOPICS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    RebuildRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A run whose instance has not reported for {@code staleAfter} is dead: it no longer blocks a new one. */
    void abandonStale(Duration staleAfter) {
        jdbc.sql("""
                UPDATE read_model_rebuild SET state = 'ABANDONED', finished_at = now(),
                    error = 'instance ' || instance || ' stopped reporting'
                WHERE state = 'RUNNING' AND heartbeat_at < now() - ?::interval""")
                .param(staleAfter.toSeconds() + " seconds").update();
    }

    /** Records a new running rebuild; throws DuplicateKeyException if one is running. */
    void insert(UUID id, String requestedBy, String instance, List<String> readModels, String replayFrom) {
        jdbc.sql("""
                INSERT INTO read_model_rebuild (id, state, requested_by, instance, read_models, replay_from,
                                                started_at, heartbeat_at)
                VALUES (?, 'RUNNING', ?, ?, ?, ?, now(), now())""")
                .params(id, requestedBy, instance, readModels.toArray(String[]::new), replayFrom).update();
    }

    Optional<UUID> running() {
        return jdbc.sql("SELECT id FROM read_model_rebuild WHERE state = 'RUNNING'").query(UUID.class).optional();
    }

    /** Reports progress; false if the run is no longer RUNNING (another instance declared it abandoned). */
    boolean progress(UUID id, long applied, long duplicate, long skipped, List<RebuildStatus.Topic> topics) {
        return jdbc.sql("""
                UPDATE read_model_rebuild SET heartbeat_at = now(), events_applied = ?, events_duplicate = ?,
                    events_skipped = ?, topics = ?::jsonb
                WHERE id = ? AND state = 'RUNNING'""")
                .params(applied, duplicate, skipped, JSON.writeValueAsString(topics), id).update() == 1;
    }

    /** The statement that marks a run COMPLETED, run in the swap's transaction (see ReadModelRebuild). */
    static final String COMPLETE = """
            UPDATE read_model_rebuild SET state = 'COMPLETED', finished_at = now(), heartbeat_at = now(),
                events_applied = ?, events_duplicate = ?, events_skipped = ?, topics = ?::jsonb
            WHERE id = ? AND state = 'RUNNING'""";

    static String json(List<RebuildStatus.Topic> topics) {
        return JSON.writeValueAsString(topics);
    }

    void failed(UUID id, String error) {
        jdbc.sql("""
                UPDATE read_model_rebuild SET state = 'FAILED', finished_at = now(), heartbeat_at = now(), error = ?
                WHERE id = ? AND state = 'RUNNING'""")
                .params(error.length() > 2000 ? error.substring(0, 2000) : error, id).update();
    }

    Optional<RebuildStatus> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, n) -> status(rs)).optional();
    }

    List<RebuildStatus> recent(int limit) {
        return jdbc.sql(SELECT + " ORDER BY started_at DESC LIMIT ?").param(limit).query((rs, n) -> status(rs)).list();
    }

    private static final String SELECT = """
            SELECT id, state, requested_by, read_models, replay_from, started_at, heartbeat_at, finished_at,
                   events_applied, events_duplicate, events_skipped, topics::text, error
            FROM read_model_rebuild""";

    private static RebuildStatus status(java.sql.ResultSet rs) throws java.sql.SQLException {
        String topics = rs.getString(12);
        Timestamp finished = rs.getTimestamp(8);
        return new RebuildStatus(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                List.of((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7).toInstant(), finished == null ? null : finished.toInstant(), rs.getLong(9),
                rs.getLong(10), rs.getLong(11), topics == null ? List.of() : JSON.readValue(topics, TOPICS),
                rs.getString(13));
    }
}
