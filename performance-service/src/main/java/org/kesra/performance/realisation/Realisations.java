package org.kesra.performance.realisation;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kesra.performance.Findings;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.agreement.AgreementStatus;
import org.kesra.performance.agreement.AgreementViews;
import org.kesra.performance.agreement.PerformanceAgreements;
import org.kesra.performance.calendar.Deadlines;
import org.kesra.performance.capaian.Aggregation;
import org.kesra.performance.capaian.BudgetAbsorption;
import org.kesra.performance.capaian.Efficiency;
import org.kesra.performance.capaian.Capaian;
import org.kesra.performance.capaian.QuarterValue;
import org.kesra.performance.capaian.RatingLabels;
import org.kesra.performance.capaian.Target;
import org.kesra.performance.capaian.YearToDate;
import org.kesra.performance.register.RegisterFigures;
import org.kesra.performance.renstra.IndicatorSource;
import org.kesra.performance.renstra.CapaianSettings;
import org.kesra.performance.renstra.RatingSettings;
import org.kesra.performance.renstra.RenstraPlans;
import org.kesra.performance.units.Unit;
import org.kesra.performance.units.UnitScope;
import org.kesra.performance.units.Units;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
import org.kesra.platform.web.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly realisation use cases, the only writer of the {@code realisation*} tables. A unit's submitters
 * ({@link Reviewers#submits}) draft and edit the realisation of one quarter against an agreed Perjanjian Kinerja
 * revision and submit it; an approver of the parent ({@link Reviewers#decides}), never the submitter, returns it with
 * the seed 002 checklist or approves it. Editing approved content makes a new content version and puts the
 * realisation back to DRAFT (re-opened); the approved version stays readable. Every change bumps the ETag, every
 * status change is audited in {@code realisation_transition}, and every review step is announced through the outbox
 * in the same transaction ({@link RealisationEvents}).
 */
@Service
public class Realisations {

    private static final Logger log = LoggerFactory.getLogger(Realisations.class);
    /** The city's clock: a quarter's deadline is a date in Lampung. */
    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Jakarta");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Units units;
    private final PerformanceAgreements agreements;
    private final RenstraPlans plans;
    private final Deadlines deadlines;
    private final RatingLabels labels;
    /** The configured cap on capaian shown beside the raw value; {@code null}: none. */
    private final BigDecimal cap;
    private final RealisationEvents events;
    private final RegisterFigures register;

    public Realisations(JdbcClient jdbc, JdbcTemplate batch, Units units, PerformanceAgreements agreements,
                        RenstraPlans plans, Deadlines deadlines, RatingSettings settings, RealisationEvents events,
                        RegisterFigures register, CapaianSettings capaianSettings) {
        this.jdbc = jdbc;
        this.cap = capaianSettings.cap();
        this.register = register;
        this.events = events;
        this.batch = batch;
        this.units = units;
        this.agreements = agreements;
        this.plans = plans;
        this.deadlines = deadlines;
        this.labels = settings.ratingLabels();
    }

    /** The stored head of a realisation. */
    record Row(UUID id, String unitCode, int year, int quarter, UUID agreementId, int agreementRevision,
               RealisationStatus status, int currentVersion, Integer approvedVersion, int etag, LocalDate dueDate,
               Instant submittedAt, Integer workingDaysLate, Instant createdAt, String createdBy) {
    }

    private static final String ROW = """
            SELECT id, unit_code, year, quarter, agreement_id, agreement_revision, status, current_version,
                   approved_version, etag, due_date, first_submitted_at, working_days_late, created_at, created_by
              FROM realisation""";

    @Transactional
    public RealisationViews.RealisationView create(UnitScope scope, RealisationRequests.NewRealisation request) {
        Findings findings = new Findings();
        Unit unit = null;
        if (request.unit() == null || request.unit().isBlank()) {
            findings.add(PerformanceProblems.REQUIRED, "/unit", "Kode unit wajib diisi.");
        } else {
            // A unit outside the caller's region gets the same answer as one that does not exist.
            unit = units.find(request.unit().strip()).filter(u -> scope.reads(u.code())).orElse(null);
            if (unit == null) {
                findings.add(PerformanceProblems.UNIT_UNKNOWN, "/unit", "Unit " + request.unit().strip()
                        + " tidak dikenal di wilayah atau unit kerja Anda.");
            }
        }
        findings.refuseIfAny("Unit kerja realisasi tidak sah.");
        if (!Reviewers.submits(scope.caller(), unit)) {
            throw PerformanceProblems.NOT_SUBMITTER.refuse("Realisasi unit " + unit.code() + " hanya dilaporkan oleh"
                    + " operator unit itu sendiri.", List.of(Violation.field("/unit", "Bukan unit Anda.")));
        }
        if (request.year() == null || request.year() < 2000 || request.year() > 2100) {
            findings.add(PerformanceProblems.QUARTER_INVALID, "/year", "Tahun harus antara 2000 dan 2100.");
        }
        if (request.quarter() == null || request.quarter() < 1 || request.quarter() > 4) {
            findings.add(PerformanceProblems.QUARTER_INVALID, "/quarter", "Triwulan harus 1, 2, 3 atau 4.");
        }
        if (request.agreementId() == null) {
            findings.add(PerformanceProblems.REQUIRED, "/agreementId", "Perjanjian Kinerja acuan wajib diisi.");
        }
        if (request.agreementRevision() == null) {
            findings.add(PerformanceProblems.REQUIRED, "/agreementRevision", "Revisi PK acuan wajib diisi.");
        }
        findings.refuseIfAny("Realisasi tidak dapat disimpan: ada isian yang tidak sesuai aturan.");
        AgreementViews.AgreementView agreement = agreements.read(scope, request.agreementId(),
                request.agreementRevision());
        if (!agreement.unit().code().equals(unit.code()) || agreement.year() != request.year()) {
            throw PerformanceProblems.AGREEMENT_MISMATCH.refuse("Perjanjian Kinerja " + agreement.id() + " milik unit "
                    + agreement.unit().code() + " tahun " + agreement.year() + ", bukan unit " + unit.code()
                    + " tahun " + request.year() + ".", List.of(Violation.field("/agreementId",
                    "PK unit dan tahun lain.")));
        }
        if (agreement.status() != AgreementStatus.AGREED) {
            throw PerformanceProblems.AGREEMENT_NOT_AGREED.refuse("Revisi " + agreement.revision()
                    + " Perjanjian Kinerja belum disepakati; realisasi dilaporkan terhadap revisi yang disepakati.",
                    List.of(Violation.field("/agreementRevision", "Revisi belum disepakati.")));
        }
        List<EntryCheck.Definition> definitions = definitions(agreement);
        List<EntryCheck.Checked> entries = EntryCheck.check(findings, request.entries(), agreement.items(),
                definitions);
        String obstacles = text(findings, "/obstacles", request.obstacles(), 4000);
        String followUp = text(findings, "/followUp", request.followUp(), 4000);
        findings.refuseIfAny("Realisasi tidak dapat disimpan: ada isian yang tidak sesuai aturan.");
        entries = withRegister(unit, request.year(), request.quarter(), entries, definitions);
        // A quarter before the holiday calendar's first year is entered from its signed documents: no deadline.
        LocalDate due = deadlines.historical(request.year()) ? null
                : deadlines.of(request.year(), request.quarter(), null).due();
        units.lock(unit.code());
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM realisation WHERE agreement_id = ? AND year = ?"
                        + " AND quarter = ?)").params(agreement.id(), request.year(), request.quarter())
                .query(Boolean.class).single();
        if (exists) {
            throw PerformanceProblems.REALISATION_EXISTS.refuse("Realisasi triwulan " + request.quarter() + " tahun "
                    + request.year() + " untuk Perjanjian Kinerja ini sudah ada; ubah yang ada.",
                    List.of(Violation.field("/quarter", "Sudah dilaporkan.")));
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        String by = scope.caller().name();
        jdbc.sql("""
                INSERT INTO realisation (id, unit_code, year, quarter, agreement_id, agreement_revision, status,
                                         current_version, etag, due_date, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', 1, 1, ?, ?, ?)""")
                .params(id, unit.code(), request.year(), request.quarter(), agreement.id(), agreement.revision(),
                        due, Timestamp.from(now), by).update();
        insertVersion(id, 1, obstacles, followUp, null, now, by);
        insertEntries(id, 1, entries);
        audit(id, now, by, null, RealisationStatus.DRAFT, 1, null, List.of());
        log.info("realisation {} drafted for unit {} year {} quarter {}", id, unit.code(), request.year(),
                request.quarter());
        return read(scope, id, null);
    }

    /**
     * Changes the content: in place while DRAFT or RETURNED; once APPROVED as a new version with a reason, which
     * re-opens the review (status DRAFT) and keeps the approved version readable. Refused while SUBMITTED: the
     * reviewer decides on what was submitted.
     */
    @Transactional
    public RealisationViews.RealisationView change(UnitScope scope, UUID id, int etag,
                                                   RealisationRequests.Change request) {
        Row row = locked(scope, id);
        Unit unit = unitOf(row);
        if (!Reviewers.submits(scope.caller(), unit)) {
            throw PerformanceProblems.NOT_SUBMITTER.refuse("Realisasi unit " + unit.code() + " hanya diubah oleh"
                    + " operator unit itu sendiri.");
        }
        fresh(row, etag);
        if (row.status() == RealisationStatus.SUBMITTED) {
            throw PerformanceProblems.TRANSITION_NOT_ALLOWED.refuse("Realisasi sedang dinilai atasan; tunggu"
                    + " dikembalikan atau disetujui sebelum mengubahnya.");
        }
        boolean reopens = row.status() == RealisationStatus.APPROVED;
        Findings findings = new Findings();
        String reason = text(findings, "/reason", request.reason(), 2000);
        if (reopens && (request.reason() == null || request.reason().isBlank())) {
            findings.add(PerformanceProblems.REQUIRED, "/reason", "Realisasi yang sudah disetujui hanya dapat diubah"
                    + " dengan alasan; perubahan membuka kembali penilaian.");
        }
        AgreementViews.AgreementView agreement = agreements.read(scope, row.agreementId(), row.agreementRevision());
        List<EntryCheck.Definition> definitions = definitions(agreement);
        List<EntryCheck.Checked> entries = EntryCheck.check(findings, request.entries(), agreement.items(),
                definitions);
        String obstacles = text(findings, "/obstacles", request.obstacles(), 4000);
        String followUp = text(findings, "/followUp", request.followUp(), 4000);
        findings.refuseIfAny("Perubahan realisasi tidak dapat disimpan.");
        entries = withRegister(unit, row.year(), row.quarter(), entries, definitions);
        Instant now = Instant.now();
        String by = scope.caller().name();
        int version = row.currentVersion();
        RealisationStatus status = row.status();
        if (reopens) {
            version++;
            status = RealisationStatus.DRAFT;
            insertVersion(id, version, obstacles, followUp, reason, now, by);
            audit(id, now, by, RealisationStatus.APPROVED, status, version, reason, List.of());
        } else {
            jdbc.sql("DELETE FROM realisation_entry WHERE realisation_id = ? AND version = ?").params(id, version)
                    .update();
            jdbc.sql("UPDATE realisation_version SET obstacles = ?, follow_up = ? WHERE realisation_id = ?"
                    + " AND version = ?").params(obstacles, followUp, id, version).update();
        }
        insertEntries(id, version, entries);
        jdbc.sql("UPDATE realisation SET status = ?, current_version = ?, etag = etag + 1 WHERE id = ?")
                .params(status.name(), version, id).update();
        RealisationViews.RealisationView view = read(scope, id, null);
        if (reopens) {
            events.reopened(view, reason, now, by);
            log.info("realisation {} re-opened as version {}", id, version);
        }
        return view;
    }

    /** DRAFT or RETURNED to SUBMITTED, by a submitter, with a realisation for every item of the agreement. */
    @Transactional
    public RealisationViews.RealisationView submit(UnitScope scope, UUID id, int etag) {
        Row row = locked(scope, id);
        Unit unit = unitOf(row);
        if (!Reviewers.submits(scope.caller(), unit)) {
            throw PerformanceProblems.NOT_SUBMITTER.refuse("Realisasi unit " + unit.code() + " hanya diserahkan oleh"
                    + " operator unit itu sendiri.");
        }
        fresh(row, etag);
        if (row.status() != RealisationStatus.DRAFT && row.status() != RealisationStatus.RETURNED) {
            throw notAllowed(row, "diserahkan");
        }
        AgreementViews.AgreementView agreement = agreements.read(scope, row.agreementId(), row.agreementRevision());
        Set<Integer> reported = new LinkedHashSet<>(jdbc.sql("SELECT item FROM realisation_entry WHERE"
                + " realisation_id = ? AND version = ?").params(id, row.currentVersion()).query(Integer.class).list());
        Findings findings = new Findings();
        for (int item = 0; item < agreement.items().size(); item++) {
            if (!reported.contains(item)) {
                findings.add(PerformanceProblems.REALISATION_INCOMPLETE, "/entries", "Butir " + item + " ("
                        + agreement.items().get(item).indicator() + ") belum diisi realisasinya.");
            }
        }
        findings.refuseIfAny("Realisasi belum dapat diserahkan: setiap indikator Perjanjian Kinerja harus diisi.");
        List<Integer> unpublished = jdbc.sql("SELECT item FROM realisation_entry WHERE realisation_id = ? AND version = ?"
                + " AND from_register AND register_published_at IS NULL ORDER BY item")
                .params(id, row.currentVersion()).query(Integer.class).list();
        for (int item : unpublished) {
            findings.add(PerformanceProblems.REGISTER_FIGURE_MISSING, "/entries/" + item, "Butir " + item + " ("
                    + agreement.items().get(item).indicator() + ") dihitung dari register welfare-service, yang belum"
                    + " menerbitkan angka triwulan " + row.quarter() + " tahun " + row.year() + ".");
        }
        findings.refuseIfAny("Realisasi belum dapat diserahkan: angka register belum tersedia.");
        Instant now = Instant.now();
        String by = scope.caller().name();
        if (row.submittedAt() == null) {
            // Lateness is of the first submission: a return and re-submission does not make a report late.
            // A historical quarter (no due date) has no lateness: it is entered years later from signed documents.
            Integer late = row.dueDate() == null ? null
                    : deadlines.of(row.year(), row.quarter(), LocalDate.ofInstant(now, CITY_ZONE)).workingDaysLate();
            jdbc.sql("UPDATE realisation SET first_submitted_at = ?, first_submitted_by = ?, working_days_late = ?"
                    + " WHERE id = ?").params(Timestamp.from(now), by, late, id).update();
        }
        move(row, RealisationStatus.SUBMITTED, now, by, null, List.of());
        RealisationViews.RealisationView view = read(scope, id, null);
        events.submitted(view, now, by);
        log.info("realisation {} version {} submitted", id, row.currentVersion());
        return view;
    }

    /** SUBMITTED back to RETURNED with the superior's checklist, by an approver of the parent unit. */
    @Transactional
    public RealisationViews.RealisationView giveBack(UnitScope scope, UUID id, int etag,
                                                     RealisationRequests.Return request) {
        Row row = decidable(scope, id, etag);
        Findings findings = new Findings();
        List<ReturnReason> checklist = new ArrayList<>();
        List<String> asked = request.checklist() == null ? List.of() : request.checklist();
        if (asked.isEmpty()) {
            findings.add(PerformanceProblems.CHECKLIST_INVALID, "/checklist", "Pilih paling sedikit satu tanggapan:"
                    + " " + Arrays.toString(ReturnReason.values()) + ".");
        }
        for (int i = 0; i < asked.size(); i++) {
            try {
                ReturnReason reason = ReturnReason.valueOf(asked.get(i) == null ? "" : asked.get(i).strip());
                if (!checklist.contains(reason)) {
                    checklist.add(reason);
                }
            } catch (IllegalArgumentException unknown) {
                findings.add(PerformanceProblems.CHECKLIST_INVALID, "/checklist/" + i, "Tanggapan harus salah satu"
                        + " dari: " + Arrays.toString(ReturnReason.values()) + ".");
            }
        }
        String other = text(findings, "/other", request.other(), 2000);
        if (checklist.contains(ReturnReason.OTHER) && (request.other() == null || request.other().isBlank())) {
            findings.add(PerformanceProblems.CHECKLIST_INVALID, "/other", "Uraikan tanggapan lain-lain.");
        }
        findings.refuseIfAny("Laporan tidak dapat dikembalikan: tanggapan atasan tidak sah.");
        Instant now = Instant.now();
        String by = scope.caller().name();
        move(row, RealisationStatus.RETURNED, now, by, other, checklist);
        RealisationViews.RealisationView view = read(scope, id, null);
        events.returned(view, checklist, other, now, by);
        log.info("realisation {} version {} returned", id, row.currentVersion());
        return view;
    }

    /** SUBMITTED to APPROVED, by an approver of the parent unit; the content version is kept as approved. */
    @Transactional
    public RealisationViews.RealisationView approve(UnitScope scope, UUID id, int etag) {
        Row row = decidable(scope, id, etag);
        Instant now = Instant.now();
        String by = scope.caller().name();
        jdbc.sql("UPDATE realisation_version SET approved_at = ?, approved_by = ? WHERE realisation_id = ?"
                + " AND version = ?").params(Timestamp.from(now), by, id, row.currentVersion()).update();
        jdbc.sql("UPDATE realisation SET approved_version = current_version WHERE id = ?").param(id).update();
        move(row, RealisationStatus.APPROVED, now, by, null, List.of());
        RealisationViews.RealisationView view = read(scope, id, null);
        events.approved(view, now, by);
        log.info("realisation {} version {} approved", id, row.currentVersion());
        return view;
    }

    /** One content version ({@code null}: the newest) of a realisation the caller may read, with its capaian. */
    @Transactional(readOnly = true)
    public RealisationViews.RealisationView read(UnitScope scope, UUID id, Integer version) {
        Row row = visible(scope, id, false);
        int shown = version == null ? row.currentVersion() : version;
        record Version(String obstacles, String followUp, String reason, Instant createdAt, String createdBy,
                       Instant approvedAt, String approvedBy) {
        }
        Version content = jdbc.sql("""
                SELECT obstacles, follow_up, reason, created_at, created_by, approved_at, approved_by
                  FROM realisation_version WHERE realisation_id = ? AND version = ?""").params(id, shown)
                .query((rs, n) -> new Version(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .optional().orElseThrow(() -> PerformanceProblems.REALISATION_VERSION_NOT_FOUND.refuse("Realisasi "
                        + id + " tidak memiliki versi " + shown + "; versi terbaru " + row.currentVersion() + "."));
        AgreementViews.AgreementView agreement = agreements.read(scope, row.agreementId(), row.agreementRevision());
        List<EntryCheck.Definition> definitions = definitions(agreement);
        Map<Integer, List<QuarterValue>> earlier = earlierQuarters(row);
        List<RealisationViews.EntryView> entries = new ArrayList<>();
        for (EntryCheck.Checked entry : entries(id, shown)) {
            AgreementViews.ItemView item = agreement.items().get(entry.item());
            EntryCheck.Definition definition = definitions.get(entry.item());
            Target target = new Target(item.target(), item.targetMax());
            List<QuarterValue> values = new ArrayList<>(earlier.getOrDefault(entry.item(), List.of()));
            if (usable(entry, definition.aggregation())) {
                values.add(quarterValue(row.quarter(), entry));
            }
            YearToDate ytd;
            try {
                ytd = YearToDate.of(definition.aggregation(), values, row.quarter());
            } catch (IllegalArgumentException mixed) {
                ytd = new YearToDate(definition.aggregation(), row.quarter(), null, values.size(),
                        "Triwulan sebelumnya tidak memuat pembilang dan penyebut: kumulatif tidak dapat dihitung.");
            }
            BigDecimal absorption = item.budget() == null || entry.budgetRealised() == null ? null
                    : BudgetAbsorption.of(item.budget(), entry.budgetRealised()).percent();
            RealisationViews.CapaianView quarter = entry.value() == null
                    ? new RealisationViews.CapaianView(null, false, null, noValue(entry))
                    : capaian(Capaian.measure(item.direction(), target, entry.value()));
            entries.add(new RealisationViews.EntryView(entry.item(), item.sasaran(), item.indicator(),
                    item.unitOfMeasure(), definition.kind(), definition.aggregation(), item.direction(),
                    item.target(), item.targetMax(), entry.value(), entry.numerator(), entry.denominator(),
                    item.budget(), entry.budgetRealised(), absorption, quarter, ytd.value(),
                    ytd.value() == null ? new RealisationViews.CapaianView(null, false, null, ytd.note())
                            : capaian(Capaian.measure(item.direction(), target, ytd.value())),
                    Efficiency.of(quarter.percent(), absorption).points(), entry.note(),
                    entry.budgetOverride(), entry.budgetOverrideReason(),
                    entry.fromRegister() ? IndicatorSource.REGISTER : IndicatorSource.ENTERED,
                    entry.registerPublishedAt()));
        }
        Unit unit = unitOf(row);
        return new RealisationViews.RealisationView(id, unit, row.year(), row.quarter(), row.agreementId(),
                row.agreementRevision(), shown == row.currentVersion() ? row.status()
                : content.approvedAt() != null ? RealisationStatus.APPROVED : RealisationStatus.DRAFT, shown, row.currentVersion(), row.approvedVersion(), row.etag(),
                row.dueDate(), row.submittedAt(), row.workingDaysLate(),
                row.workingDaysLate() != null && row.workingDaysLate() > 0, row.dueDate() == null,
                content.obstacles(), content.followUp(),
                content.reason(), content.createdAt(), content.createdBy(), content.approvedAt(),
                content.approvedBy(), entries);
    }

    /**
     * The capaian a typed, not yet saved figure of one item would have this quarter, by the same checks and the same
     * computation as a saved entry (the console asks while the value is typed; SAKIP figures are computed here
     * only). Nothing is written. A figure the entry would refuse is refused with its pointer ({@code /value},
     * {@code /numerator}, {@code /denominator}); an item of a register-fed indicator has no figure to preview.
     */
    @Transactional(readOnly = true)
    public RealisationViews.CapaianPreview preview(UnitScope scope, UUID id, Integer item, String value,
                                                   String numerator, String denominator) {
        Row row = visible(scope, id, false);
        AgreementViews.AgreementView agreement = agreements.read(scope, row.agreementId(), row.agreementRevision());
        if (item == null || item < 0 || item >= agreement.items().size()) {
            throw PerformanceProblems.ITEM_UNKNOWN.refuse("Perjanjian Kinerja realisasi ini tidak memiliki butir "
                    + item + ".", List.of(Violation.field("/item", "Butir 0-" + (agreement.items().size() - 1)
                    + ".")));
        }
        EntryCheck.Definition definition = definitions(agreement).get(item);
        if (definition.fromRegister()) {
            throw PerformanceProblems.REGISTER_VALUE_READ_ONLY.refuse("Butir " + item + " dihitung dari register"
                    + " welfare-service; nilainya tidak diisi pelapor.", List.of(Violation.field("/item",
                    "Butir dari register.")));
        }
        Findings findings = new Findings();
        EntryCheck.Checked entry = EntryCheck.one(findings, "", new RealisationRequests.Entry(item, value, numerator,
                denominator, null, null, null, null), definition).orElse(null);
        findings.refuseIfAny("Nilai realisasi tidak dapat dihitung capaiannya.");
        AgreementViews.ItemView agreed = agreement.items().get(item);
        Capaian capaian = Capaian.measure(agreed.direction(), new Target(agreed.target(), agreed.targetMax()),
                entry.value());
        return new RealisationViews.CapaianPreview(id, item, agreed.indicator(), agreed.unitOfMeasure(),
                agreed.target(), agreed.targetMax(), entry.value(), capaian(capaian));
    }

    /** The audit of a realisation the caller may read, oldest first. */
    @Transactional(readOnly = true)
    public List<RealisationViews.TransitionView> transitions(UnitScope scope, UUID id) {
        visible(scope, id, false);
        return jdbc.sql("""
                SELECT seq, at, by_user, from_status, to_status, version, reason, checklist
                  FROM realisation_transition WHERE realisation_id = ? ORDER BY seq""").param(id)
                .query((rs, n) -> {
                    Array array = rs.getArray(8);
                    List<ReturnReason> checklist = array == null ? List.of()
                            : Arrays.stream((String[]) array.getArray()).map(ReturnReason::valueOf).toList();
                    String from = rs.getString(4);
                    return new RealisationViews.TransitionView(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                            rs.getString(3), from == null ? null : RealisationStatus.valueOf(from),
                            RealisationStatus.valueOf(rs.getString(5)), rs.getInt(6), rs.getString(7), checklist);
                }).list();
    }

    /** Realisations the caller may read, by unit, year and quarter. */
    @Transactional(readOnly = true)
    public PageResponse<RealisationViews.RealisationSummary> list(UnitScope scope, String unitCode, Integer year,
                                                                  Integer quarter, Paging paging) {
        if (paging.byCursor()) {
            throw PlatformProblems.CURSOR_INVALID.refuse("Daftar realisasi memakai nomor halaman (page), bukan"
                    + " kursor.", List.of(Violation.field("/cursor", "Gunakan page dan size.")));
        }
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(scope.condition("unit_code", args));
        if (unitCode != null) {
            units.readable(scope, unitCode);
            where.append(" AND unit_code = ?");
            args.add(unitCode);
        }
        if (year != null) {
            where.append(" AND year = ?");
            args.add(year);
        }
        if (quarter != null) {
            where.append(" AND quarter = ?");
            args.add(quarter);
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(paging.size());
        pageArgs.add((long) paging.page() * paging.size());
        List<RealisationViews.RealisationSummary> items = jdbc.sql(ROW + " WHERE " + where
                        + " ORDER BY year DESC, quarter DESC, unit_code, id LIMIT ? OFFSET ?").params(pageArgs)
                .query((rs, n) -> row(rs)).list().stream()
                .map(r -> new RealisationViews.RealisationSummary(r.id(), r.unitCode(), r.year(), r.quarter(),
                        r.agreementId(), r.agreementRevision(), r.status(), r.currentVersion(), r.approvedVersion(),
                        r.dueDate(), r.workingDaysLate())).toList();
        return PageResponse.of(items, paging.page(), paging.size(), () -> jdbc.sql(
                "SELECT count(*) FROM realisation WHERE " + where).params(args).query(Long.class).single());
    }

    private Row decidable(UnitScope scope, UUID id, int etag) {
        Row row = locked(scope, id);
        Unit unit = unitOf(row);
        if (!Reviewers.decides(scope.caller(), unit)) {
            throw PerformanceProblems.NOT_REVIEWER.refuse("Realisasi unit " + unit.code() + " dinilai oleh atasan"
                    + " unit induknya.");
        }
        String submitter = jdbc.sql("SELECT by_user FROM realisation_transition WHERE realisation_id = ?"
                        + " AND to_status = 'SUBMITTED' ORDER BY seq DESC LIMIT 1").param(id).query(String.class)
                .optional().orElse(null);
        if (scope.caller().name().equals(submitter)) {
            throw PerformanceProblems.SUBMITTER_DECIDES.refuse("Anda menyerahkan realisasi ini; penilaiannya"
                    + " dilakukan oleh atasan lain.");
        }
        fresh(row, etag);
        if (row.status() != RealisationStatus.SUBMITTED) {
            throw notAllowed(row, "dinilai");
        }
        return row;
    }

    private void move(Row row, RealisationStatus to, Instant at, String by, String reason,
                      List<ReturnReason> checklist) {
        jdbc.sql("UPDATE realisation SET status = ?, etag = etag + 1 WHERE id = ?").params(to.name(), row.id())
                .update();
        audit(row.id(), at, by, row.status(), to, row.currentVersion(), reason, checklist);
    }

    private void audit(UUID id, Instant at, String by, RealisationStatus from, RealisationStatus to, int version,
                       String reason, List<ReturnReason> checklist) {
        String[] items = checklist.isEmpty() ? null : checklist.stream().map(Enum::name).toArray(String[]::new);
        batch.update("""
                INSERT INTO realisation_transition (realisation_id, seq, at, by_user, from_status, to_status, version,
                                                    reason, checklist)
                VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM realisation_transition WHERE realisation_id = ?),
                        ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, id);
            ps.setObject(2, id);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, by);
            ps.setString(5, from == null ? null : from.name());
            ps.setString(6, to.name());
            ps.setInt(7, version);
            ps.setString(8, reason);
            ps.setArray(9, items == null ? null : ps.getConnection().createArrayOf("text", items));
        });
    }

    private Row locked(UnitScope scope, UUID id) {
        return visible(scope, id, true);
    }

    Row visible(UnitScope scope, UUID id, boolean lock) {
        List<Object> args = new ArrayList<>();
        args.add(id);
        String inScope = scope.condition("unit_code", args);
        return jdbc.sql(ROW + " WHERE id = ? AND " + inScope + (lock ? " FOR UPDATE" : "")).params(args)
                .query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> PerformanceProblems.REALISATION_NOT_FOUND.refuse("Realisasi " + id
                        + " tidak ditemukan."));
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        int approved = rs.getInt("approved_version");
        Integer approvedOrNone = rs.wasNull() ? null : approved;
        int late = rs.getInt("working_days_late");
        Integer lateOrNone = rs.wasNull() ? null : late;
        Timestamp submitted = rs.getTimestamp("first_submitted_at");
        return new Row(rs.getObject("id", UUID.class), rs.getString("unit_code"), rs.getInt("year"),
                rs.getInt("quarter"), rs.getObject("agreement_id", UUID.class), rs.getInt("agreement_revision"),
                RealisationStatus.valueOf(rs.getString("status")), rs.getInt("current_version"), approvedOrNone,
                rs.getInt("etag"), rs.getObject("due_date", LocalDate.class),
                submitted == null ? null : submitted.toInstant(), lateOrNone,
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    static void fresh(Row row, int etag) {
        if (row.etag() != etag) {
            throw PerformanceProblems.REALISATION_STALE.refuse("Realisasi telah berubah sejak Anda membacanya (ETag"
                    + " terbaru \"" + row.etag() + "\"). Muat ulang, lalu ulangi.");
        }
    }

    private static Refusal notAllowed(Row row, String what) {
        return PerformanceProblems.TRANSITION_NOT_ALLOWED.refuse("Realisasi berstatus " + row.status()
                + " tidak dapat " + what + ".");
    }

    Unit unitOf(Row row) {
        return units.find(row.unitCode()).orElseThrow(() -> PerformanceProblems.REALISATION_NOT_FOUND.refuse(
                "Realisasi " + row.id() + " tidak ditemukan."));
    }

    private List<EntryCheck.Definition> definitions(AgreementViews.AgreementView agreement) {
        return agreement.items().stream().map(item -> item.renstraIndicatorId() == null
                ? EntryCheck.Definition.inferred(item.unitOfMeasure())
                : plans.indicatorDefinition(item.renstraIndicatorId())
                        .map(d -> new EntryCheck.Definition(d.kind(), d.aggregation(), item.unitOfMeasure(),
                                d.fromRegister() ? d.registerMeasure() : null, d.registerProgramme()))
                        .orElseGet(() -> EntryCheck.Definition.inferred(item.unitOfMeasure()))).toList();
    }

    /**
     * The entries with the register's figure on every item computed from a register, whether the request named it
     * (with a note or budget) or not: staff never set these values, the service computes them from the newest
     * figures welfare-service published for the unit's kelurahan and exactly this quarter.
     */
    private List<EntryCheck.Checked> withRegister(Unit unit, int year, int quarter, List<EntryCheck.Checked> entries,
                                                  List<EntryCheck.Definition> definitions) {
        Map<Integer, EntryCheck.Checked> byItem = new java.util.TreeMap<>();
        entries.forEach(e -> byItem.put(e.item(), e));
        List<String> kelurahan = null;
        for (int item = 0; item < definitions.size(); item++) {
            EntryCheck.Definition definition = definitions.get(item);
            if (!definition.fromRegister()) {
                continue;
            }
            if (kelurahan == null) {
                kelurahan = units.kelurahanOf(unit);
            }
            EntryCheck.Checked entry = byItem.getOrDefault(item,
                    new EntryCheck.Checked(item, null, null, null, null, null, null, true, null));
            byItem.put(item, filled(entry, definition, kelurahan, year, quarter));
        }
        return new ArrayList<>(byItem.values());
    }

    private EntryCheck.Checked filled(EntryCheck.Checked entry, EntryCheck.Definition definition,
                                      List<String> kelurahan, int year, int quarter) {
        LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
        LocalDate to = from.plusMonths(3).minusDays(1);
        return register.figure(definition.registerMeasure(), definition.registerProgramme(), kelurahan, from, to)
                .map(f -> entry.withRegister(f.value(), f.numerator(), f.denominator(), f.publishedAt()))
                .orElseGet(() -> entry.withRegister(null, null, null, null));
    }

    /** The actor the audit names when the register changes a realisation. */
    static final String REGISTER_ACTOR = "welfare-service (angka register)";

    /**
     * welfare-service published (or corrected) a kelurahan's figures for a quarter: every realisation of that year
     * and quarter of a unit covering the kelurahan (itself, its kecamatan, the OPDs) with an item computed from a
     * register takes the new value. While DRAFT, RETURNED or SUBMITTED in place, with a new ETag (a reviewer
     * deciding on what they read before is refused as stale); once APPROVED exactly as an edit by staff does: a new
     * content version with the reason, back to DRAFT, the approved version readable, an audit row and the
     * re-opened event. Runs in the transaction that records the event as processed.
     */
    @Transactional
    public int registerChanged(String kelurahanCode, int year, int quarter) {
        List<String> covering = units.coveringKelurahan(kelurahanCode);
        List<UUID> ids = jdbc.sql("SELECT id FROM realisation WHERE year = ? AND quarter = ?"
                        + " AND unit_code = ANY (CAST(? AS text[])) ORDER BY id")
                .params(year, quarter, covering.toArray(String[]::new)).query(UUID.class).list();
        int changed = 0;
        for (UUID id : ids) {
            if (refreshRegister(id)) {
                changed++;
            }
        }
        return changed;
    }

    private boolean refreshRegister(UUID id) {
        UnitScope scope = UnitScope.serviceItself(REGISTER_ACTOR);
        Row row = locked(scope, id);
        AgreementViews.AgreementView agreement = agreements.read(scope, row.agreementId(), row.agreementRevision());
        List<EntryCheck.Definition> definitions = definitions(agreement);
        if (definitions.stream().noneMatch(EntryCheck.Definition::fromRegister)) {
            return false;
        }
        List<EntryCheck.Checked> current = entries(id, row.currentVersion());
        List<EntryCheck.Checked> refreshed = withRegister(unitOf(row), row.year(), row.quarter(), current,
                definitions);
        Map<Integer, EntryCheck.Checked> before = new HashMap<>();
        current.forEach(e -> before.put(e.item(), e));
        boolean differs = refreshed.stream().anyMatch(e -> e.fromRegister() && (before.get(e.item()) == null
                || !e.sameFigure(before.get(e.item()))));
        if (!differs) {
            return false;
        }
        Instant now = Instant.now();
        if (row.status() == RealisationStatus.APPROVED) {
            int version = row.currentVersion() + 1;
            String reason = "Angka register welfare-service untuk triwulan " + row.quarter() + " tahun " + row.year()
                    + " diperbarui; penilaian dibuka kembali.";
            jdbc.sql("""
                    INSERT INTO realisation_version (realisation_id, version, obstacles, follow_up, reason, created_at,
                                                     created_by)
                    SELECT realisation_id, ?, obstacles, follow_up, ?, ?, ? FROM realisation_version
                     WHERE realisation_id = ? AND version = ?""")
                    .params(version, reason, Timestamp.from(now), REGISTER_ACTOR, id, row.currentVersion()).update();
            insertEntries(id, version, refreshed);
            audit(id, now, REGISTER_ACTOR, RealisationStatus.APPROVED, RealisationStatus.DRAFT, version, reason,
                    List.of());
            jdbc.sql("UPDATE realisation SET status = 'DRAFT', current_version = ?, etag = etag + 1 WHERE id = ?")
                    .params(version, id).update();
            events.reopened(read(scope, id, null), reason, now, REGISTER_ACTOR);
            log.info("realisation {} re-opened as version {} by a register figure", id, version);
        } else {
            jdbc.sql("DELETE FROM realisation_entry WHERE realisation_id = ? AND version = ?")
                    .params(id, row.currentVersion()).update();
            insertEntries(id, row.currentVersion(), refreshed);
            jdbc.sql("UPDATE realisation SET etag = etag + 1 WHERE id = ?").param(id).update();
            log.info("realisation {} version {} took a new register figure", id, row.currentVersion());
        }
        return true;
    }

    /** Values of the earlier quarters of the same agreement and year: the approved version of each, else its newest. */
    private Map<Integer, List<QuarterValue>> earlierQuarters(Row row) {
        Map<Integer, List<QuarterValue>> values = new HashMap<>();
        jdbc.sql("""
                SELECT r.quarter, e.item, e.value, e.numerator, e.denominator, r.id
                  FROM realisation r
                  JOIN realisation_entry e ON e.realisation_id = r.id
                                          AND e.version = coalesce(r.approved_version, r.current_version)
                 WHERE r.agreement_id = ? AND r.year = ? AND r.quarter < ?""")
                .params(row.agreementId(), row.year(), row.quarter())
                .query((rs, n) -> {
                    EntryCheck.Checked entry = new EntryCheck.Checked(rs.getInt(2), rs.getBigDecimal(3),
                            rs.getBigDecimal(4), rs.getBigDecimal(5), null, null);
                    // A register-fed quarter may have no value yet (nothing published) or parts 0/0 (nothing found):
                    // a ratio sums the parts, the other aggregations skip a quarter without a value.
                    if (entry.value() != null || entry.numerator() != null) {
                        values.computeIfAbsent(entry.item(), k -> new ArrayList<>())
                                .add(quarterValue(rs.getInt(1), entry));
                    }
                    return null;
                }).list();
        return values;
    }

    /** Whether a quarter's entry can enter the year-to-date value of {@code aggregation}. */
    private static boolean usable(EntryCheck.Checked entry, Aggregation aggregation) {
        return aggregation == Aggregation.RATIO ? entry.numerator() != null && entry.denominator() != null
                : entry.value() != null;
    }

    private static String noValue(EntryCheck.Checked entry) {
        if (entry.fromRegister() && entry.registerPublishedAt() == null) {
            return "Angka register triwulan ini belum diterbitkan welfare-service.";
        }
        if (entry.denominator() != null && entry.denominator().signum() == 0) {
            return "Penyebut 0 (tidak ada yang terdata): tidak ada rasio.";
        }
        return "Belum ada nilai.";
    }

    private static QuarterValue quarterValue(int quarter, EntryCheck.Checked entry) {
        return entry.numerator() != null
                ? QuarterValue.ratio(quarter, entry.numerator(), entry.denominator())
                : QuarterValue.of(quarter, entry.value());
    }

    private List<EntryCheck.Checked> entries(UUID id, int version) {
        return jdbc.sql("""
                SELECT item, value, numerator, denominator, budget_realised, note, budget_override_reason,
                       from_register, register_published_at
                  FROM realisation_entry WHERE realisation_id = ? AND version = ? ORDER BY item""")
                .params(id, version)
                .query((rs, n) -> {
                    long budget = rs.getLong(5);
                    Long budgetOrNone = rs.wasNull() ? null : budget;
                    Timestamp published = rs.getTimestamp(9);
                    return new EntryCheck.Checked(rs.getInt(1), plain(rs.getBigDecimal(2)),
                            plain(rs.getBigDecimal(3)), plain(rs.getBigDecimal(4)), budgetOrNone, rs.getString(6),
                            rs.getString(7), rs.getBoolean(8), published == null ? null : published.toInstant());
                }).list();
    }

    private RealisationViews.CapaianView capaian(Capaian capaian) {
        return RealisationViews.CapaianView.of(capaian, labels, cap);
    }

    private void insertVersion(UUID id, int version, String obstacles, String followUp, String reason, Instant at,
                               String by) {
        jdbc.sql("""
                INSERT INTO realisation_version (realisation_id, version, obstacles, follow_up, reason, created_at,
                                                 created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, version, obstacles, followUp, reason, Timestamp.from(at), by).update();
    }

    private void insertEntries(UUID id, int version, List<EntryCheck.Checked> entries) {
        List<Object[]> rows = new ArrayList<>();
        for (EntryCheck.Checked entry : entries) {
            rows.add(new Object[] {id, version, entry.item(), entry.value(), entry.numerator(), entry.denominator(),
                    entry.budgetRealised(), entry.note(), entry.budgetOverride(), entry.budgetOverrideReason(),
                    entry.fromRegister(),
                    entry.registerPublishedAt() == null ? null : Timestamp.from(entry.registerPublishedAt())});
        }
        batch.batchUpdate("""
                INSERT INTO realisation_entry (realisation_id, version, item, value, numerator, denominator,
                                               budget_realised, note, budget_override, budget_override_reason,
                                               from_register, register_published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private static String text(Findings findings, String pointer, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            findings.add(PerformanceProblems.TOO_LONG, pointer, "Paling banyak " + max + " karakter.");
            return null;
        }
        return stripped;
    }

    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
