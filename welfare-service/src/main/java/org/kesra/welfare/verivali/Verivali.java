package org.kesra.welfare.verivali;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kesra.platform.web.ApiProblemException;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Violation;
import org.kesra.welfare.catalogue.ProgrammeCatalogue;
import org.kesra.welfare.uploads.UploadedCsv;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    /** Below this trigram similarity two spellings of a name are treated as different names. */
    static final double SAME_NAME = 0.5;
    /** For a row whose NIK is unknown, a resident this similar, born the same day in the same kelurahan. */
    static final double LIKELY_SAME_PERSON = 0.6;
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd-MM-uuuu"), DateTimeFormatter.ofPattern("dd/MM/uuuu"));

    private final JdbcClient jdbc;
    private final ProgrammeCatalogue catalogue;

    public Verivali(JdbcClient jdbc, ProgrammeCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
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

    @Transactional
    public Summary upload(String programme, String fileName, InputStream file, String actor) throws IOException {
        if (programme == null || catalogue.programme(programme).isEmpty()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "WF-PROGRAM-TIDAK-DIKENAL", null,
                    "Sebutkan program daftar ini (parameter program), mis. PKH atau SEMBAKO.");
        }
        List<String> niks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<LocalDate> births = new ArrayList<>();
        List<String> kelurahan = new ArrayList<>();
        String fileSha256;
        try (UploadedCsv csv = UploadedCsv.open(file)) {
            CSVParser parser = csv.parser();
            List<String> missing = new ArrayList<>();
            for (String required : List.of("nik", "nama")) {
                if (parser.getHeaderNames().stream().noneMatch(h -> h.equalsIgnoreCase(required))) {
                    missing.add(required);
                }
            }
            if (!missing.isEmpty()) {
                throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "WF-KOLOM-KURANG", null,
                        "Kolom wajib tidak ada: " + String.join(", ", missing) + ". Kolom yang dikenali: nik, nama, "
                                + "tanggal_lahir, kode_kelurahan.",
                        missing.stream().map(m -> Violation.cell(1, m, null, "Kolom " + m + " wajib ada.")).toList());
            }
            for (CSVRecord record : parser) {
                niks.add(value(record, "nik"));
                names.add(value(record, "nama"));
                births.add(date(value(record, "tanggal_lahir")));
                String code = value(record, "kode_kelurahan");
                kelurahan.add(code.isEmpty() ? null : code);
            }
            fileSha256 = csv.sha256();
        }
        if (niks.isEmpty()) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "WF-BERKAS-KOSONG", null,
                    "Berkas tidak berisi baris data.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO verivali_batch (id, programme_code, file_name, file_sha256, row_count, uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, programme, fileName == null ? "daftar.csv" : fileName,
                        fileSha256, niks.size(), actor).update();
        for (int start = 0; start < niks.size(); start += 10_000) {
            int end = Math.min(niks.size(), start + 10_000);
            Integer[] rowNos = new Integer[end - start];
            for (int i = start; i < end; i++) {
                rowNos[i - start] = i + 2; // the spreadsheet's own row number: the header is row 1
            }
            jdbc.sql("""
                    INSERT INTO verivali_row (batch_id, row_no, nik, name, birth_date, kelurahan_code)
                    SELECT ?, * FROM unnest(?::int[], ?::text[], ?::text[], ?::date[], ?::text[])""")
                    .params(id, rowNos, niks.subList(start, end).toArray(String[]::new),
                            names.subList(start, end).toArray(String[]::new),
                            births.subList(start, end).stream().map(d -> d == null ? null : java.sql.Date.valueOf(d))
                                    .toArray(java.sql.Date[]::new),
                            kelurahan.subList(start, end).toArray(String[]::new))
                    .update();
        }
        classify(id, programme);
        return summary(id);
    }

    private void classify(UUID batch, String programme) {
        jdbc.sql("""
                UPDATE verivali_row SET match_status = 'TIDAK_PADAN', reason = 'NIK_TIDAK_VALID'
                WHERE batch_id = ? AND nik !~ '^[0-9]{16}$'""").param(batch).update();
        jdbc.sql("""
                UPDATE verivali_row r SET match_status = 'TIDAK_PADAN', reason = 'TERCANTUM_GANDA'
                FROM (SELECT row_no, row_number() OVER (PARTITION BY nik ORDER BY row_no) AS n
                      FROM verivali_row WHERE batch_id = :batch AND reason IS NULL) d
                WHERE r.batch_id = :batch AND r.row_no = d.row_no AND d.n > 1""").param("batch", batch).update();
        jdbc.sql("""
                UPDATE verivali_row r SET person_id = res.person_id,
                    reason = CASE
                        WHEN res.life_status = 'MENINGGAL' THEN 'MENINGGAL'
                        WHEN res.life_status = 'PINDAH' THEN 'PINDAH_KELUAR_KOTA'
                        WHEN similarity(person_name_key(r.name), person_name_key(res.name)) < :sameName
                            THEN 'NAMA_BERBEDA'
                        WHEN r.kelurahan_code IS NOT NULL AND r.kelurahan_code IS DISTINCT FROM res.kelurahan_code
                            THEN 'ALAMAT_BERBEDA'
                    END
                FROM resident res
                WHERE r.batch_id = :batch AND r.match_status IS NULL AND res.nik = r.nik""")
                .param("batch", batch).param("sameName", SAME_NAME).update();
        jdbc.sql("""
                UPDATE verivali_row SET match_status = CASE WHEN reason IS NULL THEN 'PADAN' ELSE 'TIDAK_PADAN' END
                WHERE batch_id = ? AND match_status IS NULL AND person_id IS NOT NULL""").param(batch).update();
        jdbc.sql("""
                UPDATE verivali_row r SET match_status = 'TIDAK_PADAN', reason = 'NIK_BERBEDA', person_id = (
                    SELECT res.person_id FROM resident res
                    WHERE res.birth_date = r.birth_date AND res.kelurahan_code = r.kelurahan_code
                      AND similarity(person_name_key(res.name), person_name_key(r.name)) >= :likely
                    ORDER BY similarity(person_name_key(res.name), person_name_key(r.name)) DESC LIMIT 1)
                WHERE r.batch_id = :batch AND r.match_status IS NULL AND r.birth_date IS NOT NULL
                  AND EXISTS (SELECT 1 FROM resident res WHERE res.birth_date = r.birth_date
                      AND res.kelurahan_code = r.kelurahan_code
                      AND similarity(person_name_key(res.name), person_name_key(r.name)) >= :likely)""")
                .param("batch", batch).param("likely", LIKELY_SAME_PERSON).update();
        jdbc.sql("""
                UPDATE verivali_row SET match_status = 'TIDAK_PADAN', reason = 'NIK_TIDAK_DIKENAL'
                WHERE batch_id = ? AND match_status IS NULL""").param(batch).update();
        jdbc.sql("""
                UPDATE verivali_row SET eligible = false
                WHERE batch_id = ? AND reason IN ('MENINGGAL', 'PINDAH_KELUAR_KOTA')""").param(batch).update();
        catalogue.parameter(programme, "DESIL_MAKS", LocalDate.now()).ifPresent(max -> jdbc.sql("""
                UPDATE verivali_row r SET decile = d.decile, eligible = d.decile <= :max
                FROM resident res, LATERAL (
                    SELECT s.decile FROM decile_snapshot s JOIN decile_import i ON i.period = s.period
                    WHERE s.kk_number = res.kk_number AND i.period_from <= current_date
                    ORDER BY i.period_from DESC LIMIT 1) d
                WHERE r.batch_id = :batch AND r.match_status = 'PADAN' AND res.person_id = r.person_id""")
                .param("batch", batch).param("max", max).update());
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
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "WF-KEPUTUSAN-TIDAK-VALID", null,
                    "Keputusan tidak dapat dicatat; periksa isian yang disebutkan.", problems);
        }
        Row row = jdbc.sql(SELECT + " WHERE batch_id = ? AND row_no = ? FOR UPDATE").params(id, rowNo)
                .query(Row.class).optional().orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND,
                        "WF-BARIS-TIDAK-DITEMUKAN", null, "Baris " + rowNo + " tidak ada pada daftar " + id + "."));
        if (row.decision() != null) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "WF-SUDAH-DIPUTUSKAN", null,
                    "Baris " + rowNo + " sudah diputuskan (" + row.decision() + ") oleh " + row.decidedBy() + ".");
        }
        jdbc.sql("""
                UPDATE verivali_row SET decision = ?, decision_reason = ?, decided_by = ?, decided_at = now()
                WHERE batch_id = ? AND row_no = ?""")
                .params(request.decision(), request.reason().trim(), actor, id, rowNo).update();
        return jdbc.sql(SELECT + " WHERE batch_id = ? AND row_no = ?").params(id, rowNo).query(Row.class).single();
    }

    /** Every row, in the list's order, for export. */
    public List<Row> all(UUID id) {
        summary(id);
        return jdbc.sql(SELECT + " WHERE batch_id = ? ORDER BY row_no").param(id).query(Row.class).list();
    }

    private static final String SELECT = """
            SELECT row_no, nik, name, birth_date, kelurahan_code, person_id, match_status, reason, decile::int AS decile,
                   eligible, decision, decision_reason, decided_by FROM verivali_row""";

    private static ApiProblemException notFound(UUID id) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "WF-VERIVALI-TIDAK-DITEMUKAN", null,
                "Daftar verivali " + id + " tidak ditemukan.");
    }

    private static String value(CSVRecord record, String column) {
        for (Map.Entry<String, String> entry : record.toMap().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return entry.getValue() == null ? "" : entry.getValue().trim();
            }
        }
        return "";
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format.withLocale(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return null;
    }
}
