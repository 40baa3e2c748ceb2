package org.kesra.welfare.verivali;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.CursorPage;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Violation;
import org.kesra.sheets.SheetRow;
import org.kesra.sheets.SheetSource;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.catalogue.ProgrammeCatalogue;
import org.kesra.welfare.catalogue.ProgrammeExclusions;
import org.kesra.welfare.uploads.UploadedSheets;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifikasi dan validasi of a programme's recipient list. Every row is kept as it came and classified by set
 * queries: a malformed NIK, a NIK listed twice, then the exact NIK against the resident copy (deceased, moved out of
 * the city, name too different, another kelurahan), then for unknown NIKs the same birth date and kelurahan with a
 * similar name (likely a wrong NIK), else unknown. Matched rows get the family's decile from the newest DTSEN list
 * and the programme's decile limit. A verifier then decides each row with a reason.
 */
@Service
public class Verivali {

    private static final Logger log = LoggerFactory.getLogger(Verivali.class);
    private static final List<String> COLUMNS = List.of("nik", "nama", "tanggal_lahir", "kode_kelurahan");

    /** Below this trigram similarity two spellings of a name are treated as different names. */
    static final double SAME_NAME = 0.5;
    /** For a row whose NIK is unknown, a resident this similar, born the same day in the same kelurahan. */
    static final double LIKELY_SAME_PERSON = 0.6;
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd-MM-uuuu", Locale.ROOT), DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT));

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ProgrammeCatalogue catalogue;
    private final ProgrammeExclusions exclusions;

    public Verivali(JdbcClient jdbc, DataSource dataSource, ProgrammeCatalogue catalogue,
                    ProgrammeExclusions exclusions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.catalogue = catalogue;
        this.exclusions = exclusions;
    }

    public record Summary(UUID id, String programme, String fileName, int rows, long padan, long tidakPadan,
                          Map<String, Long> reasons, long eligible, long notEligible, long decided,
                          String uploadedBy) {
    }

    public record Row(int rowNo, String nik, String name, LocalDate birthDate, String kelurahanCode, UUID personId,
                      String matchStatus, String reason, Integer decile, Boolean eligible, String decision,
                      String decisionReason, String decidedBy) {
    }

    public record DecisionRequest(String decision, String reason) {
    }

