package org.kesra.reporting.quarterly;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kesra.platform.web.Violation;
import org.kesra.reporting.ReportingProblems;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.performancefigures.PerformanceFigures;
import org.kesra.reporting.performancefigures.ReportUnits;
import org.kesra.reporting.performancefigures.UnitFindings;
import org.kesra.reporting.recap.ReportPeriod;
import org.kesra.reporting.sources.SourceProgress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Laporan Kinerja Triwulan of one unit (seed 002): per Perjanjian Kinerja of the unit for the year, the agreed
 * items (Tabel 2.1/2.2), the capaian of the quarter (Tabel 3.1), budget against performance per item (Tabel 3.2, cost
 * per outcome), the follow-up plan, and the superior's decision with the seed's checklist and the review history.
 * Every figure is the one performance-service published in its events; this class only lays them out and sums the
 * rupiah columns (and the share of those sums).
 */
@Service
public class QuarterlyPerformanceReport {

    static final List<String> TOPICS = List.of("performance.events");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern QUARTER = Pattern.compile("[1-4]");

    /** The report. {@code hasData}: whether any realisation of the quarter was published. */
    public record Report(String unitCode, String unitName, String unitKind, int year, int quarter, String period,
                         String periodLabel, LocalDate periodFrom, LocalDate periodTo, boolean hasData,
                         List<Section> sections, List<UnitFindings.Finding> findings,
                         List<SourceProgress.Source> sources, List<String> notes) {

        /** The data version: the newest performance event applied (null when none was applied yet). */
        public Instant dataAsOf() {
            return sources.stream().map(SourceProgress.Source::lastEventTime).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
        }
    }

    /** One Perjanjian Kinerja of the unit with its realisation of the quarter ({@code realisation} null if none). */
    public record Section(String position, String positionTitle, UUID agreementId, int agreementRevision,
                          Instant agreedAt, UUID agreementEventId, List<AgreementRow> agreement,
                          RealisationInfo realisation, List<CapaianRow> capaian, List<CostRow> cost,
                          CostTotal costTotal, String obstacles, String followUp, Decision decision,
                          List<StepRow> history) {
    }

    /** An item as agreed: number, sasaran, indicator, target (range: target..targetMax) with unit, pagu. */
    public record AgreementRow(String no, String sasaran, String indicator, String unitOfMeasure, BigDecimal target,
                               BigDecimal targetMax, Long budget) {
    }

    /** Which realisation and which of its content versions the tables show, and where it came from. */
    public record RealisationInfo(UUID realisationId, String status, String statusLabel, int shownVersion,
                                  int latestVersion, Integer approvedVersion, LocalDate dueDate, Instant submittedAt,
                                  Integer workingDaysLate, UUID contentEventId) {
    }

    /** Tabel 3.1: target, realisation and capaian (performance-service's) of the quarter and year to date. */
    public record CapaianRow(String no, String sasaran, String indicator, String unitOfMeasure, BigDecimal target,
                             BigDecimal targetMax, BigDecimal value, BigDecimal capaian, BigDecimal yearToDateValue,
                             BigDecimal yearToDateCapaian, String note) {
    }

    /**
     * Tabel 3.2: pagu, realised rupiah and absorption beside target, realisation, capaian, and the efficiency (capaian
     * minus absorption, percentage points): all as performance-service published them.
     */
    public record CostRow(String no, String sasaran, String indicator, String unitOfMeasure, Long budget,
                          Long budgetRealised, BigDecimal budgetAbsorption, BigDecimal target, BigDecimal value,
                          BigDecimal capaian, BigDecimal efficiency) {
    }

    /** Sums of Tabel 3.2's rupiah columns; {@code absorption} their share (%, 2 places half-up), null without pagu. */
    public record CostTotal(long budget, long budgetRealised, BigDecimal absorption) {
    }

    /** The superior's latest decision on the report and the seed 002 checklist as it was ticked. */
    public record Decision(String status, String label, Instant decidedAt, List<ChecklistLine> checklist,
                           String reason, UUID eventId) {
    }

