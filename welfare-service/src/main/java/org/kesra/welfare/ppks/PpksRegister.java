package org.kesra.welfare.ppks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.CursorPage;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Violation;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.residents.ResidentProjection;
import org.kesra.welfare.wilayah.Kelurahans;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PPKS register (Permensos 8/2012 categories): a person found in need, the services given, the closing. A case is
 * DITANGANI from its first recorded service; the IKU "Persentase PPKS yang ditangani" counts exactly that. The NIK
 * need not be in the city's registry (people in need are found who live elsewhere); when it is, the case links to
 * the person.
 */
@Service
public class PpksRegister {

    private final Kelurahans kelurahans;
    private final JdbcClient jdbc;
    private final ResidentProjection residents;

    public PpksRegister(JdbcClient jdbc, ResidentProjection residents, Kelurahans kelurahans) {
        this.kelurahans = kelurahans;
        this.jdbc = jdbc;
        this.residents = residents;
    }

    public record NewCase(String nik, String name, String kelurahanCode, LocalDate foundOn, String foundAt,
                          List<String> categories) {
    }

    public record NewService(LocalDate servedOn, String kind, String provider, String note) {
    }

    public record Closing(LocalDate closedOn, String reason) {
    }

    public record Category(String abbrev, String name) {
    }

    public record ServiceGiven(UUID id, LocalDate servedOn, String kind, String provider, String note,
                               String recordedBy) {
    }

    public record Case(UUID id, String nik, UUID personId, boolean inRegistry, String name, String kelurahanCode,
                       LocalDate foundOn, String foundAt, String status, List<Category> categories,
                       List<ServiceGiven> services, LocalDate closedOn, String closeReason, String recordedBy) {
    }

    public record Indicator(String kelurahanCode, String kelurahan, long terdata, long ditangani,
                            BigDecimal persenDitangani) {
    }

    public record IndicatorReport(LocalDate from, LocalDate to, long terdata, long ditangani,
                                  BigDecimal persenDitangani, List<Indicator> kelurahan) {
    }

    /** One category's cases of a kelurahan, counted as {@link Indicator} counts all of them. */
    public record CategoryIndicator(String kelurahanCode, String category, long terdata, long ditangani) {
    }

