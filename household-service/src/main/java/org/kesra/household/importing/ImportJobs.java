package org.kesra.household.importing;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.CursorPage;
import org.kesra.platform.web.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The import jobs and their problem reports, as stored. */
@Component
public class ImportJobs {

    public enum Status {
        /** Waiting for the import worker. */
        ANTRE,
        /** Reading and checking the rows. */
        MEMERIKSA,
        /** Writing households, persons, history and events. */
        MENERAPKAN,
        SELESAI,
        /** All-or-nothing import with problems: nothing was written. */
        DITOLAK,
        /** Stopped by a fault of the service (not of the file); nothing was written. */
        GAGAL;

        boolean running() {
            return this == ANTRE || this == MEMERIKSA || this == MENERAPKAN;
        }
    }

    public enum Mode {
        SEMUA_ATAU_TIDAK, SEBAGIAN
    }

    /**
     * An import as stored and answered. The counters add up: {@code rowsRead = rowsValid + rowsWithProblems} (a row
     * with any problem, of its own, across rows or against the registry, is not valid) and {@code rowsValid =
     * personsCreated + rowsSkipped} (valid rows held back: the rest of a card with a bad row in mode SEBAGIAN, every
     * valid row of a rejected file).
     */
    public record Job(UUID id, String fileName, String fileSha256, long fileSize, String format, String encoding,
                      String delimiter, String profileName, Mode mode, Status status, BigDecimal phaseProgress,
                      long rowsRead, long rowsValid, long rowsWithProblems, long rowsSkipped, long householdsCreated,
                      long personsCreated, long reviewItems, String failure, String regionPrefix, String createdBy, Instant createdAt,
                      Instant startedAt, Instant finishedAt) {
    }

    public record ProblemRow(long rowNumber, String column, String value, String message) {
    }

    private static final String COLUMNS = """
            id, file_name, file_sha256, file_size, format, encoding, delimiter, profile_name, mode, status, phase_progress,
            rows_read, rows_valid, rows_with_problems, rows_skipped, households_created, persons_created, review_items,
            failure, region_prefix, created_by, created_at, started_at, finished_at""";

    private final JdbcClient jdbc;

