package org.kesra.reporting.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.kesra.platform.web.Violation;
import org.kesra.reporting.ReportingProblems;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.performancefigures.PerformanceFigures;
import org.kesra.reporting.quarterly.QuarterlyPerformanceReport;
import org.kesra.reporting.realisation.RealisationReports;
import org.kesra.reporting.recap.PpksRecap;
import org.kesra.reporting.sources.SourceProgress;
import org.kesra.reporting.wilayah.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The series the console's dashboard charts need for a year, from the read models only: per region (kecamatan for
 * the city, kelurahan for a kecamatan) households, persons, PPKS and KPM of the newest quarter welfare-service
 * published figures for; the four quarters' totals; PPKS per category of that quarter; per performance unit of the
 * area (the kecamatan for the city; the kecamatan and its kelurahan for a kecamatan) the capaian per item of each
 * quarter as performance-service published it, and the count of realisations per quarter and status. The welfare
 * figures are the recap's ({@link PpksRecap}, one per quarter), so the dashboard and the recap never disagree;
 * nothing is averaged or recomputed.
 */
@Service
public class CityDashboard {

    static final List<String> TOPICS = List.of("household.events", "welfare.events", "performance.events");

    /** One quarter's totals of the area; {@code published} false when welfare-service published nothing for it. */
    public record Quarter(int quarter, String period, String label, boolean published, long ppksTerdata,
                          long ppksDitangani, BigDecimal ppksDitanganiPersen, List<PpksRecap.ProgrammeFigure> kpm) {
    }

    /** A region of the area in the quarter shown: households and persons now, PPKS and KPM as published. */
    public record Region(String code, String name, long households, long persons, long ppksTerdata,
                         long ppksDitangani, BigDecimal ppksDitanganiPersen, List<PpksRecap.ProgrammeFigure> kpm) {
    }

    /** An item's capaian (percent, as performance-service computed it) in the version shown. */
    public record Capaian(int item, String indicator, BigDecimal capaian, BigDecimal yearToDateCapaian) {
    }

    /** A realisation of a unit: its status and the capaian of the approved version, else the newest. */
    public record Realisation(int quarter, UUID realisationId, String status, String statusLabel, int shownVersion,
                              List<Capaian> items) {
    }

    public record Unit(String code, String name, List<Realisation> realisations) {
    }

    public record StatusCount(int quarter, String status, String statusLabel, long count) {
    }

    /**
     * The realisations not yet submitted for a quarter: agreed Perjanjian Kinerja of the units shown with no
     * realisation of the quarter published, counted once the quarter's deadline has passed ({@code count} 0 and
     * {@code units} empty before). {@code dueDate}: as performance-service published it with the quarter's
     * realisations; when none was published yet, five working days (Monday to Friday) after the quarter, without
     * holidays ({@code dueDateEstimated}), which can only be earlier than the real one.
     */
    public record NotSubmitted(int quarter, LocalDate dueDate, boolean dueDateEstimated, boolean deadlinePassed,
                               long count, List<String> units) {
    }

    public record Performance(List<Unit> units, List<StatusCount> statusCounts, List<NotSubmitted> notSubmitted) {
    }

    /**
     * The city's payment rounds of the year (welfare-service publishes round totals for the city only): the PKH
     * stages of Tabel 2.1 with their sum, and the BPNT/Sembako KPM per month, as the realisation reports show them.
     */
    public record Rounds(List<RealisationReports.StageRow> pkhStages, RealisationReports.Total pkhTotal,
                         List<RealisationReports.MonthRow> sembakoMonths) {
    }

    /**
     * The dashboard. {@code shownQuarter}: the quarter the region and category series are of (the newest with
     * published figures; the year's first when none, with a note); {@code regionLevel}: kecamatan or kelurahan.
     */
    public record Dashboard(int tahun, PpksRecap.Area area, String regionLevel, String shownPeriod,
                            String shownPeriodLabel, boolean figuresPublished, List<String> programmes,
                            List<Region> regions, Region total, List<Quarter> quarters,
                            List<PpksRecap.CategoryFigure> ppksCategories, Performance performance,
                            Rounds rounds, List<SourceProgress.Source> sources, List<String> notes) {

        public Instant dataAsOf() {
            return sources.stream().map(SourceProgress.Source::lastEventTime).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
        }
    }

    /** Kota Metro keeps Western Indonesian Time: a deadline day ends at midnight WIB. */
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Jakarta");

