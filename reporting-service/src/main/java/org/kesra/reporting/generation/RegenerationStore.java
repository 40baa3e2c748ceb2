package org.kesra.reporting.generation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kesra.reporting.rebuild.RunningRegenerations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The only writer and reader of {@code report_regeneration}. */
@Repository
class RegenerationStore implements RunningRegenerations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            r.id, r.generation_id, r.state, r.requested_by, r.requested_at, r.finished_at, r.result, r.kept_sha256,
            r.regenerated_sha256, r.source_offsets::text, g.data_version::text, r.data_version::text,
            r.events_replayed, r.problem_code, r.problem_detail""";

    private final JdbcClient jdbc;

    RegenerationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a running regeneration; a second one running anywhere violates the one-running index. */
    void insert(UUID id, UUID generation, String requestedBy, String keptSha256,
                List<GenerationStatus.SourceOffsets> offsets, Instant now) {
        jdbc.sql("""
                        INSERT INTO report_regeneration (id, generation_id, requested_by, requested_at, heartbeat_at,
                            state, kept_sha256, source_offsets)
                        VALUES (:id, :generation, :by, :now, :now, 'RUNNING', :sha, CAST(:offsets AS jsonb))""")
                .param("id", id).param("generation", generation).param("by", requestedBy)
                .param("now", Timestamp.from(now)).param("sha", keptSha256)
                .param("offsets", JSON.writeValueAsString(offsets)).update();
    }

    /** Progress of a running one; false if it is no longer running (declared stale meanwhile). */
    boolean heartbeat(UUID id, long eventsReplayed, Instant now) {
        return jdbc.sql("""
                        UPDATE report_regeneration SET heartbeat_at = :now, events_replayed = :events
                        WHERE id = :id AND state = 'RUNNING'""")
                .param("id", id).param("now", Timestamp.from(now)).param("events", eventsReplayed).update() == 1;
    }

    void done(UUID id, String result, String sha256, List<GenerationStatus.DataVersion> dataVersion,
              long eventsReplayed, Instant now) {
        jdbc.sql("""
                        UPDATE report_regeneration SET state = 'DONE', result = :result, regenerated_sha256 = :sha,
                            data_version = CAST(:version AS jsonb), events_replayed = :events, finished_at = :now,
                            heartbeat_at = :now
                        WHERE id = :id AND state = 'RUNNING'""")
                .param("id", id).param("result", result).param("sha", sha256)
                .param("version", JSON.writeValueAsString(dataVersion)).param("events", eventsReplayed)
                .param("now", Timestamp.from(now)).update();
    }

    void failed(UUID id, String code, String detail, Instant now) {
        jdbc.sql("""
                        UPDATE report_regeneration SET state = 'FAILED', problem_code = :code, problem_detail = :detail,
                            finished_at = :now, heartbeat_at = :now
                        WHERE id = :id AND state = 'RUNNING'""")
                .param("id", id).param("code", code).param("detail", detail).param("now", Timestamp.from(now))
                .update();
    }

    /** Marks failed every running regeneration silent since before {@code cutoff} (its instance stopped). */
    List<UUID> failStale(Instant cutoff, String code, String detail, Instant now) {
        return jdbc.sql("""
                        UPDATE report_regeneration SET state = 'FAILED', problem_code = :code, problem_detail = :detail,
                            finished_at = :now
                        WHERE state = 'RUNNING' AND heartbeat_at < :cutoff
                        RETURNING id""")
                .param("code", code).param("detail", detail).param("now", Timestamp.from(now))
                .param("cutoff", Timestamp.from(cutoff)).query(UUID.class).list();
    }

    @Override
    public boolean anyRunning(Duration staleAfter) {
        return jdbc.sql("""
                SELECT count(*) FROM report_regeneration
                WHERE state = 'RUNNING' AND heartbeat_at > now() - make_interval(secs => ?)""")
                .param((double) staleAfter.toSeconds()).query(Long.class).single() > 0;
    }

    Optional<UUID> running() {
        return jdbc.sql("SELECT id FROM report_regeneration WHERE state = 'RUNNING'").query(UUID.class).optional();
    }

    Optional<GenerationStatus.Regeneration> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM report_regeneration r JOIN report_generation g"
                        + " ON g.id = r.generation_id WHERE r.id = ?").param(id)
                .query((rs, n) -> regeneration(rs)).optional();
    }

    private static GenerationStatus.Regeneration regeneration(ResultSet rs) throws SQLException {
        GenerationStatus.Problem problem = GenerationStore.problem(rs.getString(14), rs.getString(15));
        String result = rs.getString(7);
        String message = result == null ? null : "IDENTICAL".equals(result)
                ? "Berkas dibuat ulang dari peristiwa sumber sampai posisi (offset) yang tercatat saat berkas dibuat: "
                + "sama persis (SHA-256 sama)."
                : "Berkas yang dibuat ulang dari peristiwa sumber sampai posisi (offset) yang tercatat berbeda dari "
                + "berkas yang disimpan (SHA-256 berbeda).";
        return new GenerationStatus.Regeneration(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), result,
                message, rs.getString(8), rs.getString(9), GenerationStore.offsets(rs.getString(10)),
                GenerationStore.versions(rs.getString(11)), GenerationStore.versions(rs.getString(12)), rs.getLong(13),
                problem);
    }

    private static Instant instant(Timestamp time) {
        return time == null ? null : time.toInstant();
    }
}
