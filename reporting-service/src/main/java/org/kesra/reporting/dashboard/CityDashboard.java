package org.kesra.reporting.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
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

    public record Performance(List<Unit> units, List<StatusCount> statusCounts) {
    }

    /**
     * The dashboard. {@code shownQuarter}: the quarter the region and category series are of (the newest with
     * published figures; the year's first when none, with a note); {@code regionLevel}: kecamatan or kelurahan.
     */
    public record Dashboard(int tahun, PpksRecap.Area area, String regionLevel, String shownPeriod,
                            String shownPeriodLabel, boolean figuresPublished, List<String> programmes,
                            List<Region> regions, Region total, List<Quarter> quarters,
                            List<PpksRecap.CategoryFigure> ppksCategories, Performance performance,
                            List<SourceProgress.Source> sources, List<String> notes) {

        public Instant dataAsOf() {
            return sources.stream().map(SourceProgress.Source::lastEventTime).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
        }
    }

    private final PpksRecap recaps;
    private final PerformanceFigures performance;
    private final Regions regions;
    private final SourceProgress progress;

    public CityDashboard(PpksRecap recaps, PerformanceFigures performance, Regions regions, SourceProgress progress) {
        this.recaps = recaps;
        this.performance = performance;
        this.regions = regions;
        this.progress = progress;
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
        return new Dashboard(tahun, shown.area(), city ? "kecamatan" : "kelurahan", shown.period(),
                shown.periodLabel(), anyPublished, shown.programmes(), series, region(shown.total()), quarters,
                shown.ppksCategories(), figures, progress.of(TOPICS), notes);
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
        return new Performance(result, statusCounts);
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
