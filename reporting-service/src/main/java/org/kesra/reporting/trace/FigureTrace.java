package org.kesra.reporting.trace;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kesra.platform.web.Violation;
import org.kesra.reporting.ReportingProblems;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.lakip.LakipReport;
import org.kesra.reporting.performancefigures.PerformanceFigures;
import org.kesra.reporting.quarterly.QuarterlyPerformanceReport;
import org.kesra.reporting.renstra.RenstraMatrixReport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a figure of a performance report came from (issue 23 item 5): the figure as the report shows it, the
 * submission (realisation, content version, status, who submitted it and when), its approval (who approved, when,
 * with which event), the Perjanjian Kinerja revision, and the ordered review events of the realisation with the
 * topic, partition and offset each was read at and the figure as each event carried it.
 *
 * <p>The figure is taken from the report itself (the same use case, the same access rules and refusals), so a trace
 * can never show a value the report does not; the events come from the read model's history of review steps.
 */
@Service
public class FigureTrace {

    static final List<String> REPORTS = List.of("quarterly", "lakip", "renstra");
    static final List<String> FIGURES = List.of("realisasi", "capaian", "target", "anggaran");
    private static final Pattern ITEM = Pattern.compile("[1-9][0-9]{0,2}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * The trace of one figure. {@code value}: the figure as the report shows it; {@code source}: the event whose
     * content the report shows; {@code events}: every event the figure came from, in the order they were published.
     */
    public record Trace(String report, String unitCode, String unitName, String period, String periodLabel,
                        String item, String sasaran, String indicator, String unitOfMeasure, String figure,
                        String figureLabel, BigDecimal value, Submission submission, Approval approval,
                        EventRef source, AgreementRef agreement, PlanRef plan, List<TracedEvent> events,
                        List<String> notes) {
    }

    /**
     * The realisation the figure belongs to: the content version shown (the approved one, else the newest), the
     * newest version, its status, the first submission and who submitted the version shown (as published).
     */
    public record Submission(UUID realisationId, int quarter, String status, String statusLabel, int version,
                             int latestVersion, Integer approvedVersion, Instant firstSubmittedAt,
                             Instant submittedAt, String submittedBy, UUID agreementId, int agreementRevision) {
    }

    /** The approval of the version shown: the latest approving event of that version; null when not approved. */
    public record Approval(int version, Instant approvedAt, String approvedBy, UUID eventId) {
    }

    /** An event with where it was read; positions null for an event applied before they were kept (rebuild). */
    public record EventRef(UUID eventId, String type, String topic, Integer partition, Long offset, Instant time) {
    }

    /** The Perjanjian Kinerja revision the row's item belongs to, with its agreed event. */
    public record AgreementRef(UUID agreementId, int revision, String position, String positionTitle,
                               Instant agreedAt, EventRef event) {
    }

    /** For a target: the Renstra indicator's target of the year in the plan version the item takes over. */
    public record PlanRef(UUID planId, int version, String title, String indicator, int year, BigDecimal target,
                          BigDecimal targetMax, Long budget, EventRef event) {
    }

    /**
     * One event the figure came from: its step, where it was read, who took it, the status and version it left,
     * the figure as it carried it ({@code value} null when it did not carry the item), and whether it is the event
     * whose content the report shows.
     */
    public record TracedEvent(int no, UUID eventId, String type, String step, String label, String topic,
                              Integer partition, Long offset, Instant time, Instant occurredAt, String actor,
                              String status, Integer version, BigDecimal value, String reason,
                              List<String> checklist, boolean shown) {
    }

    private final QuarterlyPerformanceReport quarterly;
    private final LakipReport lakip;
    private final RenstraMatrixReport renstra;
    private final PerformanceFigures figures;

    public FigureTrace(QuarterlyPerformanceReport quarterly, LakipReport lakip, RenstraMatrixReport renstra,
                       PerformanceFigures figures) {
        this.quarterly = quarterly;
        this.lakip = lakip;
        this.renstra = renstra;
        this.figures = figures;
    }

    /** {@code versionText}: the Renstra version of a {@code renstra} trace (the newest when absent). */
    @Transactional(readOnly = true)
    public Trace trace(ReportingAccess.Scope scope, String reportText, String unitText, String yearText,
                       String quarterText, String itemText, String figureText, String agreementText,
                       String versionText) {
        String unit = unitText == null ? "" : unitText.trim();
        if (!unit.isEmpty() && !scope.covers(unit)) {
            // before anything is looked up: the answer says nothing about the unit or its data
            throw ReportingProblems.OUTSIDE_REGION.refuse("Unit yang diminta berada di luar wilayah kerja Anda.");
        }
        String report = lower(reportText);
        String figure = lower(figureText);
        String item = itemText == null ? "" : itemText.trim();
        String agreement = agreementText == null ? "" : agreementText.trim();
        List<Violation> violations = new ArrayList<>();
        if (!REPORTS.contains(report)) {
            violations.add(Violation.field("/report", "Laporan wajib salah satu dari: quarterly (Laporan Kinerja "
                    + "Triwulan), lakip, renstra (Matriks Renstra)."));
        }
        if (!FIGURES.contains(figure)) {
            violations.add(Violation.field("/figure", "Angka wajib salah satu dari: " + String.join(", ", FIGURES)
                    + "."));
        } else if ("lakip".equals(report) && "anggaran".equals(figure)) {
            violations.add(Violation.field("/figure", "Realisasi anggaran LAKIP disusun per kegiatan dari keempat "
                    + "laporan triwulan; telusuri anggaran setiap triwulan dengan report=quarterly."));
        } else if ("renstra".equals(report) && "anggaran".equals(figure)) {
            violations.add(Violation.field("/figure", "Realisasi anggaran Matriks Renstra adalah jumlah keempat "
                    + "laporan triwulan; telusuri anggaran setiap triwulan dengan report=quarterly."));
        }
        if (!ITEM.matcher(item).matches()) {
            violations.add(Violation.field("/item", "Butir wajib nomor baris laporan (1, 2, ...): nomor butir "
                    + "Perjanjian Kinerja untuk laporan triwulan, nomor IKU untuk LAKIP, nomor baris indikator "
                    + "Matriks Renstra."));
        }
        if (!agreement.isEmpty() && !UUID_TEXT.matcher(agreement).matches()) {
            violations.add(Violation.field("/perjanjian", "Perjanjian wajib id Perjanjian Kinerja (UUID)."));
        }
        if (!violations.isEmpty()) {
            throw ReportingProblems.PARAMETER_INVALID.refuse("Parameter penelusuran angka tidak sah.", violations);
        }
        int no = Integer.parseInt(item);
        return switch (report) {
            case "quarterly" -> quarterly(scope, unit, yearText, quarterText, no, figure,
                    agreement.isEmpty() ? null : UUID.fromString(agreement));
            case "lakip" -> lakip(scope, unit, yearText, no, figure);
            default -> renstra(scope, unit, versionText, yearText, no, figure);
        };
    }

    private Trace quarterly(ReportingAccess.Scope scope, String unit, String yearText, String quarterText, int no,
                            String figure, UUID agreementId) {
        QuarterlyPerformanceReport.Report report = quarterly.report(scope, unit, yearText, quarterText);
        String rowNo = no + ".";
        List<QuarterlyPerformanceReport.Section> sections = report.sections().stream()
                .filter(s -> agreementId == null || agreementId.equals(s.agreementId()))
                .filter(s -> s.agreement().stream().anyMatch(a -> a.no().equals(rowNo))
                        || s.capaian().stream().anyMatch(c -> c.no().equals(rowNo)))
                .toList();
        if (sections.isEmpty()) {
            if (report.sections().isEmpty()) {
                throw ReportingProblems.FIGURE_NO_DATA.refuse("Belum ada Perjanjian Kinerja maupun realisasi "
                        + report.periodLabel() + " untuk unit " + unit + "; angka ini belum ada.");
            }
            throw ReportingProblems.ITEM_UNKNOWN.refuse("Laporan Kinerja " + report.periodLabel() + " unit " + unit
                    + " tidak memiliki butir " + no + (agreementId == null ? "" : " pada Perjanjian Kinerja "
                    + agreementId) + ".");
        }
        if (sections.size() > 1) {
            throw ReportingProblems.PARAMETER_INVALID.refuse("Unit ini memiliki beberapa Perjanjian Kinerja tahun "
                    + report.year() + "; sebutkan yang mana.", List.of(Violation.field("/perjanjian",
                    "Pilih salah satu: " + String.join(", ", sections.stream().map(s -> s.agreementId() + " ("
                            + s.positionTitle() + ")").toList()) + ".")));
        }
        QuarterlyPerformanceReport.Section section = sections.get(0);
        Optional<QuarterlyPerformanceReport.AgreementRow> agreed = section.agreement().stream()
                .filter(a -> a.no().equals(rowNo)).findFirst();
        Optional<QuarterlyPerformanceReport.CapaianRow> capaian = section.capaian().stream()
                .filter(c -> c.no().equals(rowNo)).findFirst();
        Optional<QuarterlyPerformanceReport.CostRow> cost = section.cost().stream()
                .filter(c -> c.no().equals(rowNo)).findFirst();
        QuarterlyPerformanceReport.RealisationInfo info = section.realisation();
        boolean target = "target".equals(figure);
        if (!target && (info == null || capaian.isEmpty())) {
            throw ReportingProblems.FIGURE_NO_DATA.refuse("Belum ada realisasi " + report.periodLabel()
                    + " yang diserahkan untuk unit " + unit + "; angka " + figure + " butir " + no
                    + " belum ada.");
        }
        BigDecimal value = switch (figure) {
            case "realisasi" -> capaian.get().value();
            case "capaian" -> capaian.get().capaian();
            case "anggaran" -> cost.map(c -> c.budgetRealised() == null ? null
                    : BigDecimal.valueOf(c.budgetRealised())).orElse(null);
            default -> capaian.map(QuarterlyPerformanceReport.CapaianRow::target)
                    .orElseGet(() -> agreed.map(QuarterlyPerformanceReport.AgreementRow::target).orElse(null));
        };
        String sasaran = capaian.map(QuarterlyPerformanceReport.CapaianRow::sasaran)
                .orElseGet(() -> agreed.map(QuarterlyPerformanceReport.AgreementRow::sasaran).orElse(null));
        String indicator = capaian.map(QuarterlyPerformanceReport.CapaianRow::indicator)
                .orElseGet(() -> agreed.map(QuarterlyPerformanceReport.AgreementRow::indicator).orElse(null));
        String measure = switch (figure) {
            case "anggaran" -> "Rp";
            case "capaian" -> "%";
            default -> capaian.map(QuarterlyPerformanceReport.CapaianRow::unitOfMeasure).orElseGet(() ->
                    agreed.map(QuarterlyPerformanceReport.AgreementRow::unitOfMeasure).orElse(null));
        };
        int agreementItem = no - 1;
        List<String> notes = new ArrayList<>();
        Submission submission = null;
        Approval approval = null;
        EventRef source = null;
        List<TracedEvent> events = new ArrayList<>();
        AgreementRef agreementRef = agreementRef(section.agreementId(), section.agreementRevision());
        if (target && agreementRef != null) {
            events.add(agreedEvent(agreementRef, agreed.map(QuarterlyPerformanceReport.AgreementRow::target)
                    .orElse(null), info == null));
            if (info == null) {
                source = agreementRef.event();
            }
        }
        if (info != null) {
            List<PerformanceFigures.TracedStep> steps = figures.trace(info.realisationId(), agreementItem);
            submission = submission(info, report.quarter(), section.agreementId(), section.agreementRevision(),
                    steps);
            approval = approval(info, steps);
            source = figures.sourceEvent(info.contentEventId()).map(FigureTrace::ref)
                    .orElse(new EventRef(info.contentEventId(), null, null, null, null, null));
            for (PerformanceFigures.TracedStep step : steps) {
                events.add(event(events.size() + 1, step, quarterValue(figure, step.figures()),
                        step.eventId().equals(info.contentEventId())));
            }
            if (info.approvedVersion() == null) {
                notes.add("Realisasi belum disetujui atasan; angka dapat berubah.");
            } else if (info.approvedVersion() != info.latestVersion()) {
                notes.add("Realisasi dibuka kembali (versi " + info.latestVersion() + "); laporan menampilkan versi "
                        + info.shownVersion() + " yang telah disetujui.");
            }
        } else {
            notes.add("Belum ada realisasi " + report.periodLabel() + "; target berasal dari Perjanjian Kinerja.");
        }
        PlanRef plan = target ? plan(section.agreementId(), section.agreementRevision(), agreementItem,
                report.year()) : null;
        notes.add("Angka ini sama dengan yang ditampilkan laporan; laporan tidak menghitung ulang angka "
                + "performance-service.");
        notes.addAll(positionsNote(events));
        return new Trace("quarterly", report.unitCode(), report.unitName(), report.period(), report.periodLabel(),
                rowNo, sasaran, indicator, measure, figure, label(figure), value, submission, approval, source,
                agreementRef, plan, events, notes);
    }

    private Trace lakip(ReportingAccess.Scope scope, String unit, String yearText, int no, String figure) {
        LakipReport.Report report = lakip.report(scope, unit, yearText);
        String rowNo = no + ".";
        if (report.iku().isEmpty()) {
            throw ReportingProblems.FIGURE_NO_DATA.refuse("Belum ada Perjanjian Kinerja tahun " + report.year()
                    + " untuk unit " + unit + "; LAKIP belum memiliki IKU.");
        }
        LakipReport.IkuRow row = report.iku().stream().filter(r -> r.no().equals(rowNo)).findFirst()
                .orElseThrow(() -> ReportingProblems.ITEM_UNKNOWN.refuse("LAKIP " + report.periodLabel() + " unit "
                        + unit + " tidak memiliki IKU nomor " + no + " (ada " + report.iku().size() + ")."));
        boolean target = "target".equals(figure);
        if (!target && row.eventId() == null) {
            throw ReportingProblems.FIGURE_NO_DATA.refuse("Belum ada realisasi tahun " + report.year()
                    + " yang diserahkan untuk unit " + unit + "; angka " + figure + " IKU " + no + " belum ada.");
        }
        BigDecimal value = switch (figure) {
            case "realisasi" -> row.realisation();
            case "capaian" -> row.capaian();
            default -> row.target();
        };
        // the IKU row is the agreement item of that indicator in the content the LAKIP shows
        String indicator = key(row.indicator());
        YearFigure traced = yearFigure(report.unitCode(), report.year(), row.throughQuarter(), row.eventId(), figure,
                row.target(), (content, agreementId) -> content.entries().stream()
                        .filter(e -> key(e.indicator()).equals(indicator))
                        .mapToInt(PerformanceFigures.Entry::item).findFirst().orElse(-1));
        List<String> notes = new ArrayList<>(traced.notes());
        notes.add("Angka ini sama dengan yang ditampilkan LAKIP; laporan tidak menghitung ulang angka "
                + "performance-service.");
        notes.addAll(positionsNote(traced.events()));
        return new Trace("lakip", report.unitCode(), report.unitName(), report.period(), report.periodLabel(),
                rowNo, row.sasaran(), row.indicator(), "capaian".equals(figure) ? "%" : row.unitOfMeasure(), figure,
                label(figure), value, traced.submission(), traced.approval(), traced.source(), traced.agreement(),
                traced.plan(), traced.events(), notes);
    }

    /**
     * A figure of the Renstra matrix (seed 001 Tabel 6.1): row {@code no} of the matrix (its indicators in the order
     * the table prints them) and the year {@code tahun}. Realisation and capaian are the year to date of the latest
     * quarter reported, as in the LAKIP; the target is the plan's own, with the plan version's event.
     */
    private Trace renstra(ReportingAccess.Scope scope, String unit, String versionText, String yearText, int no,
                          String figure) {
        RenstraMatrixReport.Report report = renstra.report(scope, unit, versionText);
        if (report.plan() == null) {
            throw ReportingProblems.FIGURE_NO_DATA.refuse("Unit " + unit + " belum memiliki Renstra yang "
                    + "diterbitkan; Matriks Renstra belum memiliki angka.");
        }
        String yearValue = yearText == null ? "" : yearText.trim();
        Integer year = yearValue.matches("[0-9]{4}") ? Integer.valueOf(yearValue) : null;
        if (year == null) {
            throw ReportingProblems.PARAMETER_INVALID.refuse("Parameter penelusuran angka tidak sah.",
                    List.of(Violation.field("/tahun", "Tahun wajib 4 angka (2024).")));
        }
        if (year < report.plan().startYear() || year > report.plan().endYear()) {
            throw ReportingProblems.PERIOD_OUTSIDE_PLAN.refuse("Tahun " + year + " di luar " + report.periodLabel()
                    + " unit " + unit + ".", List.of(Violation.field("/tahun", report.periodLabel() + " mencakup tahun "
                    + report.plan().startYear() + "-" + report.plan().endYear() + ".")));
        }
        if (no > report.rows().size()) {
            throw ReportingProblems.ITEM_UNKNOWN.refuse("Matriks " + report.periodLabel() + " unit " + unit
                    + " tidak memiliki baris indikator nomor " + no + " (ada " + report.rows().size() + ").");
        }
        RenstraMatrixReport.MatrixRow row = report.rows().get(no - 1);
        RenstraMatrixReport.YearCell cell = row.years().stream().filter(c -> c.year() == year).findFirst()
                .orElseThrow();
        boolean target = "target".equals(figure);
        if (!target && cell.eventId() == null) {
            throw ReportingProblems.FIGURE_NO_DATA.refuse("Belum ada realisasi tahun " + year + " yang diserahkan "
                    + "untuk indikator baris " + no + " unit " + unit + "; angka " + figure + " belum ada.");
        }
        BigDecimal value = switch (figure) {
            case "realisasi" -> cell.realisation();
            case "capaian" -> cell.capaian();
            default -> cell.target();
        };
        YearFigure traced;
        if (target) {
            // the matrix prints the plan's own target of the year, not an agreement's
            PlanRef plan = figures.planTarget(row.indicatorId(), year).map(this::planRef).orElse(null);
            traced = new YearFigure(null, null, plan == null ? null : plan.event(), null, plan,
                    plan == null || plan.event() == null ? List.of() : List.of(planEvent(plan)),
                    List.of("Target tahun " + year + " berasal dari Renstra versi " + report.plan().version() + "."));
        } else {
            // the matrix row is the agreement item that takes over this Renstra indicator
            traced = yearFigure(report.unitCode(), year, cell.throughQuarter(), cell.eventId(), figure, cell.target(),
                    (content, agreementId) -> figures.renstraIndicators(agreementId, content.agreementRevision())
                            .entrySet().stream().filter(e -> row.indicatorId().equals(e.getValue()))
                            .mapToInt(java.util.Map.Entry::getKey).findFirst().orElse(-1));
        }
        List<String> notes = new ArrayList<>(traced.notes());
        notes.add("Angka ini sama dengan yang ditampilkan Matriks Renstra; laporan tidak menghitung ulang angka "
                + "performance-service.");
        notes.addAll(positionsNote(traced.events()));
        return new Trace("renstra", report.unitCode(), report.unitName(), String.valueOf(year),
                "Tahun " + year + " (" + report.periodLabel() + ")", no + ".", row.name(), row.indicator(),
                "capaian".equals(figure) ? "%" : row.unitOfMeasure(), figure, label(figure), value,
                traced.submission(), traced.approval(), traced.source(), traced.agreement(), traced.plan(),
                traced.events(), notes);
    }

    /** What a year-to-date figure (LAKIP, Renstra matrix) came from; see {@link #yearFigure}. */
    private record YearFigure(Submission submission, Approval approval, EventRef source, AgreementRef agreement,
                              PlanRef plan, List<TracedEvent> events, List<String> notes) {
    }

    /**
     * The trace of a year-to-date figure shown from event {@code eventId} (null: no realisation yet): the realisation
     * and content version that event published, the agreement item the figure belongs to ({@code itemOf}), the review
     * events with the figure each carried, and for a target the agreement's and the plan's events.
     */
    private YearFigure yearFigure(String unitCode, int year, Integer throughQuarter, UUID eventId, String figure,
                                  BigDecimal targetShown, ItemOf itemOf) {
        Optional<PerformanceFigures.StepOf> step = eventId == null ? Optional.empty() : figures.stepOf(eventId);
        if (step.isEmpty()) {
            return new YearFigure(null, null, null, null, null, new ArrayList<>(), List.of("Belum ada realisasi "
                    + "tahun " + year + "; target berasal dari Perjanjian Kinerja."));
        }
        boolean target = "target".equals(figure);
        UUID realisationId = step.get().realisationId();
        PerformanceFigures.Realisation realisation = figures.realisations(unitCode, year, throughQuarter).stream()
                .filter(r -> r.realisationId().equals(realisationId)).findFirst().orElseThrow();
        PerformanceFigures.Content content = figures.content(realisationId, step.get().version()).orElseThrow();
        int agreementItem = itemOf.item(content, realisation.agreementId());
        List<PerformanceFigures.TracedStep> steps = figures.trace(realisationId, agreementItem);
        QuarterlyPerformanceReport.RealisationInfo info = new QuarterlyPerformanceReport.RealisationInfo(
                realisationId, realisation.status(), QuarterlyPerformanceReport.statusLabel(realisation.status()),
                step.get().version(), realisation.version(), realisation.approvedVersion(),
                realisation.dueDate(), realisation.submittedAt(), realisation.workingDaysLate(), eventId);
        AgreementRef agreementRef = agreementRef(realisation.agreementId(), content.agreementRevision());
        List<TracedEvent> events = new ArrayList<>();
        if (target && agreementRef != null) {
            events.add(agreedEvent(agreementRef, targetShown, false));
        }
        for (PerformanceFigures.TracedStep s : steps) {
            events.add(event(events.size() + 1, s, lakipValue(figure, s.figures()), s.eventId().equals(eventId)));
        }
        PlanRef plan = target ? plan(realisation.agreementId(), content.agreementRevision(), agreementItem, year)
                : null;
        EventRef source = figures.sourceEvent(eventId).map(FigureTrace::ref)
                .orElse(new EventRef(eventId, null, null, null, null, null));
        return new YearFigure(submission(info, realisation.quarter(), realisation.agreementId(),
                content.agreementRevision(), steps), approval(info, steps), source, agreementRef, plan, events,
                List.of("Realisasi dan capaian adalah angka kumulatif tahun berjalan yang diterbitkan pada Triwulan "
                        + roman(realisation.quarter()) + "; nilai per peristiwa di bawah adalah angka kumulatif itu."));
    }

    /** Which agreement item of a realisation's content a report row is (-1: none). */
    private interface ItemOf {
        int item(PerformanceFigures.Content content, UUID agreementId);
    }

    private static TracedEvent agreedEvent(AgreementRef agreement, BigDecimal target, boolean shown) {
        return new TracedEvent(1, agreement.event().eventId(), agreement.event().type(), "agreed",
                "Perjanjian Kinerja disepakati", agreement.event().topic(), agreement.event().partition(),
                agreement.event().offset(), agreement.event().time(), agreement.agreedAt(), null, null,
                agreement.revision(), target, null, List.of(), shown);
    }

    private AgreementRef agreementRef(UUID agreementId, int revision) {
        return figures.agreement(agreementId, revision).map(a -> new AgreementRef(a.agreementId(), a.revision(),
                a.position(), a.positionTitle(), a.agreedAt(), figures.sourceEvent(a.eventId()).map(FigureTrace::ref)
                .orElse(new EventRef(a.eventId(), null, null, null, null, null)))).orElse(null);
    }

    private PlanRef plan(UUID agreementId, int revision, int item, int year) {
        UUID indicator = figures.renstraIndicators(agreementId, revision).get(item);
        if (indicator == null) {
            return null;
        }
        return figures.planTarget(indicator, year).map(this::planRef).orElse(null);
    }

    private PlanRef planRef(PerformanceFigures.PlanTargetSource t) {
        return new PlanRef(t.planId(), t.version(), t.title(), t.indicator(), t.year(), t.target(), t.targetMax(),
                t.budget(), figures.sourceEvent(t.eventId()).map(FigureTrace::ref)
                .orElse(new EventRef(t.eventId(), null, null, null, null, null)));
    }

    /** The plan version's publication as the one event a target of a year without realisation came from. */
    private static TracedEvent planEvent(PlanRef plan) {
        return new TracedEvent(1, plan.event().eventId(), plan.event().type(), "published", "Renstra diterbitkan",
                plan.event().topic(), plan.event().partition(), plan.event().offset(), plan.event().time(), null,
                null, null, plan.version(), plan.target(), null, List.of(), true);
    }

    /** Who submitted the version shown: the latest submitting event of that version. */
    private static Submission submission(QuarterlyPerformanceReport.RealisationInfo info, int quarter,
                                         UUID agreementId, int agreementRevision,
                                         List<PerformanceFigures.TracedStep> steps) {
        PerformanceFigures.TracedStep submitted = null;
        for (PerformanceFigures.TracedStep step : steps) {
            if (step.version() == info.shownVersion() && step.eventType().endsWith(".submitted")) {
                submitted = step;
            }
        }
        return new Submission(info.realisationId(), quarter, info.status(), info.statusLabel(), info.shownVersion(),
                info.latestVersion(), info.approvedVersion(), info.submittedAt(),
                submitted == null ? null : submitted.occurredAt(), submitted == null ? null : submitted.actor(),
                agreementId, agreementRevision);
    }

    private static Approval approval(QuarterlyPerformanceReport.RealisationInfo info,
                                     List<PerformanceFigures.TracedStep> steps) {
        if (info.approvedVersion() == null) {
            return null;
        }
        PerformanceFigures.TracedStep approved = null;
        for (PerformanceFigures.TracedStep step : steps) {
            if (step.version() == info.approvedVersion() && step.eventType().endsWith(".approved")) {
                approved = step;
            }
        }
        return approved == null ? new Approval(info.approvedVersion(), null, null, null)
                : new Approval(approved.version(), approved.occurredAt(), approved.actor(), approved.eventId());
    }

    private static TracedEvent event(int no, PerformanceFigures.TracedStep step, BigDecimal value, boolean shown) {
        String name = step.eventType().substring(step.eventType().lastIndexOf('.') + 1);
        return new TracedEvent(no, step.eventId(), step.eventType(), name, stepLabel(name), step.source().topic(),
                step.source().partition(), step.source().offset(), step.source().eventTime(), step.occurredAt(),
                step.actor(), step.status(), step.version(), value, step.reason(), step.checklist(), shown);
    }

    private static BigDecimal quarterValue(String figure, PerformanceFigures.StepFigures f) {
        if (f == null) {
            return null;
        }
        return switch (figure) {
            case "realisasi" -> f.value();
            case "capaian" -> f.capaian();
            case "anggaran" -> f.budgetRealised() == null ? null : BigDecimal.valueOf(f.budgetRealised());
            default -> f.target();
        };
    }

    private static BigDecimal lakipValue(String figure, PerformanceFigures.StepFigures f) {
        if (f == null) {
            return null;
        }
        return switch (figure) {
            case "realisasi" -> f.yearToDateValue();
            case "capaian" -> f.yearToDateCapaian();
            default -> f.target();
        };
    }

    private static List<String> positionsNote(List<TracedEvent> events) {
        return events.stream().anyMatch(e -> e.offset() == null)
                ? List.of("Sebagian peristiwa diterapkan sebelum posisi Kafka dicatat; bangun ulang read model untuk "
                        + "melengkapinya.")
                : List.of();
    }

    private static EventRef ref(PerformanceFigures.SourceEvent e) {
        return new EventRef(e.eventId(), e.eventType(), e.topic(), e.partition(), e.offset(), e.eventTime());
    }

    private static String stepLabel(String step) {
        return switch (step) {
            case "submitted" -> "Diserahkan";
            case "returned" -> "Dikembalikan";
            case "approved" -> "Disetujui";
            case "reopened" -> "Dibuka kembali";
            default -> step;
        };
    }

    private static String label(String figure) {
        return switch (figure) {
            case "realisasi" -> "Realisasi";
            case "capaian" -> "Capaian (%)";
            case "anggaran" -> "Realisasi anggaran (Rp)";
            default -> "Target";
        };
    }

    private static String roman(int quarter) {
        return switch (quarter) {
            case 1 -> "I";
            case 2 -> "II";
            case 3 -> "III";
            default -> "IV";
        };
    }

    private static String key(String text) {
        return text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String lower(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }
}