    /**
     * Stores and classifies a list in one transaction: the rows are streamed from the upload into a temporary table
     * with COPY (nothing of the list is held in memory), then classified and written to {@code verivali_row} by one
     * INSERT ... SELECT, so each row is written once. (Seven UPDATE passes over the stored rows were most of the
     * time, docs/benchmarks.md.)
     */
    @Transactional
    public Summary upload(String programme, String fileName, Path file, String fileSha256, String actor)
            throws IOException {
        // The programme is required by the web layer; an unknown one is a 404, as everywhere.
        catalogue.require(programme);
        long started = System.nanoTime();
        jdbc.sql("""
                CREATE TEMPORARY TABLE verivali_input (row_no int, nik text, name text, birth_date date,
                                                       kelurahan_code text, nik_as_number boolean) ON COMMIT DROP""")
                .update();
        int rows;
        try (SheetSource sheet = UploadedSheets.open(file, fileName)) {
            rows = stage(sheet, UploadedSheets.columns(sheet, List.of("nik", "nama"), COLUMNS));
        }
        if (rows == 0) {
            throw WelfareProblems.LIST_EMPTY.refuse("Berkas tidak berisi baris data.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO verivali_batch (id, programme_code, file_name, file_sha256, row_count, uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, programme, fileName == null ? "daftar.csv" : fileName, fileSha256, rows, actor).update();
        long staged = System.nanoTime();
        jdbc.sql("ANALYZE verivali_input").update(); // the planner would otherwise guess the size of a new table
        classify(id, programme);
        long classified = System.nanoTime();
        Summary summary = summary(id);
        log.info("verivali {} ({} rows): read and staged in {} ms, classified in {} ms, summary in {} ms", id, rows,
                (staged - started) / 1_000_000, (classified - staged) / 1_000_000,
                (System.nanoTime() - classified) / 1_000_000);
        return summary;
    }

    /**
     * Streams the list's rows into verivali_input through COPY; returns how many there were. A NIK Excel stored as
     * a number has lost its last digit (Excel keeps 15), so such a row is never matched by its NIK.
     */
    private int stage(SheetSource sheet, Map<String, Integer> columns) throws IOException {
        int nik = columns.get("nik");
        int name = columns.get("nama");
        int birth = columns.get("tanggal_lahir");
        int kelurahan = columns.get("kode_kelurahan");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        int rows = 0;
        try (CSVPrinter copy = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(
                connection.unwrap(PGConnection.class), "COPY verivali_input FROM STDIN (FORMAT csv)", 1 << 16),
                StandardCharsets.UTF_8), 1 << 16), CSVFormat.POSTGRESQL_CSV)) {
            for (Iterator<SheetRow> it = sheet.rows(); it.hasNext(); ) {
                SheetRow row = it.next();
                rows++;
                String code = row.text(kelurahan);
                LocalDate born = date(row.text(birth));
                copy.printRecord(row.number(), row.text(nik), row.text(name), born == null ? null : born.toString(),
                        code.isEmpty() ? null : code, row.numericCells().contains(nik));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into verivali_input failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return rows;
    }

    /**
     * Every row classified in one statement, in this order: a malformed NIK; a NIK listed again further down; the
     * exact NIK against the resident copy (deceased, moved out of the city, name too different, another kelurahan,
     * else padan); for an unknown NIK the same birth date and kelurahan with a similar name (likely a wrong NIK);
     * else unknown. A row matching in every field whose family (or the person, for a programme of persons) is an
     * active KPM of a programme this one excludes is not padan (PROGRAM_BERTENTANGAN) and not eligible. Padan rows
     * get the family's decile from the newest DTSEN list and eligibility from the programme's decile limit; the
     * deceased and the moved away are not eligible.
     * <p>Shape, for speed (docs/benchmarks.md): the exact NIK is a join the planner can hash, and each further lookup
     * (likely person, decile, conflicting programme) runs only over the rows that need it, joined back by row number.
     * The same lookups as LATERAL subqueries ran once per row of the list and were most of the time.
     */
    private void classify(UUID batch, String programme) {
        Integer maxDecile = catalogue.parameter(programme, "DESIL_MAKS", LocalDate.now())
                .map(Long::intValue).orElse(null);
        List<String> excluded = exclusions.inForce(programme, LocalDate.now());
        // For this transaction only: PostgreSQL's JIT compiled this statement for ~0.6 s on a 200,000-row list (its
        // cost estimate counts every lateral lookup), longer than it saves; the sort by NIK spilled to disk at 4 MB.
        jdbc.sql("SET LOCAL jit = off").update();
        jdbc.sql("SET LOCAL work_mem = '64MB'").update();
        jdbc.sql("""
                INSERT INTO verivali_row (batch_id, row_no, nik, name, birth_date, kelurahan_code, person_id,
                                          match_status, reason, decile, eligible)
                WITH input AS (
                    SELECT i.*, NOT i.nik_as_number AND i.nik ~ '^[0-9]{16}$' AS valid,
                           row_number() OVER (PARTITION BY i.nik ORDER BY i.row_no) AS occurrence
                    FROM verivali_input i),
                exact AS (
                    SELECT DISTINCT ON (i.row_no) i.*, r.person_id AS exact_person, r.household_id, r.kk_number,
                           CASE
                            WHEN r.person_id IS NULL THEN NULL
                            WHEN r.life_status = 'MENINGGAL' THEN 'MENINGGAL'
                            WHEN r.life_status = 'PINDAH' THEN 'PINDAH_KELUAR_KOTA'
                            WHEN i.name <> r.name
                                 AND similarity(person_name_key(i.name), person_name_key(r.name)) < :sameName
                                THEN 'NAMA_BERBEDA'
                            WHEN i.kelurahan_code IS NOT NULL AND i.kelurahan_code IS DISTINCT FROM r.kelurahan_code
                                THEN 'ALAMAT_BERBEDA'
                           END AS exact_reason
                    FROM input i
                    LEFT JOIN resident r ON i.valid AND i.occurrence = 1 AND r.nik = i.nik
                    ORDER BY i.row_no, r.updated_at DESC),
                likely AS (
                    SELECT e.row_no, l.person_id FROM exact e
                    CROSS JOIN LATERAL (
                        SELECT r.person_id FROM resident r
                        WHERE r.birth_date = e.birth_date AND r.kelurahan_code = e.kelurahan_code
                          AND similarity(person_name_key(r.name), person_name_key(e.name)) >= :likely
                        ORDER BY similarity(person_name_key(r.name), person_name_key(e.name)) DESC, r.person_id
                        LIMIT 1) l
                    WHERE e.valid AND e.occurrence = 1 AND e.exact_person IS NULL AND e.birth_date IS NOT NULL),
                deciles AS (
                    SELECT DISTINCT ON (e.row_no) e.row_no, s.decile
                    FROM exact e
                    JOIN decile_snapshot s ON s.kk_number = e.kk_number
                    JOIN decile_import di ON di.period = s.period AND di.period_from <= current_date
                    WHERE CAST(:maxDecile AS int) IS NOT NULL AND e.exact_person IS NOT NULL
                      AND e.exact_reason IS NULL
                    ORDER BY e.row_no, di.period_from DESC),
                conflicts AS (
                    SELECT DISTINCT ON (e.row_no) e.row_no, en.programme_code
                    FROM exact e
                    JOIN enrolment en ON en.household_id = e.household_id OR en.person_id = e.exact_person
                    WHERE CAST(:excluded AS text) <> '' AND e.exact_person IS NOT NULL AND e.exact_reason IS NULL
                      AND en.programme_code = ANY (string_to_array(CAST(:excluded AS text), ','))
                      AND en.status <> 'BERAKHIR' AND en.period_start <= current_date
                      AND (en.period_end IS NULL OR en.period_end >= current_date)
                    ORDER BY e.row_no, en.programme_code),
                classified AS (
                    SELECT e.*, likely.person_id AS likely_person, deciles.decile, conflicts.programme_code AS conflict,
                           e.exact_person IS NOT NULL AND e.exact_reason IS NULL AND conflicts.programme_code IS NULL
                               AS padan
                    FROM exact e
                    LEFT JOIN likely ON likely.row_no = e.row_no
                    LEFT JOIN deciles ON deciles.row_no = e.row_no
                    LEFT JOIN conflicts ON conflicts.row_no = e.row_no)
                SELECT :batch, row_no, nik, name, birth_date, kelurahan_code, coalesce(exact_person, likely_person),
                       CASE WHEN padan THEN 'PADAN' ELSE 'TIDAK_PADAN' END,
                       CASE WHEN NOT valid THEN 'NIK_TIDAK_VALID'
                            WHEN occurrence > 1 THEN 'TERCANTUM_GANDA'
                            WHEN exact_reason IS NOT NULL THEN exact_reason
                            WHEN conflict IS NOT NULL THEN 'PROGRAM_BERTENTANGAN'
                            WHEN exact_person IS NOT NULL THEN NULL
                            WHEN likely_person IS NOT NULL THEN 'NIK_BERBEDA'
                            ELSE 'NIK_TIDAK_DIKENAL' END,
                       decile,
                       CASE WHEN exact_reason IN ('MENINGGAL', 'PINDAH_KELUAR_KOTA') OR conflict IS NOT NULL THEN false
                            WHEN decile IS NOT NULL THEN decile <= CAST(:maxDecile AS int) END
                FROM classified""")
                .param("batch", batch).param("sameName", SAME_NAME).param("likely", LIKELY_SAME_PERSON)
                .param("maxDecile", maxDecile).param("excluded", String.join(",", excluded)).update();
    }

    public Summary summary(UUID id) {
        List<Map<String, Object>> found = jdbc.sql("""
                SELECT programme_code, file_name, row_count, uploaded_by FROM verivali_batch WHERE id = ?""")
                .param(id).query().listOfRows();
        if (found.isEmpty()) {
            throw notFound(id);
        }
        Map<String, Object> batch = found.get(0);
        Map<String, Long> reasons = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT reason, count(*) FROM verivali_row WHERE batch_id = ? AND reason IS NOT NULL
                GROUP BY reason ORDER BY reason""").param(id)
                .query((rs, n) -> reasons.put(rs.getString(1), rs.getLong(2))).list();
        Map<String, Object> counts = jdbc.sql("""
                SELECT count(*) FILTER (WHERE match_status = 'PADAN') AS padan,
                       count(*) FILTER (WHERE match_status = 'TIDAK_PADAN') AS tidak_padan,
                       count(*) FILTER (WHERE eligible) AS eligible,
                       count(*) FILTER (WHERE NOT eligible) AS not_eligible,
                       count(*) FILTER (WHERE decision IS NOT NULL) AS decided
                FROM verivali_row WHERE batch_id = ?""").param(id).query().singleRow();
        return new Summary(id, (String) batch.get("programme_code"), (String) batch.get("file_name"),
                (Integer) batch.get("row_count"), (Long) counts.get("padan"), (Long) counts.get("tidak_padan"),
                reasons, (Long) counts.get("eligible"), (Long) counts.get("not_eligible"), (Long) counts.get("decided"),
                (String) batch.get("uploaded_by"));
    }

    public PageResponse<Row> rows(UUID id, String status, String reason, int page, int size) {
        summary(id);
        String condition = "batch_id = ? AND (CAST(? AS text) IS NULL OR match_status = ?) "
                + "AND (CAST(? AS text) IS NULL OR reason = ?)";
        List<Object> args = new ArrayList<>(java.util.Arrays.asList(id, status, status, reason, reason));
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Row> items = jdbc.sql(SELECT + " WHERE " + condition + " ORDER BY row_no LIMIT ? OFFSET ?")
                .params(pageArgs).query(Row.class).list();
        String countSql = "SELECT count(*) FROM verivali_row WHERE " + condition;
        return PageResponse.of(items, page, size,
                () -> jdbc.sql(countSql).params(args).query(Long.class).single());
    }

    /**
     * The rows after {@code cursor}, in file order: the primary key (batch, row number) holds that order, so every
     * page costs what the first does. Never counted: the summary has the totals.
     */
    public CursorPage<Row> rows(UUID id, String status, String reason, String cursor, int size) {
        summary(id);
        List<Object> filters = java.util.Arrays.asList(id, status, reason);
        java.util.Optional<Cursor.Position> after = Cursor.decode(cursor, "verivali-rows", filters, 1);
        String condition = "batch_id = ? AND (CAST(? AS text) IS NULL OR match_status = ?) "
                + "AND (CAST(? AS text) IS NULL OR reason = ?) AND row_no > ?";
        List<Object> args = new ArrayList<>(java.util.Arrays.asList(id, status, status, reason, reason,
                after.map(p -> p.whole(0)).orElse((long) Integer.MIN_VALUE), size + 1));
        List<Row> rows = jdbc.sql(SELECT + " WHERE " + condition + " ORDER BY row_no LIMIT ?")
                .params(args).query(Row.class).list();
        return CursorPage.of(rows, size, last -> Cursor.encode("verivali-rows", filters, List.of(last.rowNo())));
    }

    @Transactional
    public Row decide(UUID id, int rowNo, DecisionRequest request, String actor) {
        List<Violation> problems = new ArrayList<>();
        if (request.decision() == null || !List.of("DITERIMA", "DITOLAK").contains(request.decision())) {
            problems.add(Violation.field("/decision", "Keputusan harus DITERIMA atau DITOLAK."));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            problems.add(Violation.field("/reason", "Alasan keputusan wajib diisi."));
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.DECISION_INVALID.refuse(
                    "Keputusan tidak dapat dicatat; periksa isian yang disebutkan.", problems);
        }
        Row row = jdbc.sql(SELECT + " WHERE batch_id = ? AND row_no = ? FOR UPDATE").params(id, rowNo)
                .query(Row.class).optional().orElseThrow(() -> WelfareProblems.ROW_NOT_FOUND.refuse(
                        "Baris " + rowNo + " tidak ada pada daftar " + id + "."));
        if (row.decision() != null) {
            throw WelfareProblems.ALREADY_DECIDED.refuse(
                    "Baris " + rowNo + " sudah diputuskan (" + row.decision() + ") oleh " + row.decidedBy() + ".");
        }
        jdbc.sql("""
                UPDATE verivali_row SET decision = ?, decision_reason = ?, decided_by = ?, decided_at = now()
                WHERE batch_id = ? AND row_no = ?""")
                .params(request.decision(), request.reason().trim(), actor, id, rowNo).update();
        return jdbc.sql(SELECT + " WHERE batch_id = ? AND row_no = ?").params(id, rowNo).query(Row.class).single();
    }

    /** A list as the work queue shows it: what was uploaded, by whom and when, and how far the decisions are. */
    public record Batch(UUID id, String programme, String fileName, int rows, long tidakPadan, long decided,
                        String uploadedBy, java.time.Instant uploadedAt) {
    }

    /**
     * A resident of the registry who may be the person an unmatched row means, closest first.
     *
     * @param nameSimilarity trigram similarity of the two names (0 to 1), after {@code person_name_key}
     * @param sameNik        the row's NIK is this resident's
     * @param matchedByList  the resident the matching linked to the row (the exact NIK, or the likely person)
     */
    public record Candidate(UUID personId, String nik, String name, LocalDate birthDate, String kelurahanCode,
                            String lifeStatus, double nameSimilarity, boolean sameNik, boolean sameBirthDate,
                            boolean sameKelurahan, boolean matchedByList) {
    }

    /** One row of a list beside the residents it may mean, as a verifier compares them before deciding. */
    public record RowCandidates(Row row, List<Candidate> candidates) {
    }

    /** How many candidates an unmatched row is shown beside. */
    static final int CANDIDATES = 5;
    /** Below this similarity a resident of the row's kelurahan (another birth date) is not offered as a candidate. */
    static final double CANDIDATE_NAME = 0.4;
    /** Born the same day, a looser spelling still makes a candidate: the date narrows the city to a few people. */
    static final double CANDIDATE_NAME_SAME_BIRTH = 0.3;

    /** The lists uploaded, newest first. */
    public List<Batch> batches(int size) {
        return jdbc.sql("""
                SELECT b.id, b.programme_code AS programme, b.file_name, b.row_count AS rows,
                       (SELECT count(*) FROM verivali_row r WHERE r.batch_id = b.id
                                                             AND r.match_status = 'TIDAK_PADAN') AS tidak_padan,
                       (SELECT count(*) FROM verivali_row r WHERE r.batch_id = b.id AND r.decision IS NOT NULL)
                           AS decided,
                       b.uploaded_by, b.uploaded_at
                FROM verivali_batch b ORDER BY b.uploaded_at DESC, b.id LIMIT ?""").param(size)
                .query(Batch.class).list();
    }

    /**
     * The residents closest to one row, for a verifier to compare side by side: the resident the matching linked to
     * it, the holder of its NIK, and residents of a similar name born the same day or living in the same kelurahan.
     * Ordered by what they share with the row (NIK, birth date, kelurahan), then by name similarity. The row comes
     * with them, so one answer has both sides.
     */
    public RowCandidates candidates(UUID id, int rowNo) {
        summary(id);
        Row row = jdbc.sql(SELECT + " WHERE batch_id = ? AND row_no = ?").params(id, rowNo).query(Row.class)
                .optional().orElseThrow(() -> WelfareProblems.ROW_NOT_FOUND.refuse(
                        "Baris " + rowNo + " tidak ada pada daftar " + id + "."));
        List<Candidate> candidates = jdbc.sql("""
                WITH q AS (
                    SELECT CAST(:linked AS uuid) AS linked, CAST(:nik AS text) AS nik,
                           person_name_key(CAST(:name AS text)) AS name, CAST(:born AS date) AS born,
                           CAST(:kelurahan AS text) AS kelurahan),
                found AS (
                    SELECT r.*, similarity(person_name_key(r.name), q.name) AS name_similarity,
                           (r.person_id = q.linked) IS TRUE AS matched_by_list, r.nik = q.nik AS same_nik,
                           (r.birth_date = q.born) IS TRUE AS same_birth_date,
                           (r.kelurahan_code = q.kelurahan) IS TRUE AS same_kelurahan
                    FROM resident r, q
                    WHERE r.person_id = q.linked OR r.nik = q.nik
                       OR (r.birth_date = q.born AND similarity(person_name_key(r.name), q.name) >= :sameBirth)
                       OR (r.kelurahan_code = q.kelurahan AND similarity(person_name_key(r.name), q.name) >= :sameKelurahan))
                SELECT person_id, nik, name, birth_date, kelurahan_code, life_status, name_similarity, same_nik,
                       same_birth_date, same_kelurahan, matched_by_list
                FROM found
                ORDER BY matched_by_list::int + same_nik::int + same_birth_date::int + same_kelurahan::int DESC,
                         name_similarity DESC, person_id
                LIMIT :limit""")
                .param("linked", row.personId()).param("nik", row.nik()).param("name", row.name())
                .param("born", row.birthDate()).param("kelurahan", row.kelurahanCode())
                .param("sameBirth", CANDIDATE_NAME_SAME_BIRTH).param("sameKelurahan", CANDIDATE_NAME)
                .param("limit", CANDIDATES).query(Candidate.class).list();
        return new RowCandidates(row, candidates);
    }

    /** Every row, in the list's order, for export. */
    public List<Row> all(UUID id) {
        summary(id);
        return jdbc.sql(SELECT + " WHERE batch_id = ? ORDER BY row_no").param(id).query(Row.class).list();
    }

    private static final String SELECT = """
            SELECT row_no, nik, name, birth_date, kelurahan_code, person_id, match_status, reason, decile::int AS decile,
                   eligible, decision, decision_reason, decided_by FROM verivali_row""";

    private static Refusal notFound(UUID id) {
        return WelfareProblems.VERIVALI_NOT_FOUND.refuse("Daftar verivali " + id + " tidak ditemukan.");
    }

    /** The three ways dates come in these lists, told apart by their shape rather than by failed parses. */
    private static LocalDate date(String text) {
        if (text.length() != 10) {
            return null;
        }
        DateTimeFormatter format = text.charAt(4) == '-' ? DATES.get(0)
                : text.charAt(2) == '-' ? DATES.get(1)
                : text.charAt(2) == '/' ? DATES.get(2) : null;
        if (format == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, format);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
