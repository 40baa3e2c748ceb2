package org.kesra.reporting.lakip;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kesra.platform.web.Violation;
import org.kesra.reporting.ReportingProblems;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.performancefigures.ItemYears;
import org.kesra.reporting.performancefigures.ItemYears.ItemYear;
import org.kesra.reporting.performancefigures.PerformanceFigures;
import org.kesra.reporting.performancefigures.ReportUnits;
import org.kesra.reporting.sources.SourceProgress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The LAKIP (Laporan Kinerja Instansi Pemerintah) of one unit for a year, Bab III of seed 004: the IKU with target,
 * realisation, capaian and rating of the year; the comparison with the previous year and with the plan's final
 * target; and the budget against its realisation per program and kegiatan with totals and absorption.
 *
 * <p>Every IKU figure is the one performance-service published: the year's realisation, capaian and rating are the
 * year-to-date figures of the latest quarter reported (the fourth in a complete year), as its realisation events
 * carry them. The budget table takes each item's pagu as agreed and sums the rupiah realised in each quarter's report
 * (the content version each quarterly report shows: approved, else newest); the share of those sums is derived here
 * (2 places, half up), as the quarterly report does for its totals. Nothing else is computed.
 */
@Service
public class LakipReport {

    static final List<String> TOPICS = List.of("performance.events");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final String NO_PROGRAM = "Di luar program Renstra";

    /** The report; {@code hasData}: whether any realisation of the year was published. */
    public record Report(String unitCode, String unitName, String unitKind, int year, String period,
                         String periodLabel, LocalDate periodFrom, LocalDate periodTo, boolean hasData, Plan plan,
                         List<IkuRow> iku, List<ComparisonRow> comparison, List<BudgetRow> budget,
                         BudgetTotal budgetTotal, List<SourceProgress.Source> sources, List<String> notes) {

        /** The data version: the newest performance event applied (null when none was applied yet). */
        public Instant dataAsOf() {
            return sources.stream().map(SourceProgress.Source::lastEventTime).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
        }
    }

    /** The Renstra version the year lies in (newest version of that plan). */
    public record Plan(UUID planId, int version, String title, int startYear, int endYear) {
    }

    /**
     * Tabel capaian IKU: target of the year, realisation and capaian of the year and their rating as
     * performance-service published them, through quarter {@code throughQuarter}; the event the figures came from.
     */
    public record IkuRow(String no, String sasaran, String indicator, String unitOfMeasure, BigDecimal target,
                         BigDecimal targetMax, BigDecimal realisation, BigDecimal capaian, String rating,
                         Integer throughQuarter, String status, UUID eventId, String note) {
    }

    /** Tabel perbandingan: previous year's and this year's target, realisation and capaian, the plan's final target. */
    public record ComparisonRow(String no, String sasaran, String indicator, String unitOfMeasure,
                                BigDecimal previousTarget, BigDecimal previousRealisation,
                                BigDecimal previousCapaian, BigDecimal target, BigDecimal realisation,
                                BigDecimal capaian, BigDecimal finalTarget, BigDecimal finalTargetMax,
                                Integer finalYear) {
    }

    /**
     * Tabel realisasi anggaran: a program row (the sum of its kegiatan) followed by its kegiatan rows; {@code realised}
     * null when no quarter reported a realised rupiah; {@code absorption} the share of the two (%, 2 places).
     */
    public record BudgetRow(String level, String no, String code, String name, long budget, Long realised,
                            BigDecimal absorption) {
    }

    /** Sums over the kegiatan rows, and how many programs and kegiatan there are. */
    public record BudgetTotal(int programmes, int kegiatan, long budget, long realised, BigDecimal absorption) {
    }

    private final ReportUnits reportUnits;
    private final PerformanceFigures figures;
    private final ItemYears itemYears;
    private final SourceProgress progress;

