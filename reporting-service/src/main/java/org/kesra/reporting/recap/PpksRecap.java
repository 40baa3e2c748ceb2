package org.kesra.reporting.recap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.kesra.platform.web.Violation;
import org.kesra.reporting.ReportingProblems;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.population.Population;
import org.kesra.reporting.sources.SourceProgress;
import org.kesra.reporting.welfarefigures.WelfareFigures;
import org.kesra.reporting.wilayah.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PPKS and programme recap of a kecamatan (or the city) for a period: per kelurahan the registered households
 * and persons (current position of the household read model), the PPKS terdata and ditangani and the KPM per
 * programme that welfare-service published for exactly that period, and the PPKS per Permensos category as it
 * published them; kecamatan subtotals and the area's 26 categories. It lays the published figures out and sums
 * them; the only figure it derives is the share ditangani/terdata (percent, 2 decimals, half up) of a row or total.
 */
@Service
public class PpksRecap {

    static final List<String> TOPICS = List.of("household.events", "welfare.events");

    /** A programme's KPM in a row; {@code realisedRupiah} null when not known. */
    public record ProgrammeFigure(String programme, long kpm, Long realisedRupiah) {
    }

    /**
     * One kelurahan, a kecamatan's subtotal, or the total of the report ({@code code} null).
     * {@code ppksDitanganiPersen} null if none terdata. {@code ppksCategories}: the categories with a case, as
     * published (empty when none, or when the publication carried no categories: see {@link Recap#notes()}).
     */
    public record Row(String code, String name, long households, long persons, long ppksTerdata, long ppksDitangani,
                      BigDecimal ppksDitanganiPersen, List<ProgrammeFigure> programmes, UUID welfareEventId,
                      List<CategoryFigure> ppksCategories) {

        /** A row without per-category counts. */
        public Row(String code, String name, long households, long persons, long ppksTerdata, long ppksDitangani,
                   BigDecimal ppksDitanganiPersen, List<ProgrammeFigure> programmes, UUID welfareEventId) {
            this(code, name, households, persons, ppksTerdata, ppksDitangani, ppksDitanganiPersen, programmes,
                    welfareEventId, List.of());
        }
    }

    /**
     * PPKS of one Permensos 8/2012 category ({@code no} 1-26 in the regulation's order; 0 for a category the
     * reference list does not have), summed over the rows it stands for. A case with several categories counts in
     * each, so the categories may add up to more than the PPKS terdata.
     */
    public record CategoryFigure(int no, String category, String name, long terdata, long ditangani,
                                 BigDecimal ditanganiPersen) {
    }

    /** The region a recap covers: a kecamatan, or the city ({@code level} kota). */
    public record Area(String code, String name, String level) {
    }

    /**
     * The recap. {@code figuresPublished}: whether welfare-service published figures for this period for at least
     * one kelurahan shown (without them the PPKS and KPM columns are zero and {@code notes} say so).
     * {@code kecamatan}: the subtotal of each kecamatan shown (one for a kecamatan's recap). {@code ppksCategories}:
     * all 26 categories for the whole area, zero where no case was published; {@code categoriesPublished}: every
     * publication shown carried per-category counts (false: some did not, the notes name them).
     */
    public record Recap(String period, String periodLabel, java.time.LocalDate periodFrom,
                        java.time.LocalDate periodTo, Area area, boolean figuresPublished, List<String> programmes,
                        List<Row> kelurahan, Row total, List<SourceProgress.Source> sources, List<String> notes,
                        List<Row> kecamatan, List<CategoryFigure> ppksCategories, boolean categoriesPublished) {

        /** A recap without kecamatan subtotals and categories. */
        public Recap(String period, String periodLabel, java.time.LocalDate periodFrom, java.time.LocalDate periodTo,
                     Area area, boolean figuresPublished, List<String> programmes, List<Row> kelurahan, Row total,
                     List<SourceProgress.Source> sources, List<String> notes) {
            this(period, periodLabel, periodFrom, periodTo, area, figuresPublished, programmes, kelurahan, total,
                    sources, notes, List.of(), List.of(), false);
        }

        /** The data version: the newest event applied from any source (null when nothing was applied yet). */
        public Instant dataAsOf() {
            return sources.stream().map(SourceProgress.Source::lastEventTime).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
        }
    }

    private final Regions regions;
    private final Population population;
    private final WelfareFigures welfare;
    private final SourceProgress progress;

    public PpksRecap(Regions regions, Population population, WelfareFigures welfare, SourceProgress progress) {
        this.regions = regions;
        this.population = population;
        this.welfare = welfare;
        this.progress = progress;
    }