    public ImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param lease the advisory lock key of the instance that will run the job: see {@link #failAbandoned(int)} */
    public void create(Job job, String idempotencyKey, int lease) {
        jdbc.sql("""
                INSERT INTO household_import (id, file_name, file_sha256, file_size, format, encoding, delimiter,
                    profile_name, mode, status, idempotency_key, region_prefix, created_by, created_at, lease)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(job.id(), job.fileName(), job.fileSha256(), job.fileSize(), job.format(), job.encoding(),
                        job.delimiter(), job.profileName(), job.mode().name(), job.status().name(), idempotencyKey,
                        job.regionPrefix(), job.createdBy(), Timestamp.from(job.createdAt()), lease)
                .update();
    }

    /**
     * Frees the Idempotency-Key of an import that failed through a fault of the service, so that the same upload with
     * the same key starts a new import instead of answering the dead one.
     */
    public void releaseKey(UUID id) {
        jdbc.sql("UPDATE household_import SET idempotency_key = NULL WHERE id = ? AND status = 'GAGAL'").param(id)
                .update();
    }

    public Optional<Job> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM household_import WHERE id = ?").param(id).query(ImportJobs::job)
                .optional();
    }

    public Optional<Job> byIdempotencyKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM household_import WHERE idempotency_key = ?").param(key)
                .query(ImportJobs::job).optional();
    }

    /** The import that already holds this file: completed, or still running. */
    public Optional<Job> sameFile(String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM household_import WHERE file_sha256 = ? "
                        + "AND status IN ('SELESAI', 'ANTRE', 'MEMERIKSA', 'MENERAPKAN') "
                        + "ORDER BY (status = 'SELESAI') DESC, created_at LIMIT 1")
                .param(sha256).query(ImportJobs::job).optional();
    }

    /** Imports visible to a region: those started by callers of that region or below. */
    public PageResponse<Job> page(String regionPrefix, int page, int size) {
        String like = regionPrefix + "%";
        long total = jdbc.sql("SELECT count(*) FROM household_import WHERE region_prefix LIKE ?").param(like)
                .query(Long.class).single();
        List<Job> items = jdbc.sql("SELECT " + COLUMNS + " FROM household_import WHERE region_prefix LIKE ? "
                        + "ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(like, size, (long) page * size).query(ImportJobs::job).list();
        return PageResponse.of(items, page, size, total);
    }

    public void start(UUID id, Status status) {
        jdbc.sql("UPDATE household_import SET status = ?, phase_progress = 0, started_at = coalesce(started_at, ?) "
                        + "WHERE id = ?")
                .params(status.name(), Timestamp.from(Instant.now()), id).update();
    }

    public void progress(UUID id, double fraction, long read, long valid, long withProblems) {
        jdbc.sql("UPDATE household_import SET phase_progress = ?, rows_read = ?, rows_valid = ?, rows_with_problems = ?, "
                        + "heartbeat_at = now() WHERE id = ?")
                .params(BigDecimal.valueOf(Math.round(fraction * 10_000) / 100.0), read, valid, withProblems, id)
                .update();
    }

    public void finish(UUID id, Status status, String failure) {
        jdbc.sql("UPDATE household_import SET status = ?, failure = ?, finished_at = ?, "
                        + "phase_progress = CASE WHEN ? THEN 100 ELSE phase_progress END WHERE id = ?")
                .params(status.name(), failure, Timestamp.from(Instant.now()), status == Status.SELESAI, id).update();
    }

    /** The holding instance is alive (for jobs without a lease): see {@link #failAbandoned(int)}. */
    public void heartbeat(java.util.Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE household_import SET heartbeat_at = now() WHERE id = ANY(?)")
                    .param(ids.toArray(UUID[]::new)).update();
        }
    }

    /** The namespace (first key) of the instances' session advisory locks; the second key is the job's lease. */
    static final int LEASE_NAMESPACE = 1_263_684_436;

    /**
     * Fails the jobs whose instance is gone and removes their staging rows. An instance is gone when no session holds
     * its lease (its advisory lock went with its connection when the process died), which is seen within seconds;
     * jobs from before leases fall back to five minutes without heartbeat. Their spooled file went with the instance,
     * so they cannot resume, and their apply transaction, if any, is rolled back by PostgreSQL.
     *
     * @param ownLease this instance's lease, whose jobs are alive by definition
     * @return the jobs failed now
     */
    public List<UUID> failAbandoned(int ownLease) {
        List<UUID> failed = jdbc.sql("""
                UPDATE household_import SET status = 'GAGAL', finished_at = now(), failure =
                    'Layanan berhenti saat impor berjalan; tidak ada data yang disimpan. Unggah ulang berkasnya.'
                WHERE status IN ('ANTRE', 'MEMERIKSA', 'MENERAPKAN')
                  AND CASE WHEN lease IS NULL THEN heartbeat_at < now() - interval '5 minutes'
                           ELSE lease <> ? AND NOT EXISTS (
                               SELECT 1 FROM pg_locks l
                               WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                                 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                                 AND l.classid = ?::integer::oid AND l.objid = lease::oid) END
                RETURNING id""")
                .params(ownLease, LEASE_NAMESPACE).query(UUID.class).list();
        if (!failed.isEmpty()) {
            jdbc.sql("DELETE FROM household_import_row WHERE import_id = ANY(?)").param(failed.toArray(UUID[]::new))
                    .update();
        }
        return failed;
    }

    /** Staging rows of imports that no longer run: left by an instance that died before it could remove them. */
    public int dropOrphanedStaging() {
        return jdbc.sql("""
                DELETE FROM household_import_row r WHERE NOT EXISTS (
                    SELECT 1 FROM household_import j
                    WHERE j.id = r.import_id AND j.status IN ('ANTRE', 'MEMERIKSA', 'MENERAPKAN'))""").update();
    }

    public void phase(UUID id, double fraction) {
        jdbc.sql("UPDATE household_import SET phase_progress = ?, heartbeat_at = now() WHERE id = ?")
                .params(BigDecimal.valueOf(Math.round(fraction * 10_000) / 100.0), id).update();
    }

    public void created(UUID id, long households, long persons, long reviews, long valid, long withProblems,
                        long skipped) {
        jdbc.sql("UPDATE household_import SET households_created = ?, persons_created = ?, review_items = ?, "
                        + "rows_valid = ?, rows_with_problems = ?, rows_skipped = ? WHERE id = ?")
                .params(households, persons, reviews, valid, withProblems, skipped, id).update();
    }

    public PageResponse<ProblemRow> problems(UUID id, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM household_import_problem WHERE import_id = ?").param(id)
                .query(Long.class).single();
        List<ProblemRow> items = jdbc.sql("""
                SELECT row_number, column_name, value, message FROM household_import_problem WHERE import_id = ?
                ORDER BY row_number, column_name NULLS FIRST, message LIMIT ? OFFSET ?""")
                .params(id, size, (long) page * size)
                .query((rs, n) -> new ProblemRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        return PageResponse.of(items, page, size, total);
    }

    /**
     * The problems after {@code cursor}, in the order of the numbered pages (row, column, message) with the insertion
     * number {@code seq} as the last key, so two equal problems of one row still have a place each. The row number
     * bounds the index range of {@code household_import_problem_import}. Never counted: the job has the totals.
     */
    public CursorPage<ProblemRow> problems(UUID id, String cursor, int size) {
        List<Object> filters = List.of(id);
        Optional<Cursor.Position> after = Cursor.decode(cursor, "import-problems", filters, 4);
        String condition = "import_id = ?";
        List<Object> args = new ArrayList<>(List.of(id));
        if (after.isPresent()) {
            Cursor.Position position = after.get();
            condition += " AND row_number >= ? AND (row_number, coalesce(column_name, ''), message, seq) > (?, ?, ?, ?)";
            args.addAll(List.of(position.whole(0), position.whole(0), position.text(1), position.text(2),
                    position.whole(3)));
        }
        args.add(size + 1);
        List<Keyed> rows = jdbc.sql("SELECT row_number, column_name, value, message, seq FROM household_import_problem "
                        + "WHERE " + condition + " ORDER BY row_number, coalesce(column_name, ''), message, seq LIMIT ?")
                .params(args)
                .query((rs, n) -> new Keyed(new ProblemRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)), rs.getLong(5)))
                .list();
        return CursorPage.of(rows, size, last -> Cursor.encode("import-problems", filters,
                List.of(last.row().rowNumber(), last.row().column() == null ? "" : last.row().column(),
                        last.row().message(), last.seq()))).map(Keyed::row);
    }

    private record Keyed(ProblemRow row, long seq) {
    }

    /**
     * Streams the whole problem report as CSV; cells that a spreadsheet would run as a formula are escaped.
     *
     * @param view each problem as the reader may see it (NIKs masked for masked readers), applied row by row
     */
    public void writeProblemsCsv(UUID id, Writer out, java.util.function.UnaryOperator<ProblemRow> view) {
        try {
            out.write("baris,kolom,nilai,masalah\r\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        jdbc.sql("""
                SELECT row_number, column_name, value, message FROM household_import_problem WHERE import_id = ?
                ORDER BY row_number, column_name NULLS FIRST, message""")
                .param(id)
                .query(rs -> {
                    ProblemRow row = view.apply(new ProblemRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                    try {
                        out.write(row.rowNumber() + "," + csvCell(row.column()) + "," + csvCell(row.value()) + ","
                                + csvCell(row.message()) + "\r\n");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    /**
     * A value as a CSV cell that no spreadsheet will evaluate: a leading {@code = + - @} (or tab / carriage return)
     * gets an apostrophe in front (OWASP CSV injection), then the usual quoting.
     */
    static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                || safe.startsWith("'")) {
            safe = "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static Job job(ResultSet rs, int row) throws SQLException {
        return new Job(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("file_sha256"),
                rs.getLong("file_size"), rs.getString("format"), rs.getString("encoding"), rs.getString("delimiter"),
                rs.getString("profile_name"), Mode.valueOf(rs.getString("mode")), Status.valueOf(rs.getString("status")),
                rs.getBigDecimal("phase_progress"), rs.getLong("rows_read"), rs.getLong("rows_valid"),
                rs.getLong("rows_with_problems"), rs.getLong("rows_skipped"), rs.getLong("households_created"),
                rs.getLong("persons_created"),
                rs.getLong("review_items"), rs.getString("failure"), rs.getString("region_prefix"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