    public LakipReport(ReportUnits reportUnits, PerformanceFigures figures, ItemYears itemYears,
                       SourceProgress progress) {
        this.reportUnits = reportUnits;
        this.figures = figures;
        this.itemYears = itemYears;
        this.progress = progress;
    }

    // One snapshot for the figures and the data version and offsets read with them (SourceProgress), so a kept
    // file's offsets are exactly those of its data even while events are applied meanwhile.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report report(ReportingAccess.Scope scope, String unitText, String yearText) {
        String unit = ReportUnits.covered(scope, unitText);
        List<Violation> violations = new ArrayList<>();
        ReportUnits.check(unit, violations);
        String yearValue = yearText == null ? "" : yearText.trim();
        if (!YEAR.matcher(yearValue).matches() || Integer.parseInt(yearValue) < 2000
                || Integer.parseInt(yearValue) > 2100) {
            violations.add(Violation.field("/tahun", "Tahun wajib berupa angka 2000-2100."));
        }
        if (!violations.isEmpty()) {
            throw ReportingProblems.PARAMETER_INVALID.refuse("Parameter LAKIP tidak sah.", violations);
        }
        int year = Integer.parseInt(yearValue);
        ReportUnits.Named found = reportUnits.named(unit);
        List<PerformanceFigures.PlanPeriod> plans = figures.plans(unit);
        List<PerformanceFigures.PlanPeriod> covering = plans.stream()
                .filter(p -> p.startYear() <= year && year <= p.endYear()).toList();
        if (!plans.isEmpty() && covering.isEmpty()) {
            throw ReportingProblems.PERIOD_OUTSIDE_PLAN.refuse("Tahun " + year + " di luar periode Renstra unit "
                    + unit + ".", List.of(Violation.field("/tahun", "Renstra unit ini mencakup tahun "
                    + String.join(", ", plans.stream().map(p -> p.startYear() + "-" + p.endYear()).sorted()
                    .distinct().toList()) + ".")));
        }
        List<String> notes = new ArrayList<>();
        // Indicators of every plan covering the year (normally one): items name their Renstra indicator by id, and
        // each indicator's final target is that of its own plan's end year.
        Map<UUID, PerformanceFigures.PlanIndicatorRow> indicators = new HashMap<>();
        Map<UUID, PerformanceFigures.PlanTarget> finalTargets = new HashMap<>();
        Map<UUID, PerformanceFigures.PlanPeriod> planOf = new HashMap<>();
        for (PerformanceFigures.PlanPeriod p : covering) {
            figures.planIndicators(p.planId(), p.version()).forEach(i -> {
                indicators.put(i.indicatorId(), i);
                planOf.put(i.indicatorId(), p);
            });
            figures.planTargets(p.planId(), p.version()).stream().filter(t -> t.year() == p.endYear())
                    .forEach(t -> finalTargets.put(t.indicatorId(), t));
        }
        if (covering.isEmpty()) {
            notes.add("Belum ada Renstra unit ini yang diterbitkan performance-service; target akhir Renstra dan "
                    + "pengelompokan program/kegiatan tidak tersedia.");
        }
        List<ItemYear> current = itemYears.of(unit, year, notes);
        List<ItemYear> previous = itemYears.of(unit, year - 1, new ArrayList<>());
        List<ItemYear> ikuItems = iku(current, indicators);
        List<IkuRow> iku = new ArrayList<>();
        List<ComparisonRow> comparison = new ArrayList<>();
        int n = 0;
        for (ItemYear it : ikuItems) {
            String no = ++n + ".";
            PerformanceFigures.Entry e = it.latest();
            iku.add(new IkuRow(no, it.item().sasaran(), it.item().indicator(), it.item().unitOfMeasure(),
                    it.item().target(), it.item().targetMax(), e == null ? null : e.yearToDateValue(),
                    e == null ? null : e.yearToDateCapaian(), e == null ? null : e.rating(), it.throughQuarter(),
                    it.status(), it.eventId(), note(it)));
            ItemYear before = match(it, iku(previous, indicators));
            PerformanceFigures.PlanTarget last = it.renstraId() == null ? null : finalTargets.get(it.renstraId());
            PerformanceFigures.PlanPeriod lastPlan = last == null ? null : planOf.get(it.renstraId());
            comparison.add(new ComparisonRow(no, it.item().sasaran(), it.item().indicator(),
                    it.item().unitOfMeasure(), before == null ? null : before.item().target(),
                    before == null || before.latest() == null ? null : before.latest().yearToDateValue(),
                    before == null || before.latest() == null ? null : before.latest().yearToDateCapaian(),
                    it.item().target(), e == null ? null : e.yearToDateValue(),
                    e == null ? null : e.yearToDateCapaian(), last == null ? null : last.target(),
                    last == null ? null : last.targetMax(), lastPlan == null ? null : lastPlan.endYear()));
        }
        // the plan the report names: the one whose indicators the year's items take over (any covering one else)
        Plan plan = covering.stream().max(Comparator.comparingLong((PerformanceFigures.PlanPeriod p) ->
                        current.stream().filter(i -> i.renstraId() != null && planOf.get(i.renstraId()) == p).count())
                        .thenComparingInt(PerformanceFigures.PlanPeriod::startYear))
                .map(p -> new Plan(p.planId(), p.version(), p.title(), p.startYear(), p.endYear())).orElse(null);
        List<BudgetRow> budget = new ArrayList<>();
        BudgetTotal total = budget(current, indicators, budget);