    /**
     * @param kecamatan a kecamatan code, or null: the city for city readers, the caller's kecamatan for regional ones
     */
    // One snapshot for the figures and the data version and offsets read with them (SourceProgress), so a kept
    // file's offsets are exactly those of its data even while events are applied meanwhile.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Recap recap(ReportingAccess.Scope scope, String periodText, String kecamatan) {
        String requested = kecamatan == null || kecamatan.isBlank() ? null : kecamatan.trim();
        scope.requireOverlaps(requested); // before anything is looked up: says nothing about the region
        ReportPeriod period = ReportPeriod.parse(periodText);
        if (requested != null && !Regions.CODE.matcher(requested).matches()) {
            throw ReportingProblems.PARAMETER_INVALID.refuse("Kode kecamatan tidak sah.",
                    List.of(Violation.field("/kecamatan", "Kode kecamatan berbentuk 18.72.01.")));
        }
        String kecamatanCode = requested != null ? requested
                : scope.region().filter(r -> r.length() >= 8).map(r -> r.substring(0, 8)).orElse(null);
        Area area;
        if (kecamatanCode == null) {
            area = new Area("18.72", "Kota Metro", "kota");
        } else {
            Regions.Region found = regions.kecamatan(kecamatanCode).orElseThrow(() ->
                    ReportingProblems.REGION_UNKNOWN.refuse("Kecamatan " + kecamatanCode + " tidak dikenal."));
            area = new Area(found.code(), found.name(), "kecamatan");
        }
        List<Regions.Region> shown = regions.kelurahan(kecamatanCode).stream()
                .filter(k -> scope.covers(k.code())).toList();
        List<String> codes = shown.stream().map(Regions.Region::code).toList();
        Map<String, Population.Count> counts = population.counts(codes);
        Map<String, WelfareFigures.Figures> figures = welfare.forPeriod(codes, period.from(), period.to());