    public record ChecklistLine(String label, boolean ticked) {
    }

    /** One review step: submitted, returned, approved or re-opened. */
    public record StepRow(String step, String label, int version, String reason, List<String> checklist,
                          Instant at, UUID eventId) {
    }

    static final Map<String, String> CHECKLIST = checklist();

    private final ReportUnits reportUnits;
    private final PerformanceFigures figures;
    private final SourceProgress progress;
    private final UnitFindings unitFindings;

    public QuarterlyPerformanceReport(ReportUnits reportUnits, PerformanceFigures figures, SourceProgress progress,
                                      UnitFindings unitFindings) {
        this.reportUnits = reportUnits;
        this.figures = figures;
        this.progress = progress;
        this.unitFindings = unitFindings;
    }

    // One snapshot for the figures and the data version and offsets read with them (SourceProgress), so a kept
    // file's offsets are exactly those of its data even while events are applied meanwhile.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report report(ReportingAccess.Scope scope, String unitText, String yearText, String quarterText) {
        String unit = ReportUnits.covered(scope, unitText);
        List<Violation> violations = new ArrayList<>();
        ReportUnits.check(unit, violations);
        String year = yearText == null ? "" : yearText.trim();
        if (!YEAR.matcher(year).matches() || Integer.parseInt(year) < 2000 || Integer.parseInt(year) > 2100) {
            violations.add(Violation.field("/tahun", "Tahun wajib berupa angka 2000-2100."));
        }
        String quarter = quarterText == null ? "" : quarterText.trim();
        if (!QUARTER.matcher(quarter).matches()) {
            violations.add(Violation.field("/triwulan", "Triwulan wajib 1, 2, 3 atau 4."));
        }
        if (!violations.isEmpty()) {
            throw ReportingProblems.PARAMETER_INVALID.refuse("Parameter laporan kinerja triwulan tidak sah.",
                    violations);
        }
        int tahun = Integer.parseInt(year);
        int triwulan = Integer.parseInt(quarter);
        ReportUnits.Named found = reportUnits.named(unit);
        List<PerformanceFigures.PlanPeriod> plans = figures.plans(unit);
        if (!plans.isEmpty() && plans.stream().noneMatch(p -> p.startYear() <= tahun && tahun <= p.endYear())) {
            throw ReportingProblems.PERIOD_OUTSIDE_PLAN.refuse("Tahun " + tahun + " di luar periode Renstra unit "
                    + unit + ".", List.of(Violation.field("/tahun", "Renstra unit ini mencakup tahun "
                    + String.join(", ", plans.stream().map(p -> p.startYear() + "-" + p.endYear()).sorted()
                    .distinct().toList()) + ".")));
        }
        ReportPeriod period = ReportPeriod.parse(tahun + "-Q" + triwulan);

