package org.kesra.welfare.enrolment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kesra.platform.web.Cursor;
import org.kesra.platform.web.CursorPage;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Violation;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.catalogue.ProgrammeCatalogue;
import org.kesra.welfare.catalogue.ProgrammeExclusions;
import org.kesra.welfare.residents.ResidentProjection;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolment of a beneficiary (KPM) in a programme for a period. The person must be in the household registry and
 * alive; a family programme enrols the person's household (once per period, whoever of its members is named); an
 * individual programme the person. The "not twice in one period" rule is the database's exclusion constraint.
 */
@Service
public class Enrolments {

    private static final String OVERLAP_CONSTRAINT = "enrolment_once_per_period";

    private final JdbcClient jdbc;
    private final ProgrammeCatalogue catalogue;
    private final ResidentProjection residents;
    private final ProgrammeExclusions exclusions;

    public Enrolments(JdbcClient jdbc, ProgrammeCatalogue catalogue, ResidentProjection residents,
                      ProgrammeExclusions exclusions) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.residents = residents;
        this.exclusions = exclusions;
    }

    public record NewEnrolment(String programme, String nik, LocalDate periodStart, LocalDate periodEnd) {
    }

    /** Why and from when a running enrolment stops (a household no longer eligible, a graduation, a refusal). */
    public record Ending(LocalDate endedOn, String reason) {
    }

    public record Enrolment(UUID id, String programme, String nik, UUID personId, UUID householdId,
                            String kelurahanCode, LocalDate periodStart, LocalDate periodEnd, String status,
                            String enrolledBy, String endReason) {
    }

    @Transactional
    public Enrolment enrol(NewEnrolment input, String actor) {
        List<Violation> problems = new ArrayList<>();
        Optional<ProgrammeCatalogue.Programme> programme = input.programme() == null ? Optional.empty()
                : catalogue.programme(input.programme());
        if (programme.isEmpty()) {
            problems.add(Violation.field("/programme", input.programme() == null ? "Program wajib diisi."
                    : "Program " + input.programme() + " tidak dikenal."));
        }
        if (input.nik() == null || !input.nik().matches("[0-9]{16}")) {
            problems.add(Violation.field("/nik", "NIK wajib 16 digit angka."));
        }
        if (input.periodStart() == null) {
            problems.add(Violation.field("/periodStart", "Awal periode wajib diisi (YYYY-MM-DD)."));
        } else if (input.periodEnd() != null && input.periodEnd().isBefore(input.periodStart())) {
            problems.add(Violation.field("/periodEnd", "Akhir periode tidak boleh sebelum awal periode."));
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.ENROLMENT_INVALID.refuse(
                    "Kepesertaan tidak dapat dicatat; periksa isian yang disebutkan.", problems);
        }
        ResidentProjection.Resident resident = residents.byNik(input.nik()).orElseThrow(() ->
                WelfareProblems.NIK_NOT_REGISTERED_FOR_ENROLMENT.refuse(
                        "NIK ini tidak ada dalam registri rumah tangga; daftarkan keluarganya lebih dahulu.",
                        List.of(Violation.field("/nik", "NIK tidak ditemukan dalam registri rumah tangga."))));
        if (!"HIDUP".equals(resident.lifeStatus())) {
            throw WelfareProblems.RESIDENT_INACTIVE.refuse(
                    "Orang ini tercatat " + ("MENINGGAL".equals(resident.lifeStatus()) ? "meninggal" : "pindah")
                            + " dalam registri; tidak dapat didaftarkan sebagai penerima manfaat.",
                    List.of(Violation.field("/nik", "Status penduduk: " + resident.lifeStatus())));
        }
        boolean family = "KELUARGA".equals(programme.get().unit());
        if (family && resident.householdId() == null) {
            throw WelfareProblems.WITHOUT_FAMILY.refuse(
                    "Program " + input.programme() + " untuk keluarga, tetapi orang ini tidak tercatat dalam KK mana pun.",
                    List.of(Violation.field("/nik", "Tidak tercatat dalam KK.")));
        }
        UUID id = UUID.randomUUID();
        UUID beneficiary = family ? resident.householdId() : resident.personId();
        refuseConflictingProgramme(input, resident);
        try {
            jdbc.sql("""
                    INSERT INTO enrolment (id, programme_code, person_id, nik, household_id, beneficiary_key,
                                           kelurahan_code, period_start, period_end, status, enrolled_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'AKTIF', ?)""")
                    .params(id, input.programme(), resident.personId(), resident.nik(), resident.householdId(),
                            beneficiary, resident.kelurahanCode(), input.periodStart(), input.periodEnd(), actor)
                    .update();
        } catch (DataIntegrityViolationException e) {
            if (e.getMessage() != null && e.getMessage().contains(OVERLAP_CONSTRAINT)) {
                throw WelfareProblems.ALREADY_ENROLLED.refuse(
                        (family ? "Keluarga ini (KK " + resident.kkNumber() + ")" : "Orang ini")
                                + " sudah terdaftar di program " + input.programme()
                                + " pada periode yang beririsan dengan " + input.periodStart()
                                + (input.periodEnd() == null ? " dan seterusnya." : " s.d. " + input.periodEnd() + "."));
            }
            throw e;
        }
        return find(id).orElseThrow();
    }

    /**
     * A programme that excludes another may not enrol a family (or person) that is a KPM of the other in an
     * overlapping period. Every enrolment first locks its household (or person, without one) for the rest of the
     * transaction, so two enrolments of one family into mutually exclusive programmes cannot both pass the check.
     */
    private void refuseConflictingProgramme(NewEnrolment input, ResidentProjection.Resident resident) {
        UUID lockKey = resident.householdId() != null ? resident.householdId() : resident.personId();
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(CAST(? AS text), 0))").param(lockKey.toString())
                .query().listOfRows();
        List<String> excluded = exclusions.inForce(input.programme(), input.periodStart());
        if (excluded.isEmpty()) {
            return;
        }
        List<Enrolment> conflicting = jdbc.sql(SELECT + " WHERE " + """
                programme_code = ANY (string_to_array(?, ',')) AND status <> 'BERAKHIR'
                  AND (household_id = ? OR person_id = ?)
                  AND daterange(period_start, period_end, '[]') && daterange(?, ?, '[]')
                ORDER BY period_start LIMIT 1""")
                .params(String.join(",", excluded), resident.householdId(), resident.personId(), input.periodStart(),
                        input.periodEnd())
                .query(Enrolment.class).list();
        if (!conflicting.isEmpty()) {
            Enrolment other = conflicting.get(0);
            throw WelfareProblems.PROGRAMMES_EXCLUSIVE.refuse(
                    "Program " + input.programme() + " tidak boleh diterima KPM program " + other.programme()
                            + ", dan keluarga ini terdaftar di " + other.programme() + " sejak " + other.periodStart()
                            + (other.periodEnd() == null ? "" : " s.d. " + other.periodEnd())
                            + ". Akhiri kepesertaan itu lebih dahulu bila memang harus berpindah program.");
        }
    }

    public Optional<Enrolment> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Enrolment.class).optional();
    }

    /** The enrolment, if it lies inside the reader's region. */
    public Optional<Enrolment> find(UUID id, WelfareAccess.RegionalReader reader) {
        List<Object> args = new ArrayList<>(List.of(id));
        String region = WelfareAccess.regionCondition(reader, "kelurahan_code", args);
        return jdbc.sql(SELECT + " WHERE id = ? AND " + region).params(args).query(Enrolment.class).optional();
    }

    public PageResponse<Enrolment> list(WelfareAccess.RegionalReader reader, String programme, String kelurahanCode,
                                        String status, int page, int size) {
        List<Object> args = new ArrayList<>();
        String condition = listCondition(reader, programme, kelurahanCode, status, args);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Enrolment> items = jdbc.sql(SELECT + " WHERE " + condition
                + " ORDER BY programme, period_start, id LIMIT ? OFFSET ?").params(pageArgs).query(Enrolment.class)
                .list();
        String countSql = "SELECT count(*) FROM enrolment WHERE " + condition;
        return PageResponse.of(items, page, size,
                () -> jdbc.sql(countSql).params(args).query(Long.class).single());
    }

    /**
     * The enrolments after {@code cursor}, in the numbered pages' order (programme, period start, id), which the
     * index {@code enrolment_list_order} holds: every page costs what the first does. Never counted.
     */
    public CursorPage<Enrolment> list(WelfareAccess.RegionalReader reader, String programme, String kelurahanCode,
                                      String status, String cursor, int size) {
        List<Object> args = new ArrayList<>();
        String condition = listCondition(reader, programme, kelurahanCode, status, args);
        List<Object> filters = List.copyOf(args);
        Optional<Cursor.Position> after = Cursor.decode(cursor, "enrolments", filters, 3);
        if (after.isPresent()) {
            condition += " AND (programme_code, period_start, id) > (?, ?, ?)";
            args.addAll(List.of(after.get().text(0), after.get().date(1), after.get().uuid(2)));
        }
        args.add(size + 1);
        List<Enrolment> rows = jdbc.sql(SELECT + " WHERE " + condition
                + " ORDER BY programme_code, period_start, id LIMIT ?").params(args).query(Enrolment.class).list();
        return CursorPage.of(rows, size, last -> Cursor.encode("enrolments", filters,
                List.of(last.programme(), last.periodStart(), last.id())));
    }

    /** One programme's KPM on a date: families (or persons) enrolled, and how many of them are under review. */
    public record ProgrammeKpm(String programme, String name, String unit, long kpm, long underReview) {
    }

    public record KpmReport(LocalDate date, long kpm, List<ProgrammeKpm> programmes) {
    }

    /**
     * KPM per programme on {@code date}, inside the reader's region: the enrolments whose period covers the date, a
     * family (or person) counted once per programme, by the same rule as the published indicators
     * (IndicatorPublication). Every programme of the catalogue is listed, with zero where it has none.
     */
    public KpmReport kpm(WelfareAccess.RegionalReader reader, LocalDate date) {
        List<Object> args = new ArrayList<>(List.of(date, date));
        String region = WelfareAccess.regionCondition(reader, "e.kelurahan_code", args);
        List<ProgrammeKpm> programmes = jdbc.sql("""
                SELECT p.code AS programme, p.name, p.unit, count(DISTINCT e.beneficiary_key) AS kpm,
                       count(DISTINCT e.beneficiary_key) FILTER (WHERE e.status = 'DITINJAU') AS under_review
                FROM programme p
                LEFT JOIN enrolment e ON e.programme_code = p.code AND e.period_start <= ?
                     AND (e.period_end IS NULL OR e.period_end >= ?) AND %s
                GROUP BY p.code, p.name, p.unit ORDER BY p.code""".formatted(region))
                .params(args).query(ProgrammeKpm.class).list();
        return new KpmReport(date, programmes.stream().mapToLong(ProgrammeKpm::kpm).sum(), programmes);
    }

    private static String listCondition(WelfareAccess.RegionalReader reader, String programme, String kelurahanCode,
                                        String status, List<Object> args) {
        List<String> where = new ArrayList<>(List.of(WelfareAccess.regionCondition(reader, "kelurahan_code", args)));
        if (programme != null) {
            where.add("programme_code = ?");
            args.add(programme);
        }
        if (kelurahanCode != null) {
            where.add("kelurahan_code = ?");
            args.add(kelurahanCode);
        }
        if (status != null) {
            where.add("status = ?");
            args.add(status);
        }
        return String.join(" AND ", where);
    }

    /**
     * Ends the enrolment for {@code reason} on {@code on} (today when null), never before its period began and never
     * after the end it already had, which frees later periods. The one place an enrolment ends: a confirmed review and
     * an accepted musyawarah removal both come here.
     */
    public void end(UUID id, String reason, LocalDate on) {
        jdbc.sql(END + " WHERE id = ?").params(reason, on, id).update();
    }

    /**
     * Ends an enrolment by an operator's decision, with its reason and the day it ends (not before the period began,
     * not in the future, since the enrolment stops counting at once). The reason keeps who ended it, as a closed PPKS
     * case does.
     */
    @Transactional
    public Enrolment endByOperator(UUID id, Ending input, String actor) {
        Enrolment found = jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE").param(id).query(Enrolment.class).optional()
                .orElseThrow(() -> WelfareProblems.ENROLMENT_NOT_FOUND.refuse("Kepesertaan " + id + " tidak ditemukan."));
        if ("BERAKHIR".equals(found.status())) {
            throw WelfareProblems.ENROLMENT_ENDED.refuse("Kepesertaan ini sudah berakhir pada " + found.periodEnd()
                    + (found.endReason() == null ? "." : " (" + found.endReason() + ")."));
        }
        List<Violation> problems = new ArrayList<>();
        if (input.endedOn() == null || input.endedOn().isBefore(found.periodStart())
                || input.endedOn().isAfter(LocalDate.now())) {
            problems.add(Violation.field("/endedOn", "Tanggal berakhir wajib diisi, tidak sebelum awal periode ("
                    + found.periodStart() + ") dan tidak di masa depan."));
        }
        if (input.reason() == null || input.reason().isBlank()) {
            problems.add(Violation.field("/reason", "Alasan berakhirnya kepesertaan wajib diisi."));
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.ENROLMENT_INVALID.refuse(
                    "Kepesertaan tidak dapat diakhiri; periksa isian yang disebutkan.", problems);
        }
        end(id, input.reason().trim() + " (" + actor + ")", input.endedOn());
        return find(id).orElseThrow();
    }

    /** Ends the person's running enrolments in the programme, as {@link #end} does; how many ended. */
    public int endRunning(UUID personId, String programme, String reason, LocalDate on) {
        return jdbc.sql(END + " WHERE person_id = ? AND programme_code = ? AND status <> 'BERAKHIR'")
                .params(reason, on, personId, programme).update();
    }

    /** An open review puts an active enrolment in doubt until a verifier decides. */
    void underReview(UUID id) {
        jdbc.sql("UPDATE enrolment SET status = 'DITINJAU', version = version + 1 WHERE id = ? AND status = 'AKTIF'")
                .param(id).update();
    }

    /** Active again once no review of it is open (rejected, or another member's change accepted). */
    void resumeUnlessUnderReview(UUID id) {
        jdbc.sql("""
                UPDATE enrolment SET status = 'AKTIF', version = version + 1 WHERE id = ? AND status = 'DITINJAU'
                  AND NOT EXISTS (SELECT 1 FROM enrolment_review o WHERE o.enrolment_id = enrolment.id
                                  AND o.status = 'TERBUKA')""").param(id).update();
    }

    private static final String END = """
            UPDATE enrolment SET status = 'BERAKHIR', end_reason = ?, version = version + 1,
                period_end = GREATEST(period_start, LEAST(COALESCE(period_end, 'infinity'::date),
                                                           COALESCE(?::date, current_date)))""";

    /** A relocated household's enrolments follow it to its new kelurahan (they report there from now on). */
    public void householdRelocated(UUID householdId, String kelurahanCode) {
        jdbc.sql("UPDATE enrolment SET kelurahan_code = ?, version = version + 1 WHERE household_id = ? "
                + "AND status <> 'BERAKHIR'").params(kelurahanCode, householdId).update();
    }

    private static final String SELECT = """
            SELECT id, programme_code AS programme, nik, person_id, household_id, kelurahan_code, period_start,
                   period_end, status, enrolled_by, end_reason FROM enrolment""";
}