        TreeSet<String> programmes = new TreeSet<>();
        figures.values().forEach(f -> f.programmes().forEach(p -> programmes.add(p.programme())));
        Map<String, WelfareFigures.Category> reference = new java.util.LinkedHashMap<>();
        welfare.categories().forEach(c -> reference.put(c.abbrev(), c));
        List<Row> rows = new ArrayList<>();
        for (Regions.Region k : shown) {
            Population.Count count = counts.getOrDefault(k.code(), new Population.Count(k.code(), 0, 0));
            WelfareFigures.Figures published = figures.get(k.code());
            List<ProgrammeFigure> kpm = new ArrayList<>();
            for (String programme : programmes) {
                kpm.add(published == null ? new ProgrammeFigure(programme, 0, null) : published.programmes().stream()
                        .filter(p -> p.programme().equals(programme)).findFirst()
                        .map(p -> new ProgrammeFigure(programme, p.kpm(), p.realisedRupiah()))
                        .orElse(new ProgrammeFigure(programme, 0, null)));
            }
            long terdata = published == null ? 0 : published.ppksTerdata();
            long ditangani = published == null ? 0 : published.ppksDitangani();
            rows.add(new Row(k.code(), k.name(), count.households(), count.persons(), terdata, ditangani,
                    percent(ditangani, terdata), kpm, published == null ? null : published.eventId(),
                    published == null ? List.of() : categories(published.categories(), reference)));
        }
        List<String> withoutCategories = figures.values().stream().filter(f -> !f.categoriesPublished())
                .map(WelfareFigures.Figures::kelurahanCode).sorted().toList();
        List<String> notes = new ArrayList<>();
        if (figures.isEmpty()) {
            notes.add("Dinas Sosial belum menerbitkan angka PPKS dan KPM untuk periode " + period.label()
                    + "; kolom PPKS dan KPM bernilai nol.");
        }
        notes.add("KK dan jiwa terdaftar adalah posisi terkini register, bukan posisi akhir periode.");
        notes.add("Satu PPKS dapat tercatat pada beberapa kategori; jumlah per kategori dapat melebihi PPKS terdata.");
        if (!withoutCategories.isEmpty()) {
            notes.add("Angka kelurahan " + String.join(", ", withoutCategories) + " diterbitkan tanpa rincian "
                    + "kategori PPKS; kategorinya tidak diketahui dan tidak ikut dijumlahkan.");
        }
        List<Row> kecamatanRows = new ArrayList<>();
        Map<String, List<Row>> byKecamatan = new java.util.LinkedHashMap<>();
        for (Row row : rows) {
            byKecamatan.computeIfAbsent(row.code().substring(0, 8), x -> new ArrayList<>()).add(row);
        }
        byKecamatan.forEach((code, itsRows) -> {
            Row sum = total(itsRows, programmes);
            String name = regions.kecamatan(code).map(Regions.Region::name).orElse(code);
            kecamatanRows.add(new Row(code, name, sum.households(), sum.persons(), sum.ppksTerdata(),
                    sum.ppksDitangani(), sum.ppksDitanganiPersen(), sum.programmes(), null, sum.ppksCategories()));
        });
        Row total = total(rows, programmes);
        return new Recap(period.code(), period.label(), period.from(), period.to(), area, !figures.isEmpty(),
                List.copyOf(programmes), rows, total, progress.of(TOPICS), notes, kecamatanRows,
                allCategories(total.ppksCategories(), reference), !figures.isEmpty() && withoutCategories.isEmpty());
    }

    /** The published categories of a row with their number and name from the reference list. */
    private static List<CategoryFigure> categories(List<WelfareFigures.CategoryCount> published,
                                                   Map<String, WelfareFigures.Category> reference) {
        return published.stream().map(c -> {
            WelfareFigures.Category known = reference.get(c.category());
            return new CategoryFigure(known == null ? 0 : known.no(), c.category(),
                    known == null ? c.category() : known.name(), c.terdata(), c.ditangani(),
                    percent(c.ditangani(), c.terdata()));
        }).toList();
    }

    /** Every category of the reference list (zero where none), then any published category it does not have. */
    static List<CategoryFigure> allCategories(List<CategoryFigure> summed,
                                              Map<String, WelfareFigures.Category> reference) {
        Map<String, CategoryFigure> byAbbrev = new java.util.HashMap<>();
        summed.forEach(c -> byAbbrev.put(c.category(), c));
        List<CategoryFigure> all = new ArrayList<>();
        for (WelfareFigures.Category category : reference.values()) {
            all.add(byAbbrev.getOrDefault(category.abbrev(), new CategoryFigure(category.no(), category.abbrev(),
                    category.name(), 0, 0, null)));
        }
        summed.stream().filter(c -> !reference.containsKey(c.category())).forEach(all::add);
        return all;
    }

    static Row total(List<Row> rows, java.util.Collection<String> programmes) {
        long households = 0;
        long persons = 0;
        long terdata = 0;
        long ditangani = 0;
        Map<String, long[]> kpm = new TreeMap<>();
        Map<String, Long> rupiah = new TreeMap<>();
        Map<String, Boolean> rupiahKnown = new TreeMap<>();
        Map<String, long[]> categorySums = new java.util.HashMap<>();
        Map<String, CategoryFigure> categoryNames = new java.util.HashMap<>();
        for (Row row : rows) {
            households += row.households();
            persons += row.persons();
            terdata += row.ppksTerdata();
            ditangani += row.ppksDitangani();
            for (CategoryFigure c : row.ppksCategories()) {
                long[] sum = categorySums.computeIfAbsent(c.category(), x -> new long[2]);
                sum[0] += c.terdata();
                sum[1] += c.ditangani();
                categoryNames.putIfAbsent(c.category(), c);
            }
            for (ProgrammeFigure p : row.programmes()) {
                kpm.computeIfAbsent(p.programme(), x -> new long[1])[0] += p.kpm();
                if (p.realisedRupiah() != null) {
                    rupiah.merge(p.programme(), p.realisedRupiah(), Long::sum);
                    rupiahKnown.putIfAbsent(p.programme(), true);
                } else if (p.kpm() > 0) {
                    rupiahKnown.put(p.programme(), false); // part of the sum unknown: the total is unknown
                }
            }
        }
        List<ProgrammeFigure> totals = new ArrayList<>();
        for (String programme : programmes) {
            boolean known = rupiahKnown.getOrDefault(programme, false);
            totals.add(new ProgrammeFigure(programme, kpm.getOrDefault(programme, new long[1])[0],
                    known ? rupiah.get(programme) : null));
        }
        List<CategoryFigure> categories = categoryNames.values().stream()
                .map(c -> new CategoryFigure(c.no(), c.category(), c.name(), categorySums.get(c.category())[0],
                        categorySums.get(c.category())[1], percent(categorySums.get(c.category())[1],
                        categorySums.get(c.category())[0])))
                .sorted(java.util.Comparator.comparing((CategoryFigure c) -> c.no() == 0 ? Integer.MAX_VALUE : c.no())
                        .thenComparing(CategoryFigure::category))
                .toList();
        return new Row(null, "Jumlah", households, persons, terdata, ditangani, percent(ditangani, terdata), totals,
                null, categories);
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