        boolean hasData = current.stream().anyMatch(i -> i.throughQuarter() != null);
        if (current.isEmpty()) {
            notes.add("Belum ada Perjanjian Kinerja tahun " + year + " yang disepakati untuk unit ini.");
        }
        if (!hasData) {
            notes.add("Belum ada realisasi tahun " + year + " yang diserahkan; realisasi, capaian dan realisasi "
                    + "anggaran kosong.");
        }
        if (previous.stream().noneMatch(i -> i.throughQuarter() != null)) {
            notes.add("Belum ada realisasi tahun " + (year - 1) + "; kolom tahun lalu kosong.");
        }
        notes.add("Realisasi, capaian dan predikat IKU adalah angka kumulatif tahun berjalan yang diterbitkan "
                + "performance-service pada triwulan terakhir yang dilaporkan; laporan ini tidak menghitung ulang.");
        notes.add("Realisasi anggaran adalah jumlah realisasi rupiah keempat laporan triwulan; persentase penyerapan "
                + "adalah bagi hasil jumlah tersebut (2 desimal).");
        return new Report(unit, found.name(), found.kind(), year, String.valueOf(year), "Tahun " + year,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), hasData, plan, iku, comparison, budget, total,
                progress.of(TOPICS), notes);
    }

    /**
     * The IKU: the items of the head's agreements (all agreements when none is the head's) that are not budget lines:
     * an item taking over a Renstra indicator of a tujuan or sasaran, or one without Renstra link and without pagu.
     */
    private static List<ItemYear> iku(List<ItemYear> items, Map<UUID, PerformanceFigures.PlanIndicatorRow> plan) {
        boolean head = items.stream().anyMatch(i -> "HEAD".equals(i.agreement().position()));
        return items.stream()
                .filter(i -> !head || "HEAD".equals(i.agreement().position()))
                .filter(i -> {
                    PerformanceFigures.PlanIndicatorRow indicator = i.renstraId() == null ? null
                            : plan.get(i.renstraId());
                    if (indicator != null) {
                        return "TUJUAN".equals(indicator.nodeLevel()) || "SASARAN".equals(indicator.nodeLevel());
                    }
                    return i.item().budget() == null;
                })
                .toList();
    }

    /** The previous year's item for the same Renstra indicator, else the same indicator text. */
    private static ItemYear match(ItemYear item, List<ItemYear> previous) {
        for (ItemYear p : previous) {
            if (item.renstraId() != null && item.renstraId().equals(p.renstraId())) {
                return p;
            }
        }
        String name = key(item.item().indicator());
        return previous.stream().filter(p -> key(p.item().indicator()).equals(name)).findFirst().orElse(null);
    }

    /**
     * Items with a pagu, grouped by the program and kegiatan of the Renstra indicator they take over (an item without
     * link goes under "Di luar program Renstra"); one item per Renstra indicator (the head's when several
     * agreements repeat it). Programs and kegiatan in the order they first appear.
     */
    private static BudgetTotal budget(List<ItemYear> items, Map<UUID, PerformanceFigures.PlanIndicatorRow> plan,
                                      List<BudgetRow> out) {
        record Line(String code, String name, long budget, Long realised) {
        }
        Map<String, String[]> programmes = new LinkedHashMap<>();
        Map<String, Map<String, Line>> kegiatan = new LinkedHashMap<>();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (ItemYear i : items) {
            if (i.item().budget() == null || (i.renstraId() != null && !seen.add(i.renstraId()))) {
                continue;
            }
            PerformanceFigures.PlanIndicatorRow indicator = i.renstraId() == null ? null : plan.get(i.renstraId());
            String programCode = indicator == null ? null : indicator.programCode();
            String programName = indicator == null || indicator.programName() == null ? NO_PROGRAM
                    : indicator.programName();
            String programKey = programCode + "|" + programName;
            programmes.putIfAbsent(programKey, new String[] {programCode, programName});
            String kegiatanCode = indicator == null ? null : indicator.kegiatanCode();
            String kegiatanName = indicator != null && indicator.kegiatanName() != null ? indicator.kegiatanName()
                    : i.item().indicator();
            kegiatan.computeIfAbsent(programKey, k -> new LinkedHashMap<>()).merge(kegiatanCode + "|" + kegiatanName,
                    new Line(kegiatanCode, kegiatanName, i.item().budget(), i.realised()),
                    (a, b) -> new Line(a.code(), a.name(), a.budget() + b.budget(), sum(a.realised(), b.realised())));
        }
        long budget = 0;
        long realised = 0;
        int p = 0;
        int k = 0;
        for (Map.Entry<String, String[]> programme : programmes.entrySet()) {
            List<Line> lines = new ArrayList<>(kegiatan.get(programme.getKey()).values());
            long programmeBudget = lines.stream().mapToLong(Line::budget).sum();
            Long programmeRealised = lines.stream().map(Line::realised).reduce(null, LakipReport::sum);
            String no = String.valueOf(++p);
            out.add(new BudgetRow("PROGRAM", no, programme.getValue()[0], programme.getValue()[1], programmeBudget,
                    programmeRealised, share(programmeRealised, programmeBudget)));
            char letter = 'a';
            for (Line line : lines) {
                out.add(new BudgetRow("KEGIATAN", no + "." + letter++, line.code(), line.name(), line.budget(),
                        line.realised(), share(line.realised(), line.budget())));
                k++;
            }
            budget += programmeBudget;
            realised += programmeRealised == null ? 0 : programmeRealised;
        }
        return new BudgetTotal(p, k, budget, realised, share(realised, budget));
    }

    /** Null when both are unknown. (A conditional expression mixing Long and long would unbox a null.) */
    private static Long sum(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Long.valueOf(a + b);
    }

    private static BigDecimal share(Long realised, long budget) {
        return realised == null || budget == 0 ? null : BigDecimal.valueOf(realised).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(budget), 2, RoundingMode.HALF_UP);
    }

    private static String note(ItemYear it) {
        if (it.throughQuarter() == null) {
            return "belum ada realisasi";
        }
        if (it.latest() == null) {
            return "tidak dilaporkan";
        }
        return it.latest().yearToDateCapaian() == null ? "tanpa rasio (target 0)" : "";
    }

    private static String key(String text) {
        return text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String roman(int quarter) {
        return ItemYears.roman(quarter);
    }

}
