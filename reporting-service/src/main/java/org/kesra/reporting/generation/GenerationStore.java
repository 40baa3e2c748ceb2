package org.kesra.reporting.generation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kesra.reporting.ReportingProblems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The only writer of {@code report_generation} and {@code report_generation_download}. */
@Repository
class GenerationStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, report_type, format, parameters::text, unit_code, origin, requested_by, requested_at, state,
            started_at, finished_at, data_version::text, data_as_of, source_offsets::text, file_name, media_type, size_bytes, sha256,
            problem_code, problem_detail, scope_region, audience_region""";

    /** A kept generation with what decides who sees it and how it is regenerated (not shown in the API). */
    record Kept(GenerationStatus status, String scopeRegion, String audienceRegion) {
    }

    /** A kept file's bytes. */
    record Content(String fileName, String mediaType, String sha256, byte[] bytes) {
    }

    private final JdbcClient jdbc;

    GenerationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a queued generation; false when a scheduled one for the same trigger and format is already kept. */
    boolean queue(UUID id, ReportKinds.Prepared prepared, String format, String origin, String triggerKey,
                  String requestedBy, String scopeRegion, Instant now) {
        return jdbc.sql("""
                        INSERT INTO report_generation (id, report_type, format, parameters, unit_code, scope_region,
                            audience_region, origin, trigger_key, requested_by, requested_at, state, data_version,
                            data_as_of, source_offsets)
                        VALUES (:id, :type, :format, CAST(:parameters AS jsonb), :unit, :scope, :audience, :origin,
                            :trigger, :by, :now, 'QUEUED', CAST(:version AS jsonb), :asOf, CAST(:offsets AS jsonb))
                        ON CONFLICT (trigger_key, format) WHERE trigger_key IS NOT NULL DO NOTHING""")
                .param("id", id).param("type", prepared.type()).param("format", format)
                .param("parameters", JSON.writeValueAsString(prepared.parameters()))
                .param("unit", prepared.unitCode()).param("scope", scopeRegion)
                .param("audience", prepared.audienceRegion()).param("origin", origin).param("trigger", triggerKey)
                .param("by", requestedBy).param("now", Timestamp.from(now))
                .param("version", JSON.writeValueAsString(prepared.dataVersion()))
                .param("asOf", prepared.dataAsOf() == null ? null : Timestamp.from(prepared.dataAsOf()))
                .param("offsets", JSON.writeValueAsString(prepared.offsets()))
                .update() == 1;
    }

    /**
     * A kept file of the same type, format, parameters, requester's scope and data version: one done, or one still
     * queued or running in this instance ({@code inFlight}); the newest if several.
     */
    Optional<UUID> kept(ReportKinds.Prepared prepared, String format, String scopeRegion, Set<UUID> inFlight) {
        return jdbc.sql("""
                        SELECT id FROM report_generation
                        WHERE report_type = :type AND format = :format AND parameters = CAST(:parameters AS jsonb)
                          AND data_version = CAST(:version AS jsonb) AND scope_region IS NOT DISTINCT FROM CAST(:scope AS text)
                          AND (state = 'DONE' OR (state IN ('QUEUED', 'RUNNING') AND id = ANY (CAST(:inFlight AS uuid[]))))
                        ORDER BY requested_at DESC LIMIT 1""")
                .param("type", prepared.type()).param("format", format)
                .param("parameters", JSON.writeValueAsString(prepared.parameters()))
                .param("version", JSON.writeValueAsString(prepared.dataVersion())).param("scope", scopeRegion)
                .param("inFlight", inFlight.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class).optional();
    }

    void running(UUID id, Instant now) {
        jdbc.sql("UPDATE report_generation SET state = 'RUNNING', started_at = :now WHERE id = :id AND state = 'QUEUED'")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    /** Keeps the file; only a generation still open takes it (one marked failed as stale stays failed). */
    void done(UUID id, ReportKinds.File file, String sha256, Instant now) {
        jdbc.sql("""
                        UPDATE report_generation SET state = 'DONE', finished_at = :now, file_name = :name,
                            media_type = :media, content = :content, size_bytes = :size, sha256 = :sha
                        WHERE id = :id AND state IN ('QUEUED', 'RUNNING')""")
                .param("id", id).param("now", Timestamp.from(now)).param("name", file.name())
                .param("media", file.mediaType()).param("content", file.bytes()).param("size", file.bytes().length)
                .param("sha", sha256).update();
    }

    void failed(UUID id, String code, String detail, Instant now) {
        jdbc.sql("""
                        UPDATE report_generation SET state = 'FAILED', finished_at = :now, problem_code = :code,
                            problem_detail = :detail
                        WHERE id = :id AND state IN ('QUEUED', 'RUNNING')""")
                .param("id", id).param("now", Timestamp.from(now)).param("code", code).param("detail", detail)
                .update();
    }

    /** Marks failed every generation queued or running since before {@code cutoff}; returns their ids. */
    List<UUID> failStale(Instant cutoff, String code, String detail, Instant now) {
        return jdbc.sql("""
                        UPDATE report_generation SET state = 'FAILED', finished_at = :now, problem_code = :code,
                            problem_detail = :detail
                        WHERE state IN ('QUEUED', 'RUNNING') AND requested_at < :cutoff
                        RETURNING id""")
                .param("now", Timestamp.from(now)).param("code", code).param("detail", detail)
                .param("cutoff", Timestamp.from(cutoff)).query(UUID.class).list();
    }

    Optional<Kept> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM report_generation WHERE id = ?").param(id)
                .query((rs, n) -> kept(rs)).optional();
    }

    Optional<Content> content(UUID id) {
        return jdbc.sql("SELECT file_name, media_type, sha256, content FROM report_generation WHERE id = ? AND state = 'DONE'")
                .param(id).query((rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBytes(4))).optional();
    }

    /**
     * One page of the history a reader may see, newest first: everything for a city-wide reader ({@code region}
     * null), else the files whose content lies within the region.
     */
    GenerationStatus.Page page(String region, String type, String unit, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (region != null) {
            where.append(" AND (audience_region = :region OR audience_region LIKE :below)");
            params.put("region", region);
            params.put("below", region + ".%");
        }
        if (type != null) {
            where.append(" AND report_type = :type");
            params.put("type", type);
        }
        if (unit != null) {
            where.append(" AND unit_code = :unit");
            params.put("unit", unit);
        }
        long total = jdbc.sql("SELECT count(*) FROM report_generation" + where).params(params).query(Long.class)
                .single();
        List<GenerationStatus> items = jdbc.sql("SELECT " + COLUMNS + " FROM report_generation" + where
                        + " ORDER BY requested_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> kept(rs).status()).list();
        return new GenerationStatus.Page(items, page, size, total);
    }

    void downloaded(UUID id, String subject, List<String> roles, Instant now) {
        jdbc.sql("""
                        INSERT INTO report_generation_download (generation_id, downloaded_by, roles, downloaded_at)
                        VALUES (:id, :by, :roles, :now)""")
                .param("id", id).param("by", subject).param("roles", roles.toArray(String[]::new))
                .param("now", Timestamp.from(now)).update();
    }

    List<GenerationStatus.Download> downloads(UUID id) {
        return jdbc.sql("""
                        SELECT downloaded_by, roles, downloaded_at FROM report_generation_download
                        WHERE generation_id = ? ORDER BY downloaded_at, id""").param(id)
                .query((rs, n) -> new GenerationStatus.Download(rs.getString(1), strings(rs.getArray(2)),
                        rs.getTimestamp(3).toInstant())).list();
    }

    /** The triggers already taken by scheduled files (any state: a failed one is not retried every interval). */
    boolean scheduled(String triggerKey) {
        return jdbc.sql("SELECT count(*) FROM report_generation WHERE trigger_key = ?").param(triggerKey)
                .query(Long.class).single() > 0;
    }

    private static Kept kept(ResultSet rs) throws SQLException {
        GenerationStatus.Problem problem = problem(rs.getString("problem_code"), rs.getString("problem_detail"));
        Integer size = rs.getObject("size_bytes", Integer.class);
        GenerationStatus status = new GenerationStatus(rs.getObject("id", UUID.class), rs.getString("report_type"),
                rs.getString("format"), JSON.readValue(rs.getString(4), new TypeReference<Map<String, String>>() {
                }), rs.getString("unit_code"), rs.getString("origin"), rs.getString("requested_by"),
                instant(rs, "requested_at"), rs.getString("state"), instant(rs, "started_at"),
                instant(rs, "finished_at"), versions(rs.getString(12)), offsets(rs.getString(14)), instant(rs, "data_as_of"), rs.getString("file_name"), rs.getString("media_type"), size,
                rs.getString("sha256"), problem);
        return new Kept(status, rs.getString("scope_region"), rs.getString("audience_region"));
    }

    /** A stored problem code with the catalogue's title ({@link ReportingProblems}); null without a code. */
    static GenerationStatus.Problem problem(String code, String detail) {
        return code == null ? null : new GenerationStatus.Problem(code, Arrays.stream(ReportingProblems.values())
                .filter(p -> p.code().equals(code)).map(p -> p.definition().title()).findFirst().orElse(null), detail);
    }

    /** A stored data version (jsonb as text); null stays null. */
    static List<GenerationStatus.DataVersion> versions(String json) {
        return json == null ? null : JSON.readValue(json, new TypeReference<List<GenerationStatus.DataVersion>>() {
        });
    }

    static List<GenerationStatus.SourceOffsets> offsets(String json) {
        return json == null ? null : JSON.readValue(json, new TypeReference<List<GenerationStatus.SourceOffsets>>() {
        });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
