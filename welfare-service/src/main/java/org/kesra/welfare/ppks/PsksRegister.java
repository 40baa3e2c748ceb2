package org.kesra.welfare.ppks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Violation;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.wilayah.Kelurahans;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The PSKS register: persons (by NIK) and organisations that carry social welfare work, per kelurahan. */
@Service
public class PsksRegister {

    private final Kelurahans kelurahans;
    private final JdbcClient jdbc;

    public PsksRegister(JdbcClient jdbc, Kelurahans kelurahans) {
        this.kelurahans = kelurahans;
        this.jdbc = jdbc;
    }

    public record NewEntry(String category, String kind, String name, String nik, String kelurahanCode,
                           LocalDate activeSince) {
    }

    public record Deactivation(LocalDate deactivatedOn, String reason) {
    }

    public record Entry(UUID id, String category, String categoryName, String kind, String name, String nik,
                        String kelurahanCode, LocalDate activeSince, String status, LocalDate deactivatedOn,
                        String deactivateReason, String recordedBy) {
    }

    @Transactional
    public Entry register(NewEntry input, String actor) {
        List<Violation> problems = new ArrayList<>();
        Optional<Integer> category = input.category() == null ? Optional.empty()
                : jdbc.sql("SELECT no FROM psks_category WHERE abbrev = ?").param(input.category().trim())
                .query(Integer.class).optional();
        if (category.isEmpty()) {
            problems.add(Violation.field("/category", "Kategori PSKS harus salah satu dari 12 kategori (mis. PSM, TKSK, KT, LKS)."));
        }
        boolean person = "ORANG".equals(input.kind());
        if (!person && !"LEMBAGA".equals(input.kind())) {
            problems.add(Violation.field("/kind", "Jenis harus ORANG atau LEMBAGA."));
        }
        if (input.name() == null || input.name().isBlank()) {
            problems.add(Violation.field("/name", "Nama orang atau lembaga wajib diisi."));
        }
        if (person && (input.nik() == null || !input.nik().matches("[0-9]{16}"))) {
            problems.add(Violation.field("/nik", "NIK wajib 16 digit angka untuk PSKS perorangan."));
        } else if ("LEMBAGA".equals(input.kind()) && input.nik() != null) {
            problems.add(Violation.field("/nik", "Lembaga tidak memiliki NIK; kosongkan."));
        }
        if (!kelurahans.exists(input.kelurahanCode())) {
            problems.add(Violation.field("/kelurahanCode", "Kode kelurahan tidak dikenal di Kota Metro."));
        }
        if (input.activeSince() == null || input.activeSince().isAfter(LocalDate.now())) {
            problems.add(Violation.field("/activeSince", "Tanggal mulai aktif wajib diisi dan tidak di masa depan."));
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.PSKS_INVALID.refuse(
                    "Data PSKS tidak dapat disimpan; periksa isian yang disebutkan.", problems);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO psks_entry (id, category_no, kind, name, nik, kelurahan_code, active_since, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, category.get(), input.kind(), input.name().trim(), person ? input.nik() : null,
                        input.kelurahanCode(), input.activeSince(), actor).update();
        return find(id).orElseThrow();
    }

    @Transactional
    public Entry deactivate(UUID id, Deactivation input, String actor) {
        Entry entry = jdbc.sql(SELECT + " WHERE e.id = ? FOR UPDATE OF e").param(id).query(Entry.class).optional()
                .orElseThrow(() -> WelfareProblems.PSKS_NOT_FOUND.refuse("PSKS " + id + " tidak ditemukan."));
        if ("NONAKTIF".equals(entry.status())) {
            throw WelfareProblems.PSKS_INACTIVE.refuse(
                    "PSKS ini sudah tidak aktif sejak " + entry.deactivatedOn() + ".");
        }
        List<Violation> problems = new ArrayList<>();
        if (input.deactivatedOn() == null || input.deactivatedOn().isBefore(entry.activeSince())
                || input.deactivatedOn().isAfter(LocalDate.now())) {
            problems.add(Violation.field("/deactivatedOn", "Tanggal wajib diisi, tidak sebelum mulai aktif ("
                    + entry.activeSince() + ") dan tidak di masa depan."));
        }
        if (input.reason() == null || input.reason().isBlank()) {
            problems.add(Violation.field("/reason", "Alasan wajib diisi."));
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.PSKS_INVALID.refuse(
                    "PSKS tidak dapat dinonaktifkan; periksa isian yang disebutkan.", problems);
        }
        jdbc.sql("""
                UPDATE psks_entry SET status = 'NONAKTIF', deactivated_on = ?, deactivate_reason = ? WHERE id = ?""")
                .params(input.deactivatedOn(), input.reason().trim() + " (" + actor + ")", id).update();
        return find(id).orElseThrow();
    }

    public Optional<Entry> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query(Entry.class).optional();
    }

    /** A PSKS category as the catalogue keeps it (reference/psks-categories.csv). */
    public record Category(String abbrev, String name) {
    }

    /** The 12 categories in the regulation's order, for forms and filters. */
    public List<Category> categories() {
        return jdbc.sql("SELECT abbrev, name FROM psks_category ORDER BY no").query(Category.class).list();
    }

    public PageResponse<Entry> list(String category, String kelurahanCode, String status, int page, int size) {
        String condition = """
                (CAST(? AS text) IS NULL OR c.abbrev = ?) AND (CAST(? AS text) IS NULL OR e.kelurahan_code = ?)
                AND (CAST(? AS text) IS NULL OR e.status = ?)""";
        List<Object> args = List.of(nullable(category), nullable(category), nullable(kelurahanCode),
                nullable(kelurahanCode), nullable(status), nullable(status));
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Entry> items = jdbc.sql(SELECT + " WHERE " + condition + " ORDER BY e.kelurahan_code, c.no, e.name, e.id "
                + "LIMIT ? OFFSET ?").params(pageArgs).query(Entry.class).list();
        String countSql = "SELECT count(*) FROM psks_entry e JOIN psks_category c ON c.no = e.category_no WHERE "
                + condition;
        return PageResponse.of(items, page, size,
                () -> jdbc.sql(countSql).params(args).query(Long.class).single());
    }

    private static Object nullable(String value) {
        return value == null ? new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.VARCHAR, null)
                : value;
    }

    private static final String SELECT = """
            SELECT e.id, c.abbrev AS category, c.name AS category_name, e.kind, e.name, e.nik, e.kelurahan_code,
                   e.active_since, e.status, e.deactivated_on, e.deactivate_reason, e.recorded_by
            FROM psks_entry e JOIN psks_category c ON c.no = e.category_no""";
}