        List<PerformanceFigures.Realisation> realisations = figures.realisations(unit, tahun, triwulan);
        Map<UUID, PerformanceFigures.Realisation> byAgreement = new HashMap<>();
        realisations.forEach(r -> byAgreement.put(r.agreementId(), r));
        Map<UUID, PerformanceFigures.Agreement> agreements = new LinkedHashMap<>();
        figures.agreements(unit, tahun).forEach(a -> agreements.put(a.agreementId(), a));
        List<String> notes = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        for (PerformanceFigures.Agreement newest : agreements.values()) {
            PerformanceFigures.Realisation realisation = byAgreement.remove(newest.agreementId());
            sections.add(section(newest, realisation, notes));
        }
        for (PerformanceFigures.Realisation orphan : byAgreement.values()) {
            // the realisation arrived before its agreement's event: show its figures without the agreement's texts
            sections.add(section(null, orphan, notes));
        }
        if (plans.isEmpty()) {
            notes.add("Belum ada Renstra unit ini yang diterbitkan performance-service.");
        }
        if (agreements.isEmpty()) {
            notes.add("Belum ada Perjanjian Kinerja tahun " + tahun + " yang disepakati untuk unit ini.");
        }
        if (realisations.isEmpty()) {
            notes.add("Belum ada realisasi " + period.label() + " yang diserahkan; tabel capaian dan cost per "
                    + "outcome kosong.");
        }
        notes.add("Capaian dan penyerapan anggaran per butir adalah hitungan performance-service; laporan ini hanya "
                + "menjumlahkan kolom rupiah.");
        notes.add("Efisiensi Tabel 3.2 = capaian kinerja dikurangi capaian anggaran (poin persen; positif berarti"
                + " efisien), dihitung performance-service; kosong bila salah satu capaian tidak ada.");
        // The unit's findings for the year as performance-service published them: those of the plan and agreement
        // (no quarter) and of this quarter's realisation; the other quarters' belong to their own reports.
        UnitFindings.Snapshot published = unitFindings.of(unit, tahun);
        List<UnitFindings.Finding> findings = published.findings().stream()
                .filter(f -> f.quarter() == null || f.quarter() == triwulan).toList();
        if (published.publishedAt() == null) {
            notes.add("Hasil pemeriksaan konsistensi unit ini untuk tahun " + tahun + " belum diterbitkan"
                    + " performance-service.");
        }
        return new Report(unit, found.name(), found.kind(), tahun, triwulan, period.code(), period.label(), period.from(),
                period.to(), !realisations.isEmpty(), sections, findings, progress.of(TOPICS), notes);
    }

    private Section section(PerformanceFigures.Agreement newest, PerformanceFigures.Realisation realisation,
                            List<String> notes) {
        PerformanceFigures.Agreement agreement = newest;
        RealisationInfo info = null;
        PerformanceFigures.Content content = null;
        if (realisation != null) {
            int shown = realisation.approvedVersion() != null ? realisation.approvedVersion() : realisation.version();
            content = figures.content(realisation.realisationId(), shown).orElse(null);
            int revision = content != null ? content.agreementRevision() : realisation.agreementRevision();
            agreement = figures.agreement(realisation.agreementId(), revision).orElse(newest);
            info = new RealisationInfo(realisation.realisationId(), realisation.status(),
                    statusLabel(realisation.status()), shown, realisation.version(), realisation.approvedVersion(),
                    realisation.dueDate(), realisation.submittedAt(), realisation.workingDaysLate(),
                    content == null ? null : content.eventId());
            if (realisation.approvedVersion() != null && realisation.approvedVersion() != realisation.version()) {
                notes.add("Realisasi dibuka kembali (versi " + realisation.version() + ", " +
                        statusLabel(realisation.status()).toLowerCase(java.util.Locale.ROOT)
                        + "); yang ditampilkan versi " + shown + " yang telah disetujui.");
            } else if (realisation.approvedVersion() == null) {
                notes.add("Realisasi belum disetujui atasan (" + statusLabel(realisation.status())
                        .toLowerCase(java.util.Locale.ROOT) + "); angka dapat berubah.");
            }
        }
        Map<Integer, PerformanceFigures.Item> items = new LinkedHashMap<>();
        if (agreement != null) {
            agreement.items().forEach(i -> items.put(i.item(), i));
        } else {
            notes.add("Perjanjian Kinerja realisasi " + realisation.realisationId() + " belum diterima; sasaran "
                    + "tidak ditampilkan.");
        }
        List<AgreementRow> agreementRows = items.values().stream().map(i -> new AgreementRow(no(i.item()),
                i.sasaran(), i.indicator(), i.unitOfMeasure(), i.target(), i.targetMax(), i.budget())).toList();
        List<CapaianRow> capaian = new ArrayList<>();
        List<CostRow> cost = new ArrayList<>();
        long budget = 0;
        long realised = 0;
        if (content != null) {
            for (PerformanceFigures.Entry e : content.entries()) {
                String sasaran = Optional.ofNullable(items.get(e.item())).map(PerformanceFigures.Item::sasaran)
                        .orElse("");
                capaian.add(new CapaianRow(no(e.item()), sasaran, e.indicator(), e.unitOfMeasure(), e.target(),
                        e.targetMax(), e.value(), e.capaian(), e.yearToDateValue(), e.yearToDateCapaian(),
                        e.capaian() == null ? "tanpa rasio (target 0)" : ""));
                cost.add(new CostRow(no(e.item()), sasaran, e.indicator(), e.unitOfMeasure(), e.budget(),
                        e.budgetRealised(), e.budgetAbsorption(), e.target(), e.value(), e.capaian(),
                        e.efficiency()));
                budget += e.budget() == null ? 0 : e.budget();
                realised += e.budgetRealised() == null ? 0 : e.budgetRealised();
            }
        }
        BigDecimal absorption = budget == 0 ? null : BigDecimal.valueOf(realised).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(budget), 2, RoundingMode.HALF_UP);
        List<StepRow> history = realisation == null ? List.of() : figures.steps(realisation.realisationId()).stream()
                .map(s -> new StepRow(step(s.eventType()), stepLabel(s.eventType()), s.version(), s.reason(),
                        s.checklist().stream().map(c -> CHECKLIST.getOrDefault(c, c)).toList(), s.occurredAt(),
                        s.eventId()))
                .toList();
        return new Section(agreement == null ? null : agreement.position(),
                agreement == null ? null : agreement.positionTitle(),
                agreement == null ? realisation.agreementId() : agreement.agreementId(),
                agreement == null ? realisation.agreementRevision() : agreement.revision(),
                agreement == null ? null : agreement.agreedAt(), agreement == null ? null : agreement.eventId(),
                agreementRows, info, capaian, cost, new CostTotal(budget, realised, absorption),
                content == null ? null : content.obstacles(), content == null ? null : content.followUp(),
                decision(history), history);
    }

    /** The latest decision (approved or returned) with the seed 002 checklist; undecided when there was none. */
    private static Decision decision(List<StepRow> history) {
        StepRow last = null;
        for (StepRow step : history) {
            if (step.step().equals("approved") || step.step().equals("returned")) {
                last = step;
            }
        }
        boolean approved = last != null && last.step().equals("approved");
        List<String> ticked = last == null ? List.of() : last.checklist();
        List<ChecklistLine> lines = new ArrayList<>();
        lines.add(new ChecklistLine("Laporan sudah baik", approved));
        lines.add(new ChecklistLine("Laporan kurang baik", false));
        CHECKLIST.values().forEach(label -> lines.add(new ChecklistLine(label, ticked.contains(label))));
        if (last == null) {
            return new Decision("BELUM_DINILAI", "Belum dinilai atasan", null, lines, null, null);
        }
        return new Decision(approved ? "APPROVED" : "RETURNED", approved ? "Disetujui" : "Dikembalikan untuk "
                + "diperbaiki", last.at(), lines, last.reason(), last.eventId());
    }

    private static Map<String, String> checklist() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("REPORT_TO_FIX", "Laporan segera diperbaiki");
        labels.put("RECHECK_TARGET_AND_REALISATION", "Target dan realisasi diteliti ulang");
        labels.put("RECHECK_CAPAIAN", "Capaian diteliti ulang");
        labels.put("OTHER", "Lain-lain");
        return labels;
    }

    public static String statusLabel(String status) {
        return switch (status) {
            case "DRAFT" -> "Draf";
            case "SUBMITTED" -> "Diserahkan, menunggu penilaian";
            case "RETURNED" -> "Dikembalikan untuk diperbaiki";
            case "APPROVED" -> "Disetujui";
            default -> status;
        };
    }

    private static String step(String eventType) {
        return eventType.substring(eventType.lastIndexOf('.') + 1);
    }

    private static String stepLabel(String eventType) {
        return switch (step(eventType)) {
            case "submitted" -> "Diserahkan";
            case "returned" -> "Dikembalikan";
            case "approved" -> "Disetujui";
            case "reopened" -> "Dibuka kembali";
            default -> eventType;
        };
    }

    private static String no(int item) {
        return (item + 1) + ".";
    }
}