    @Transactional
    public Case register(NewCase input, String actor) {
        List<Violation> problems = new ArrayList<>();
        if (input.nik() == null || !input.nik().matches("[0-9]{16}")) {
            problems.add(Violation.field("/nik", "NIK wajib 16 digit angka."));
        }
        if (input.name() == null || input.name().isBlank()) {
            problems.add(Violation.field("/name", "Nama wajib diisi."));
        }
        if (!kelurahans.exists(input.kelurahanCode())) {
            problems.add(Violation.field("/kelurahanCode", "Kode kelurahan tidak dikenal di Kota Metro."));
        }
        if (input.foundOn() == null) {
            problems.add(Violation.field("/foundOn", "Tanggal ditemukan wajib diisi (YYYY-MM-DD)."));
        } else if (input.foundOn().isAfter(LocalDate.now())) {
            problems.add(Violation.field("/foundOn", "Tanggal ditemukan tidak boleh di masa depan."));
        }
        if (input.foundAt() == null || input.foundAt().isBlank()) {
            problems.add(Violation.field("/foundAt", "Tempat ditemukan wajib diisi."));
        }
        Map<String, Integer> known = jdbc.sql("SELECT abbrev, no FROM ppks_category")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<Integer> categories = new LinkedHashSet<>();
        if (input.categories() == null || input.categories().isEmpty()) {
            problems.add(Violation.field("/categories", "Sebutkan minimal satu kategori PPKS (mis. AJ, FM, LU)."));
        } else {
            for (int i = 0; i < input.categories().size(); i++) {
                Integer no = known.get(input.categories().get(i) == null ? "" : input.categories().get(i).trim());
                if (no == null) {
                    problems.add(Violation.field("/categories/" + i, "Kategori " + input.categories().get(i)
                            + " tidak termasuk 26 kategori PPKS (Permensos 8/2012)."));
                } else {
                    categories.add(no);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.PPKS_INVALID.refuse(
                    "Data PPKS tidak dapat disimpan; periksa isian yang disebutkan.", problems);
        }
        UUID id = UUID.randomUUID();
        UUID personId = residents.byNik(input.nik()).map(ResidentProjection.Resident::personId).orElse(null);
        jdbc.sql("""
                INSERT INTO ppks_case (id, nik, person_id, name, kelurahan_code, found_on, found_at, status, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'TERDATA', ?)""")
                .params(id, input.nik(), personId, input.name().trim().toUpperCase(), input.kelurahanCode(),
                        input.foundOn(), input.foundAt().trim(), actor)
                .update();
        for (Integer no : categories) {
            jdbc.sql("INSERT INTO ppks_case_category (case_id, category_no) VALUES (?, ?)").params(id, no).update();
        }
        return find(id).orElseThrow();
    }

    @Transactional
    public Case serve(UUID id, NewService input, String actor) {
        Case found = lock(id);
        if ("DITUTUP".equals(found.status())) {
            throw WelfareProblems.PPKS_CLOSED.refuse(
                    "Kasus ini sudah ditutup pada " + found.closedOn() + "; pelayanan tidak dapat ditambahkan.");
        }
        List<Violation> problems = new ArrayList<>();
        if (input.servedOn() == null) {
            problems.add(Violation.field("/servedOn", "Tanggal pelayanan wajib diisi (YYYY-MM-DD)."));
        } else if (input.servedOn().isBefore(found.foundOn())) {
            problems.add(Violation.field("/servedOn", "Tanggal pelayanan sebelum tanggal ditemukan (" + found.foundOn()
                    + ")."));
        } else if (input.servedOn().isAfter(LocalDate.now())) {
            problems.add(Violation.field("/servedOn", "Tanggal pelayanan tidak boleh di masa depan."));
        }
        if (input.kind() == null || input.kind().isBlank()) {
            problems.add(Violation.field("/kind", "Jenis pelayanan wajib diisi (mis. rujukan panti, bantuan sembako)."));
        }
        if (input.provider() == null || input.provider().isBlank()) {
            problems.add(Violation.field("/provider", "Pemberi pelayanan wajib diisi (petugas atau lembaga)."));
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.SERVICE_INVALID.refuse(
                    "Pelayanan tidak dapat dicatat; periksa isian yang disebutkan.", problems);
        }
        jdbc.sql("""
                INSERT INTO ppks_service (id, case_id, served_on, kind, provider, note, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), id, input.servedOn(), input.kind().trim(), input.provider().trim(),
                        input.note(), actor).update();
        jdbc.sql("UPDATE ppks_case SET status = 'DITANGANI', version = version + 1 WHERE id = ?").param(id).update();
        return find(id).orElseThrow();
    }

    @Transactional
    public Case close(UUID id, Closing input, String actor) {
        Case found = lock(id);
        if ("DITUTUP".equals(found.status())) {
            throw WelfareProblems.PPKS_CLOSED.refuse("Kasus ini sudah ditutup pada " + found.closedOn() + ".");
        }
        List<Violation> problems = new ArrayList<>();
        if (input.closedOn() == null || input.closedOn().isBefore(found.foundOn())
                || input.closedOn().isAfter(LocalDate.now())) {
            problems.add(Violation.field("/closedOn", "Tanggal penutupan wajib diisi, tidak sebelum tanggal ditemukan ("
                    + found.foundOn() + ") dan tidak di masa depan."));
        }
        if (input.reason() == null || input.reason().isBlank()) {
            problems.add(Violation.field("/reason", "Alasan penutupan wajib diisi."));
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.CLOSING_INVALID.refuse(
                    "Kasus tidak dapat ditutup; periksa isian yang disebutkan.", problems);
        }
        jdbc.sql("""
                UPDATE ppks_case SET status = 'DITUTUP', closed_on = ?, close_reason = ?, version = version + 1
                WHERE id = ?""").params(input.closedOn(), input.reason().trim() + " (" + actor + ")", id).update();
        return find(id).orElseThrow();
    }

    /** The 26 categories of Permensos 8/2012 in the regulation's order: what a case may name. */
    public List<Category> categories() {
        return jdbc.sql("SELECT abbrev, name FROM ppks_category ORDER BY no").query(Category.class).list();
    }

    public Optional<Case> find(UUID id) {
        return cases("c.id = ?", List.of(id), 1, 0).stream().findFirst();
    }

    /** The case, if it lies inside the reader's region. */
    public Optional<Case> find(UUID id, WelfareAccess.RegionalReader reader) {
        List<Object> args = new ArrayList<>(List.of(id));
        String condition = "c.id = ? AND " + WelfareAccess.regionCondition(reader, "c.kelurahan_code", args);
        return cases(condition, args, 1, 0).stream().findFirst();
    }

    public PageResponse<Case> list(WelfareAccess.RegionalReader reader, String kelurahanCode, String status,
                                   String category, int page, int size) {
        List<Object> args = new ArrayList<>();
        String condition = listCondition(reader, kelurahanCode, status, category, args);
        List<Case> items = cases(condition, args, size, (long) page * size);
        String countSql = "SELECT count(*) FROM ppks_case c WHERE " + condition;
        return PageResponse.of(items, page, size,
                () -> jdbc.sql(countSql).params(args).query(Long.class).single());
    }

    /**
     * The cases after {@code cursor}, newest first as on the numbered pages (found on, descending, then id). The
     * directions differ, so the key is compared in its expanded form; its first part bounds the range of the index
     * {@code ppks_case_list_order}. Never counted.
     */
    public CursorPage<Case> list(WelfareAccess.RegionalReader reader, String kelurahanCode, String status,
                                 String category, String cursor, int size) {
        List<Object> args = new ArrayList<>();
        String condition = listCondition(reader, kelurahanCode, status, category, args);
        List<Object> filters = List.copyOf(args);
        Optional<Cursor.Position> after = Cursor.decode(cursor, "ppks", filters, 2);
        if (after.isPresent()) {
            LocalDate foundOn = after.get().date(0);
            condition += " AND c.found_on <= ? AND (c.found_on < ? OR c.id > ?)";
            args.addAll(List.of(foundOn, foundOn, after.get().uuid(1)));
        }
        return CursorPage.of(cases(condition, args, size + 1, 0), size,
                last -> Cursor.encode("ppks", filters, List.of(last.foundOn(), last.id())));
    }

    private static String listCondition(WelfareAccess.RegionalReader reader, String kelurahanCode, String status,
                                        String category, List<Object> args) {
        List<String> where = new ArrayList<>(List.of(WelfareAccess.regionCondition(reader, "c.kelurahan_code", args)));
        if (kelurahanCode != null) {
            where.add("c.kelurahan_code = ?");
            args.add(kelurahanCode);
        }
        if (status != null) {
            where.add("c.status = ?");
            args.add(status);
        }
        if (category != null) {
            where.add("EXISTS (SELECT 1 FROM ppks_case_category cc JOIN ppks_category k ON k.no = cc.category_no "
                    + "WHERE cc.case_id = c.id AND k.abbrev = ?)");
            args.add(category);
        }
        return String.join(" AND ", where);
    }

    /** Per kelurahan: cases found in the period (terdata) and those among them served by its end (ditangani). */
    public IndicatorReport indicators(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw PlatformProblems.VALIDATION.refuse("Tanggal 'sampai' tidak boleh sebelum tanggal 'dari'.");
        }
        List<Indicator> rows = jdbc.sql("""
                SELECT k.code, k.name, count(c.id) AS terdata,
                       count(c.id) FILTER (WHERE EXISTS (SELECT 1 FROM ppks_service s WHERE s.case_id = c.id
                                                          AND s.served_on <= :to)) AS ditangani
                FROM kelurahan k LEFT JOIN ppks_case c ON c.kelurahan_code = k.code AND c.found_on BETWEEN :from AND :to
                GROUP BY k.code, k.name ORDER BY k.code""")
                .param("from", from).param("to", to)
                .query((rs, n) -> new Indicator(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        percent(rs.getLong(4), rs.getLong(3))))
                .list();
        long terdata = rows.stream().mapToLong(Indicator::terdata).sum();
        long ditangani = rows.stream().mapToLong(Indicator::ditangani).sum();
        return new IndicatorReport(from, to, terdata, ditangani, percent(ditangani, terdata), rows);
    }

    /**
     * Per kelurahan and category (Permensos abbreviation, in the categories' order): cases of the category found in
     * the period and those among them served by its end, with the same rules as {@link #indicators}. A case with
     * several categories counts in each; a kelurahan's categories without a case are left out.
     */
    public Map<String, List<CategoryIndicator>> categoryIndicators(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw PlatformProblems.VALIDATION.refuse("Tanggal 'sampai' tidak boleh sebelum tanggal 'dari'.");
        }
        Map<String, List<CategoryIndicator>> found = new HashMap<>();
        jdbc.sql("""
                SELECT c.kelurahan_code, k.abbrev, count(c.id) AS terdata,
                       count(c.id) FILTER (WHERE EXISTS (SELECT 1 FROM ppks_service s WHERE s.case_id = c.id
                                                          AND s.served_on <= :to)) AS ditangani
                FROM ppks_case c JOIN ppks_case_category cc ON cc.case_id = c.id
                     JOIN ppks_category k ON k.no = cc.category_no
                WHERE c.found_on BETWEEN :from AND :to
                GROUP BY c.kelurahan_code, k.no, k.abbrev ORDER BY c.kelurahan_code, k.no""")
                .param("from", from).param("to", to)
                .query((rs, n) -> found.computeIfAbsent(rs.getString(1), x -> new ArrayList<>())
                        .add(new CategoryIndicator(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))))
                .list();
        return found;
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2,
                RoundingMode.HALF_UP);
    }

    private Case lock(UUID id) {
        jdbc.sql("SELECT id FROM ppks_case WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional()
                .orElseThrow(() -> WelfareProblems.PPKS_NOT_FOUND.refuse("Kasus PPKS " + id + " tidak ditemukan."));
        return find(id).orElseThrow();
    }

    /** The page's cases, then their categories and services for the whole page in one query each. */
    private List<Case> cases(String condition, List<Object> args, int limit, long offset) {
        List<Object> all = new ArrayList<>(args);
        all.add(limit);
        all.add(offset);
        List<Case> bare = jdbc.sql("""
                SELECT c.id, c.nik, c.person_id, c.name, c.kelurahan_code, c.found_on, c.found_at, c.status,
                       c.closed_on, c.close_reason, c.recorded_by
                FROM ppks_case c WHERE\s""" + condition + " ORDER BY c.found_on DESC, c.id LIMIT ? OFFSET ?")
                .params(all)
                .query((rs, n) -> new Case(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(3) != null, rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getString(7), rs.getString(8), List.of(), List.of(), rs.getObject(9, LocalDate.class),
                        rs.getString(10), rs.getString(11)))
                .list();
        if (bare.isEmpty()) {
            return bare;
        }
        UUID[] ids = bare.stream().map(Case::id).toArray(UUID[]::new);
        Map<UUID, List<Category>> categories = new HashMap<>();
        jdbc.sql("""
                SELECT cc.case_id, k.abbrev, k.name
                FROM ppks_case_category cc JOIN ppks_category k ON k.no = cc.category_no
                WHERE cc.case_id = ANY(?) ORDER BY k.no""").param(ids)
                .query((rs, n) -> categories.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Category(rs.getString(2), rs.getString(3))))
                .list();
        Map<UUID, List<ServiceGiven>> services = new HashMap<>();
        jdbc.sql("""
                SELECT case_id, id, served_on, kind, provider, note, recorded_by FROM ppks_service
                WHERE case_id = ANY(?) ORDER BY served_on, recorded_at""").param(ids)
                .query((rs, n) -> services.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new ServiceGiven(rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))))
                .list();
        return bare.stream().map(c -> new Case(c.id(), c.nik(), c.personId(), c.inRegistry(), c.name(),
                c.kelurahanCode(), c.foundOn(), c.foundAt(), c.status(), categories.getOrDefault(c.id(), List.of()),
                services.getOrDefault(c.id(), List.of()), c.closedOn(), c.closeReason(), c.recordedBy())).toList();
    }
}