    private final PpksRecap recaps;
    private final PerformanceFigures performance;
    private final Regions regions;
    private final SourceProgress progress;
    private final RealisationReports realisation;
    private final Clock clock = Clock.systemUTC();

    public CityDashboard(PpksRecap recaps, PerformanceFigures performance, Regions regions, SourceProgress progress,
                         RealisationReports realisation) {
        this.recaps = recaps;
        this.performance = performance;
        this.regions = regions;
        this.progress = progress;
        this.realisation = realisation;
    }

    /**
     * @param kecamatan a kecamatan code, or null: the city for city readers, the caller's kecamatan for regional ones
     */
    @Transactional(readOnly = true)
    public Dashboard dashboard(ReportingAccess.Scope scope, String tahunText, String kecamatan) {
        String requested = kecamatan == null || kecamatan.isBlank() ? null : kecamatan.trim();
        scope.requireOverlaps(requested); // before anything is looked up: says nothing about the region
        int tahun = year(tahunText);
        List<PpksRecap.Recap> byQuarter = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            byQuarter.add(recaps.recap(scope, tahun + "-Q" + q, requested)); // 400/404 for the region as the recap
        }
        PpksRecap.Recap shown = byQuarter.get(0);
        for (PpksRecap.Recap recap : byQuarter) {
            if (recap.figuresPublished()) {
                shown = recap;
            }
        }
        boolean city = "kota".equals(shown.area().level());
        List<PpksRecap.Row> rows = city ? shown.kecamatan() : shown.kelurahan();
        List<Region> series = rows.stream().map(CityDashboard::region).toList();
        List<Quarter> quarters = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            PpksRecap.Recap recap = byQuarter.get(q);
            quarters.add(new Quarter(q + 1, recap.period(), recap.periodLabel(), recap.figuresPublished(),
                    recap.total().ppksTerdata(), recap.total().ppksDitangani(), recap.total().ppksDitanganiPersen(),
                    recap.total().programmes()));
        }
        List<String> notes = new ArrayList<>();
        boolean anyPublished = byQuarter.stream().anyMatch(PpksRecap.Recap::figuresPublished);
        if (!anyPublished) {
            notes.add("Dinas Sosial belum menerbitkan angka PPKS dan KPM triwulanan untuk tahun " + tahun
                    + "; seri PPKS dan KPM bernilai nol.");
        } else {
            notes.add("Seri per wilayah dan per kategori PPKS adalah " + shown.periodLabel()
                    + ", triwulan terbaru yang angkanya sudah diterbitkan.");
        }
        notes.add("KK dan jiwa terdaftar adalah posisi terkini register.");
        Performance figures = performance(scope, shown.area(), tahun);
        if (figures.units().stream().allMatch(u -> u.realisations().isEmpty())) {
            notes.add("Belum ada realisasi kinerja tahun " + tahun + " untuk unit di wilayah ini.");
        }
        if (figures.notSubmitted().stream().anyMatch(n -> n.deadlinePassed() && n.dueDateEstimated())) {
            notes.add("Tenggat triwulan yang belum ada realisasinya diperkirakan lima hari kerja (Senin-Jumat) "
                    + "sesudah triwulan, tanpa hari libur.");
        }
        Rounds rounds = null;
        if (city) {
            // city-level figures; only a city-wide reader is shown the city
            ReportingAccess.Scope whole = ReportingAccess.Scope.city();
            RealisationReports.PkhReport pkh = realisation.stages(whole, "PKH", String.valueOf(tahun));
            RealisationReports.MonthlyReport sembako = realisation.monthly(whole, "SEMBAKO", String.valueOf(tahun));
            rounds = new Rounds(pkh.stages(), pkh.hasData() ? pkh.total() : null, sembako.months());
        } else {
            notes.add("Penyaluran PKH dan Sembako diterbitkan welfare-service sebagai jumlah kota per tahap; "
                    + "seri per kecamatan tidak ada.");
        }
        return new Dashboard(tahun, shown.area(), city ? "kecamatan" : "kelurahan", shown.period(),
                shown.periodLabel(), anyPublished, shown.programmes(), series, region(shown.total()), quarters,
                shown.ppksCategories(), figures, rounds, progress.of(TOPICS), notes);
    }

    private static Region region(PpksRecap.Row row) {
        return new Region(row.code(), row.name(), row.households(), row.persons(), row.ppksTerdata(),
                row.ppksDitangani(), row.ppksDitanganiPersen(), row.programmes());
    }

    /** The kecamatan units of the city, or the kecamatan and its kelurahan, as far as the caller may read. */
    private Performance performance(ReportingAccess.Scope scope, PpksRecap.Area area, int tahun) {
        List<Regions.Region> units = new ArrayList<>();
        if ("kota".equals(area.level())) {
            units.addAll(regions.allKecamatan().stream()
                    .filter(k -> scope.region().isEmpty() || scope.covers(k.code())).toList());
        } else {
            regions.kecamatan(area.code()).filter(k -> scope.covers(k.code())).ifPresent(units::add);
            units.addAll(regions.kelurahan(area.code()).stream().filter(k -> scope.covers(k.code())).toList());
        }
        List<PerformanceFigures.Realisation> all = performance.realisations(
                units.stream().map(Regions.Region::code).toList(), tahun);
        List<Unit> result = new ArrayList<>();
        Map<String, Long> counts = new TreeMap<>();
        for (Regions.Region unit : units) {
            List<Realisation> realisations = new ArrayList<>();
            for (PerformanceFigures.Realisation r : all) {
                if (!r.unitCode().equals(unit.code())) {
                    continue;
                }
                int shownVersion = r.approvedVersion() != null ? r.approvedVersion() : r.version();
                List<Capaian> items = performance.content(r.realisationId(), shownVersion)
                        .map(c -> c.entries().stream().map(e -> new Capaian(e.item(), e.indicator(), e.capaian(),
                                e.yearToDateCapaian())).toList())
                        .orElse(List.of());
                realisations.add(new Realisation(r.quarter(), r.realisationId(), r.status(),
                        QuarterlyPerformanceReport.statusLabel(r.status()), shownVersion, items));
                counts.merge(r.quarter() + "|" + r.status(), 1L, Long::sum);
            }
            result.add(new Unit(unit.code(), unit.name(), realisations));
        }
        List<StatusCount> statusCounts = counts.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\\|");
            return new StatusCount(Integer.parseInt(key[0]), key[1], QuarterlyPerformanceReport.statusLabel(key[1]),
                    e.getValue());
        }).toList();
        return new Performance(result, statusCounts, notSubmitted(units, all, tahun));
    }

    /** Per quarter, the units' agreements without a realisation of the quarter once its deadline has passed. */
    private List<NotSubmitted> notSubmitted(List<Regions.Region> units, List<PerformanceFigures.Realisation> all,
                                            int tahun) {
        List<PerformanceFigures.AgreedUnit> agreed = performance.agreed(
                units.stream().map(Regions.Region::code).toList(), tahun);
        Map<Integer, LocalDate> published = performance.dueDates(tahun);
        LocalDate today = LocalDate.now(clock.withZone(CITY_ZONE));
        List<NotSubmitted> result = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            int quarter = q;
            LocalDate due = published.get(q);
            boolean estimated = due == null;
            if (estimated) {
                due = fiveWorkingDaysAfter(LocalDate.of(tahun, 3 * q, 1).plusMonths(1).minusDays(1));
            }
            boolean passed = due.isBefore(today);
            List<String> missing = !passed ? List.of() : agreed.stream()
                    .filter(a -> all.stream().noneMatch(r -> r.quarter() == quarter
                            && r.agreementId().equals(a.agreementId())))
                    .map(PerformanceFigures.AgreedUnit::unitCode).toList();
            result.add(new NotSubmitted(q, due, estimated, passed, missing.size(),
                    missing.stream().distinct().toList()));
        }
        return result;
    }

    private static LocalDate fiveWorkingDaysAfter(LocalDate day) {
        LocalDate date = day;
        int counted = 0;
        while (counted < 5) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return date;
    }

    private static int year(String text) {
        if (text == null || !text.trim().matches("[0-9]{4}")) {
            throw ReportingProblems.PARAMETER_INVALID.refuse("Tahun dasbor tidak sah.",
                    List.of(Violation.field("/tahun", "Tahun wajib diisi, empat angka (2026).")));
        }
        int year = Integer.parseInt(text.trim());
        if (year < 2000 || year > 2099) {
            throw ReportingProblems.PARAMETER_INVALID.refuse("Tahun dasbor tidak sah.",
                    List.of(Violation.field("/tahun", "Tahun " + year + " di luar rentang laporan (2000-2099).")));
        }
        return year;
    }
}
