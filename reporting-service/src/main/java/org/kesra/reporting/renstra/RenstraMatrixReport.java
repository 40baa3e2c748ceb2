package org.kesra.reporting.renstra;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kesra.platform.web.Violation;
import org.kesra.reporting.ReportingProblems;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.performancefigures.ItemYears;
import org.kesra.reporting.performancefigures.PerformanceFigures;
import org.kesra.reporting.performancefigures.ReportUnits;
import org.kesra.reporting.sources.SourceProgress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Renstra progress matrix of one unit: seed 001 Tabel 6.1 (kode, program/kegiatan/sub kegiatan, indikator,
 * kondisi awal, target and Rp per year, kondisi akhir, perangkat daerah penanggung jawab) with the realisation,
 * capaian and rupiah realised of every year of the plan beside it.
 *
 * <p>The plan side is the plan version as performance-service published it (one row per indicator, in the plan's
 * order). The realisation side is, per year, the item of that year's Perjanjian Kinerja that takes over the Renstra
 * indicator, with the year figures {@link ItemYears} reads for the LAKIP too: performance-service's year-to-date value,
 * capaian and rating of the latest quarter reported, and the quarters' rupiah summed. A program or kegiatan row also
 * shows the sum of the Rp of the level below it (the document's own program figures need not equal that sum). Nothing
 * else is computed. As performance-service reads the matrix, the plan's last year is the "kondisi akhir".
 */
@Service
public class RenstraMatrixReport {

    static final List<String> TOPICS = List.of("performance.events");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,4}");

    /** The report; {@code plan} null when the unit has no published plan yet (then no rows, a note says so). */
    public record Report(String unitCode, String unitName, String unitKind, Plan plan, List<Integer> availableVersions,
                         boolean hasData, List<YearColumn> years, List<MatrixRow> rows,
                         List<SourceProgress.Source> sources, List<String> notes) {

        /** The data version: the newest performance event applied (null when none was applied yet). */
        public Instant dataAsOf() {
            return sources.stream().map(SourceProgress.Source::lastEventTime).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
        }

        /** {@code 2021-2026} (the plan's period), or {@code tanpa-renstra}. */
        public String period() {
            return plan == null ? "tanpa-renstra" : plan.startYear() + "-" + plan.endYear();
        }

        /** {@code Renstra 2021-2026 versi 2}, or that there is none. */
        public String periodLabel() {
            return plan == null ? "Belum ada Renstra" : "Renstra " + plan.startYear() + "-" + plan.endYear()
                    + " versi " + plan.version();
        }

        /** The years with their own column group in Tabel 6.1: all but the last, which is the "kondisi akhir". */
        public List<YearColumn> plannedYears() {
            return years.size() <= 1 ? years : years.subList(0, years.size() - 1);
        }
    }

    /** The plan version the report lays out. */
    public record Plan(UUID planId, int version, String title, int startYear, int endYear) {
    }

    /**
     * A year of the plan: {@code label} "Tahun 1".."Tahun N" (the last: "Kondisi akhir"), whether any realisation of
     * it was published, and the quarter its figures run to (the latest reported by any agreement of the unit).
     */
    public record YearColumn(int year, String label, boolean hasData, Integer throughQuarter, boolean approved) {

        /** The quarter the figures run to as the tables print it (IV), empty without realisation. */
        public String throughRoman() {
            return throughQuarter == null ? "" : ItemYears.roman(throughQuarter);
        }
    }

    /**
     * One indicator of the plan: the node's level (TUJUAN ... SUB_KEGIATAN), code and name ({@code firstOfNode}: the
     * row that prints them when a node has several indicators), the indicator, per year its figures, the final
     * condition (the plan's last year), the responsible unit.
     */
    public record MatrixRow(UUID indicatorId, String level, String code, String name, boolean firstOfNode,
                            String indicator, String unitOfMeasure, BigDecimal baseline, List<YearCell> years,
                            BigDecimal finalTarget, BigDecimal finalTargetMax, Long finalBudget,
                            String responsibleUnit) {
    }

    /**
     * A year of an indicator: target and indicative Rp as planned; {@code childrenBudget} the Rp of the level below
     * summed (program: its kegiatan, kegiatan: its sub kegiatan; null without such rows); the realisation, capaian
     * and rating as performance-service published them, through quarter {@code throughQuarter}; the rupiah realised
     * (the quarters summed, and of the level below for a program or kegiatan); the event the figures came from.
     */
    public record YearCell(int year, BigDecimal target, BigDecimal targetMax, Long budget, Long childrenBudget,
                           BigDecimal realisation, BigDecimal capaian, String rating, Long budgetRealised,
                           Long childrenBudgetRealised, Integer throughQuarter, Boolean approved, UUID eventId) {
    }

    private final ReportUnits reportUnits;
    private final PerformanceFigures figures;
    private final ItemYears itemYears;
    private final SourceProgress progress;

    public RenstraMatrixReport(ReportUnits reportUnits, PerformanceFigures figures, ItemYears itemYears,
                               SourceProgress progress) {
        this.reportUnits = reportUnits;
        this.figures = figures;
        this.itemYears = itemYears;
        this.progress = progress;
    }

    // One snapshot for the figures and the data version and offsets read with them (SourceProgress), so a kept
    // file's offsets are exactly those of its data even while events are applied meanwhile.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report report(ReportingAccess.Scope scope, String unitText, String versionText) {
        String unit = ReportUnits.covered(scope, unitText);
        List<Violation> violations = new ArrayList<>();
        ReportUnits.check(unit, violations);
        String versionValue = versionText == null ? "" : versionText.trim();
        if (versionText != null && (!VERSION.matcher(versionValue).matches()
                || Integer.parseInt(versionValue) < 1)) {
            violations.add(Violation.field("/versi", "Versi Renstra wajib berupa bilangan bulat positif."));
        }
        if (!violations.isEmpty()) {
            throw ReportingProblems.PARAMETER_INVALID.refuse("Parameter matriks Renstra tidak sah.", violations);
        }
        ReportUnits.Named found = reportUnits.named(unit);
        List<String> notes = new ArrayList<>();
        List<PerformanceFigures.PlanPeriod> versions = figures.planVersions(unit);
        // the newest plan (by period); its versions are the ones versi chooses from
        List<PerformanceFigures.PlanPeriod> newestPlan = versions.isEmpty() ? List.of() : versions.stream()
                .filter(v -> v.planId().equals(versions.get(0).planId())).toList();
        List<Integer> available = newestPlan.stream().map(PerformanceFigures.PlanPeriod::version).toList();
        PerformanceFigures.PlanPeriod chosen;
        if (versionText == null) {
            chosen = newestPlan.isEmpty() ? null : newestPlan.get(0);
        } else {
            int wanted = Integer.parseInt(versionValue);
            chosen = newestPlan.stream().filter(v -> v.version() == wanted).findFirst().orElseThrow(() ->
                    ReportingProblems.PLAN_VERSION_UNKNOWN.refuse("Renstra unit " + unit + " tidak memiliki versi "
                            + wanted + ".", List.of(Violation.field("/versi", available.isEmpty()
                            ? "Unit ini belum memiliki Renstra yang diterbitkan." : "Versi yang ada: "
                            + String.join(", ", available.stream().map(String::valueOf).toList()) + "."))));
        }
        if (chosen == null) {
            notes.add("Belum ada Renstra unit ini yang diterbitkan performance-service; matriks kosong.");
            return new Report(unit, found.name(), found.kind(), null, available, false, List.of(), List.of(),
                    progress.of(TOPICS), notes);
        }
        Plan plan = new Plan(chosen.planId(), chosen.version(), chosen.title(), chosen.startYear(),
                chosen.endYear());
        if (chosen.version() != available.get(0)) {
            notes.add("Matriks ini memakai versi " + chosen.version() + " Renstra; versi terbaru adalah "
                    + available.get(0) + ".");
        }
        List<PerformanceFigures.PlanIndicatorRow> indicators = figures.planIndicators(plan.planId(), plan.version());
        Map<UUID, Map<Integer, PerformanceFigures.PlanTarget>> targets = new HashMap<>();
        for (PerformanceFigures.PlanTarget t : figures.planTargets(plan.planId(), plan.version())) {
            targets.computeIfAbsent(t.indicatorId(), k -> new HashMap<>()).put(t.year(), t);
        }

        // per year: the item taking over each Renstra indicator (the head's when several agreements repeat it)
        List<YearColumn> years = new ArrayList<>();
        Map<Integer, Map<UUID, ItemYears.ItemYear>> realised = new HashMap<>();
        for (int year = plan.startYear(); year <= plan.endYear(); year++) {
            List<String> yearNotes = new ArrayList<>();
            Map<UUID, ItemYears.ItemYear> byIndicator = new LinkedHashMap<>();
            Integer through = null;
            boolean approved = true;
            for (ItemYears.ItemYear item : itemYears.of(unit, year, yearNotes)) {
                if (item.renstraId() != null && item.throughQuarter() != null) {
                    byIndicator.putIfAbsent(item.renstraId(), item);
                    through = through == null ? item.throughQuarter() : Math.max(through, item.throughQuarter());
                    approved &= item.approved();
                }
            }
            realised.put(year, byIndicator);
            String label = year == plan.endYear() && plan.endYear() > plan.startYear() ? "Kondisi akhir"
                    : "Tahun " + (year - plan.startYear() + 1);
            years.add(new YearColumn(year, label, !byIndicator.isEmpty(), through, !byIndicator.isEmpty() && approved));
            if (byIndicator.isEmpty()) {
                notes.add("Tahun " + year + ": belum ada realisasi indikator Renstra ini yang diterbitkan.");
            } else {
                String prefix = "Tahun " + year + ": ";
                yearNotes.stream().map(n -> prefix + n).forEach(notes::add);
            }
        }

        String responsible = found.name();
        List<MatrixRow> rows = new ArrayList<>();
        String previousNode = null;
        for (PerformanceFigures.PlanIndicatorRow i : indicators) {
            String node = i.nodeLevel() + "|" + i.nodeCode() + "|" + i.nodeName();
            List<YearCell> cells = new ArrayList<>();
            Map<Integer, PerformanceFigures.PlanTarget> own = targets.getOrDefault(i.indicatorId(), Map.of());
            for (YearColumn column : years) {
                PerformanceFigures.PlanTarget t = own.get(column.year());
                ItemYears.ItemYear it = realised.get(column.year()).get(i.indicatorId());
                PerformanceFigures.Entry e = it == null ? null : it.latest();
                List<PerformanceFigures.PlanIndicatorRow> children = children(i, indicators);
                Long childrenBudget = null;
                Long childrenRealised = null;
                for (PerformanceFigures.PlanIndicatorRow child : children) {
                    PerformanceFigures.PlanTarget ct = targets.getOrDefault(child.indicatorId(), Map.of())
                            .get(column.year());
                    childrenBudget = sum(childrenBudget, ct == null ? null : ct.budget());
                    ItemYears.ItemYear ci = realised.get(column.year()).get(child.indicatorId());
                    childrenRealised = sum(childrenRealised, ci == null ? null : ci.realised());
                }
                cells.add(new YearCell(column.year(), t == null ? null : t.target(), t == null ? null : t.targetMax(),
                        t == null ? null : t.budget(), childrenBudget, e == null ? null : e.yearToDateValue(),
                        e == null ? null : e.yearToDateCapaian(), e == null ? null : e.yearToDateRating(),
                        it == null ? null : it.realised(), childrenRealised,
                        it == null ? null : it.throughQuarter(), it == null ? null : it.approved(),
                        it == null ? null : it.eventId()));
            }
            PerformanceFigures.PlanTarget last = own.get(plan.endYear());
            rows.add(new MatrixRow(i.indicatorId(), i.nodeLevel(), i.nodeCode(), i.nodeName(),
                    !node.equals(previousNode), i.name(), i.unitOfMeasure(), i.baseline(), cells,
                    last == null ? null : last.target(), last == null ? null : last.targetMax(),
                    last == null ? null : last.budget(), responsible));
            previousNode = node;
        }
        if (indicators.isEmpty()) {
            notes.add("Versi Renstra ini tidak membawa indikator di read model (diterbitkan sebelum migrasi "
                    + "V202612071420); bangun ulang read model untuk mengisinya.");
        }
        boolean hasData = years.stream().anyMatch(YearColumn::hasData);
        if (!indicators.isEmpty() && indicators.stream().allMatch(i -> i.baseline() == null)) {
            notes.add("Kondisi kinerja awal (tahun 0) tidak diterbitkan untuk indikator mana pun dalam versi Renstra "
                    + "ini; kolomnya kosong.");
        }
        notes.add("Kondisi akhir adalah target dan pendanaan tahun terakhir Renstra (" + plan.endYear() + "), "
                + "sebagaimana performance-service membaca Tabel 6.1.");
        notes.add("Realisasi dan capaian per tahun adalah angka kumulatif tahun berjalan yang diterbitkan "
                + "performance-service pada triwulan terakhir yang dilaporkan (sama dengan LAKIP); realisasi Rp adalah "
                + "jumlah realisasi rupiah laporan triwulan. Laporan ini tidak menghitung ulang.");
        notes.add("Baris program dan kegiatan menampilkan Rp yang direncanakan untuknya dan jumlah Rp tingkat di "
                + "bawahnya (kegiatan, sub kegiatan); keduanya tidak selalu sama dalam dokumen Renstra.");
        return new Report(unit, found.name(), found.kind(), plan, available, hasData, years, rows, progress.of(TOPICS),
                notes);
    }

    /** The indicators one level below a program (its kegiatan) or a kegiatan (its sub kegiatan); none for others. */
    private static List<PerformanceFigures.PlanIndicatorRow> children(PerformanceFigures.PlanIndicatorRow parent,
                                                                      List<PerformanceFigures.PlanIndicatorRow> all) {
        return switch (parent.nodeLevel()) {
            case "PROGRAM" -> all.stream().filter(c -> "KEGIATAN".equals(c.nodeLevel())
                    && Objects.equals(c.programCode(), parent.programCode())
                    && Objects.equals(c.programName(), parent.programName())).toList();
            case "KEGIATAN" -> all.stream().filter(c -> "SUB_KEGIATAN".equals(c.nodeLevel())
                    && Objects.equals(c.kegiatanCode(), parent.kegiatanCode())
                    && Objects.equals(c.kegiatanName(), parent.kegiatanName())).toList();
            default -> List.of();
        };
    }

    /** Null when both are unknown. (A conditional expression mixing Long and long would unbox a null.) */
    private static Long sum(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Long.valueOf(a + b);
    }

}
