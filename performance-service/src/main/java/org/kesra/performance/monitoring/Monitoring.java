package org.kesra.performance.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.akip.AkipEvaluations;
import org.kesra.performance.calendar.Deadlines;
import org.kesra.performance.capaian.Capaian;
import org.kesra.performance.capaian.Direction;
import org.kesra.performance.capaian.Percent;
import org.kesra.performance.capaian.RatingBand;
import org.kesra.performance.capaian.RatingLabels;
import org.kesra.performance.capaian.Target;
import org.kesra.performance.renstra.RatingSettings;
import org.kesra.performance.units.Unit;
import org.kesra.performance.units.UnitKind;
import org.kesra.performance.units.UnitScope;
import org.kesra.performance.units.Units;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Paging;
import org.kesra.platform.web.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monitoring of quarterly reporting (issue 22 item 8): per unit and quarter who has submitted, what is late (working
 * days on the holiday calendar), what waits for review, and the capaian of every indicator with its rating; rolled up
 * per kelurahan, per kecamatan and over the whole region the caller watches; and the series a chart needs.
 *
 * <p>A read model over the realisation and agreement tables (written only by their packages; read here in two
 * statements per view, because going through their use cases per realisation would cost one round trip per report
 * and the city view covers hundreds). Capaian is still computed only by {@link Capaian}. The scope of the caller
 * ({@link UnitScope}) is part of every statement. The content shown is each report's approved version, else its
 * newest, the rule year to date uses too. A quarter's capaian is its value against the annual target, as seed 002
 * Tabel 3.1 prints it.
 */
@Service
public class Monitoring {

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Jakarta");
    /** The code the city-wide view is named by (the region of city-wide staff in the realm). */
    static final String CITY = "18.72";

    private final JdbcClient jdbc;
    private final Units units;
    private final Deadlines deadlines;
    private final RatingLabels labels;
    private final AkipEvaluations akip;

    public Monitoring(JdbcClient jdbc, Units units, Deadlines deadlines, RatingSettings settings,
                      AkipEvaluations akip) {
        this.jdbc = jdbc;
        this.akip = akip;
        this.units = units;
        this.deadlines = deadlines;
        this.labels = settings.ratingLabels();
    }

    /** One report (realisation) of a unit and quarter, as the review sees it. */
    private record Report(String unitCode, int quarter, String status, LocalDate due, boolean submitted,
                          Integer workingDaysLate) {
    }

    /** One indicator's value of a quarter, with what it is measured against and its capaian (computed once). */
    private record Entry(String unitCode, int quarter, UUID agreementId, int position, String indicator,
                         String unitOfMeasure, Direction direction, BigDecimal target, BigDecimal targetMax,
                         BigDecimal value, Capaian capaian) {
    }

    /** What the scope and the question select: the units, and the SQL condition on realisation {@code r}. */
    private record Selection(String region, List<Unit> units, String where, List<Object> args) {
    }

    /**
     * {@code state}: {@code TERLAMBAT} keeps the units with a quarter past its deadline (submitted late, or still not
     * submitted), {@code MENUNGGU_PENILAIAN} those with a report waiting for the superior; the rollups stay those of
     * every unit selected, so the totals do not change with the filter.
     */
    @Transactional(readOnly = true)
    public MonitoringViews.MonitoringView overview(UnitScope scope, Integer year, String region, String state,
                                                   Paging paging) {
        if (paging.byCursor()) {
            throw PlatformProblems.CURSOR_INVALID.refuse("Pemantauan memakai nomor halaman (page), bukan kursor.",
                    List.of(Violation.field("/cursor", "Gunakan page dan size.")));
        }
        java.util.function.Predicate<MonitoringViews.UnitQuarter> wanted = stateFilter(state);
        Selection selection = select(scope, year, region);
        LocalDate today = LocalDate.now(CITY_ZONE);
        List<Entry> entries = entries(selection, year);
        Map<String, List<MonitoringViews.UnitQuarter>> quarters = unitQuarters(selection, year, today, entries);
        List<Unit> shown = selection.units().stream()
                .filter(u -> quarters.get(u.code()).stream().anyMatch(wanted)).toList();
        List<MonitoringViews.UnitRow> rows = new ArrayList<>();
        int from = Math.min(paging.page() * paging.size(), shown.size());
        int to = Math.min(from + paging.size(), shown.size());
        for (Unit unit : shown.subList(from, to)) {
            rows.add(new MonitoringViews.UnitRow(unit.code(), unit.kind().name(), unit.name(), unit.parentCode(),
                    quarters.get(unit.code())));
        }
        return new MonitoringViews.MonitoringView(year, selection.region(), today,
                PageResponse.of(rows, paging.page(), paging.size(), shown.size()),
                rollups(selection, quarters, entries));
    }

    private static java.util.function.Predicate<MonitoringViews.UnitQuarter> stateFilter(String state) {
        String text = state == null ? "" : state.trim().toUpperCase(java.util.Locale.ROOT);
        return switch (text) {
            case "" -> q -> true;
            case "TERLAMBAT" -> MonitoringViews.UnitQuarter::late;
            case "MENUNGGU_PENILAIAN" -> MonitoringViews.UnitQuarter::waitsForReview;
            default -> throw PerformanceProblems.MONITORING_FILTER_INVALID.refuse("Keadaan '" + state.trim()
                    + "' tidak dikenal: TERLAMBAT atau MENUNGGU_PENILAIAN.", List.of(Violation.field("/keadaan",
                    "Pilih TERLAMBAT atau MENUNGGU_PENILAIAN, atau kosongkan.")));
        };
    }

    @Transactional(readOnly = true)
    public MonitoringViews.ChartView chart(UnitScope scope, Integer year, String region) {
        Selection selection = select(scope, year, region);
        List<Entry> entries = entries(selection, year);
        Map<String, List<MonitoringViews.UnitQuarter>> quarters = unitQuarters(selection, year,
                LocalDate.now(CITY_ZONE), entries);
        Map<MonitoringViews.QuarterStatus, long[]> byStatus = new EnumMap<>(MonitoringViews.QuarterStatus.class);
        for (MonitoringViews.QuarterStatus status : MonitoringViews.QuarterStatus.values()) {
            byStatus.put(status, new long[4]);
        }
        quarters.values().forEach(list -> list.forEach(q -> byStatus.get(q.status())[q.quarter() - 1]++));
        List<MonitoringViews.Series> statusSeries = new ArrayList<>();
        byStatus.forEach((status, counts) -> statusSeries.add(new MonitoringViews.Series(status.name(),
                statusLabel(status), java.util.Arrays.stream(counts).mapToObj(BigDecimal::valueOf).toList())));
        Map<String, Mean[]> byIndicator = new TreeMap<>();
        Map<String, String> labelOf = new HashMap<>();
        Mean[] overall = means();
        for (Entry entry : entries) {
            String key = entry.indicator() + " (" + entry.unitOfMeasure() + ")";
            labelOf.putIfAbsent(key, entry.indicator());
            Capaian capaian = entry.capaian();
            byIndicator.computeIfAbsent(key, k -> means())[entry.quarter() - 1].add(capaian);
            overall[entry.quarter() - 1].add(capaian);
        }
        List<MonitoringViews.Series> indicatorSeries = new ArrayList<>();
        byIndicator.forEach((key, means) -> indicatorSeries.add(new MonitoringViews.Series(key, labelOf.get(key),
                values(means))));
        return new MonitoringViews.ChartView(year, selection.region(), List.of(1, 2, 3, 4), statusSeries,
                indicatorSeries, new MonitoringViews.Series("rata-rata", "Rata-rata capaian", values(overall)));
    }

    @Transactional(readOnly = true)
    public MonitoringViews.UnitIndicators unit(UnitScope scope, String unitCode, Integer year) {
        Selection selection = select(scope, year, unitCode);
        List<Unit> exactly = selection.units().stream().filter(u -> u.code().equals(unitCode)).toList();
        List<Object> args = new ArrayList<>(selection.args());
        Selection one = new Selection(unitCode, exactly, selection.where() + " AND r.unit_code = ?", args);
        args.add(unitCode);
        Map<String, MonitoringViews.IndicatorRow> rows = new LinkedHashMap<>();
        Map<String, List<MonitoringViews.IndicatorQuarter>> quarters = new HashMap<>();
        for (Entry entry : entries(one, year)) {
            String key = entry.agreementId() + "/" + entry.position();
            List<MonitoringViews.IndicatorQuarter> list = quarters.computeIfAbsent(key, k -> new ArrayList<>());
            rows.computeIfAbsent(key, k -> new MonitoringViews.IndicatorRow(entry.indicator(),
                    entry.unitOfMeasure(), entry.direction().name(), entry.target(), entry.targetMax(), list));
            Capaian capaian = entry.capaian();
            list.add(new MonitoringViews.IndicatorQuarter(entry.quarter(), entry.value(), capaian.percent(),
                    capaian.band() == null ? null : labels.label(capaian.band()), capaian.note()));
        }
        // The unit's predicate is the evaluator's (AKIP score), not a mean of the capaian above: shown when recorded.
        return new MonitoringViews.UnitIndicators(unitCode, year, List.copyOf(rows.values()),
                exactly.isEmpty() ? null : akip.current(unitCode, year).orElse(null));
    }

    // --- selection ---

    private Selection select(UnitScope scope, Integer year, String region) {
        String asked = region == null || region.isBlank() || region.strip().equals(CITY) ? null : region.strip();
        if (asked != null && units.find(asked).filter(u -> scope.reads(u.code())).isEmpty()) {
            // Unknown and out-of-scope get the same answer: nobody learns that another unit's data exists.
            throw PerformanceProblems.UNIT_NOT_FOUND.refuse("Wilayah atau unit " + asked + " tidak ditemukan di"
                    + " wilayah atau unit kerja Anda.", List.of(Violation.field("/wilayah", "Tidak ditemukan.")));
        }
        if (year == null || year < 2000 || year > 2100) {
            throw PerformanceProblems.MONITORING_PERIOD_INVALID.refuse("Sebutkan tahun pemantauan antara 2000 dan"
                    + " 2100.", List.of(Violation.field("/tahun", "Tahun wajib, 2000-2100.")));
        }
        List<Object> args = new ArrayList<>();
        args.add(year);
        String where = "r.year = ? AND " + scope.condition("r.unit_code", args);
        if (asked != null) {
            where += " AND (r.unit_code = ? OR r.unit_code LIKE ?)";
            args.add(asked);
            args.add(asked + ".%");
        }
        String watched = asked != null ? asked : scope.region().orElse(CITY);
        return new Selection(watched, units.within(scope, asked), where, args);
    }

    private List<Report> reports(Selection selection) {
        return jdbc.sql("""
                SELECT r.unit_code, r.quarter, r.status, r.due_date, r.first_submitted_at IS NOT NULL,
                       r.working_days_late
                  FROM realisation r WHERE""" + " " + selection.where())
                .params(selection.args())
                .query((rs, n) -> {
                    int late = rs.getInt(6);
                    return new Report(rs.getString(1), rs.getInt(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getBoolean(5), rs.wasNull() ? null : late);
                }).list();
    }

    private List<Entry> entries(Selection selection, int year) {
        return jdbc.sql("""
                SELECT r.unit_code, r.quarter, r.agreement_id, i.position, i.indicator, i.unit_of_measure,
                       i.direction, i.target, i.target_upper, e.value
                  FROM realisation r
                  JOIN realisation_entry e ON e.realisation_id = r.id
                                          AND e.version = coalesce(r.approved_version, r.current_version)
                  JOIN agreement_item i ON i.agreement_id = r.agreement_id AND i.revision = r.agreement_revision
                                       AND i.position = e.item
                 WHERE""" + " " + selection.where() + " ORDER BY r.unit_code, r.agreement_id, i.position, r.quarter")
                .params(selection.args())
                .query((rs, n) -> {
                    Direction direction = Direction.valueOf(rs.getString(7));
                    BigDecimal target = rs.getBigDecimal(8);
                    BigDecimal targetMax = rs.getBigDecimal(9);
                    BigDecimal value = rs.getBigDecimal(10);
                    return new Entry(rs.getString(1), rs.getInt(2), rs.getObject(3, UUID.class), rs.getInt(4),
                            rs.getString(5), rs.getString(6), direction, target, targetMax, value,
                            Capaian.measure(direction, new Target(target, targetMax), value));
                }).list();
    }

    // --- per unit and quarter ---

    private Map<String, List<MonitoringViews.UnitQuarter>> unitQuarters(Selection selection, int year,
                                                                        LocalDate today, List<Entry> entries) {
        Deadlines.Answer[] due = new Deadlines.Answer[4];
        for (int q = 1; q <= 4; q++) {
            try {
                due[q - 1] = deadlines.of(year, q, today);
            } catch (Refusal noCalendar) {
                // A year whose holidays are not loaded: its deadlines are not guessed; lateness stays unknown.
                due[q - 1] = null;
            }
        }
        Map<String, List<Report>> reports = new HashMap<>();
        for (Report report : reports(selection)) {
            reports.computeIfAbsent(report.unitCode() + "/" + report.quarter(), k -> new ArrayList<>()).add(report);
        }
        Map<String, Mean> capaian = new HashMap<>();
        for (Entry entry : entries) {
            capaian.computeIfAbsent(entry.unitCode() + "/" + entry.quarter(), k -> new Mean()).add(entry.capaian());
        }
        Map<String, List<MonitoringViews.UnitQuarter>> quarters = new HashMap<>();
        for (Unit unit : selection.units()) {
            List<MonitoringViews.UnitQuarter> list = new ArrayList<>();
            for (int q = 1; q <= 4; q++) {
                Deadlines.Answer deadline = due[q - 1];
                List<Report> of = reports.getOrDefault(unit.code() + "/" + q, List.of());
                MonitoringViews.QuarterStatus status = of.isEmpty() ? MonitoringViews.QuarterStatus.NOT_STARTED
                        : MonitoringViews.QuarterStatus.APPROVED;
                boolean waits = false;
                boolean pending = of.isEmpty();
                Integer late = null;
                for (Report report : of) {
                    MonitoringViews.QuarterStatus its = MonitoringViews.QuarterStatus.valueOf(report.status());
                    status = its.ordinal() < status.ordinal() ? its : status;
                    waits |= its == MonitoringViews.QuarterStatus.SUBMITTED;
                    if (report.submitted() && report.workingDaysLate() != null) {
                        late = late == null ? report.workingDaysLate() : Math.max(late, report.workingDaysLate());
                    }
                    pending |= !report.submitted();
                }
                if (pending && deadline != null && deadline.workingDaysLate() != null) {
                    // Not (all) submitted yet: late by the working days since the due date, as of today.
                    late = late == null ? deadline.workingDaysLate() : Math.max(late, deadline.workingDaysLate());
                }
                Mean mean = capaian.getOrDefault(unit.code() + "/" + q, new Mean());
                BigDecimal average = mean.value();
                list.add(new MonitoringViews.UnitQuarter(q, status, of.size(),
                        of.isEmpty() ? deadline == null ? null : deadline.due() : of.get(0).due(), late,
                        late != null && late > 0, waits, mean.indicators, average, rating(average)));
            }
            quarters.put(unit.code(), list);
        }
        return quarters;
    }

    // --- roll-ups ---

    private List<MonitoringViews.Rollup> rollups(Selection selection,
                                                 Map<String, List<MonitoringViews.UnitQuarter>> quarters,
                                                 List<Entry> entries) {
        Map<String, Unit> byCode = new HashMap<>();
        selection.units().forEach(u -> byCode.put(u.code(), u));
        Map<String, Group> groups = new LinkedHashMap<>();
        Group whole = new Group("WILAYAH", selection.region(), selection.region().equals(CITY) ? "Kota Metro"
                : byCode.containsKey(selection.region()) ? byCode.get(selection.region()).name() : selection.region());
        groups.put("*", whole);
        for (Unit unit : selection.units()) {
            if (unit.code().equals(whole.code)) {
                continue;
            }
            if (unit.kind() == UnitKind.KECAMATAN) {
                groups.putIfAbsent(unit.code(), new Group("KECAMATAN", unit.code(), unit.name()));
            } else if (unit.kind() == UnitKind.KELURAHAN) {
                groups.putIfAbsent(unit.code(), new Group("KELURAHAN", unit.code(), unit.name()));
            }
        }
        for (Unit unit : selection.units()) {
            for (Group group : groupsOf(unit, groups)) {
                List<MonitoringViews.UnitQuarter> list = quarters.get(unit.code());
                for (MonitoringViews.UnitQuarter q : list) {
                    group.count(q);
                }
            }
        }
        for (Entry entry : entries) {
            Unit unit = byCode.get(entry.unitCode());
            if (unit != null) {
                Capaian capaian = entry.capaian();
                for (Group group : groupsOf(unit, groups)) {
                    group.means[entry.quarter() - 1].add(capaian);
                }
            }
        }
        List<MonitoringViews.Rollup> rollups = new ArrayList<>();
        for (Group group : groups.values()) {
            List<MonitoringViews.RollupQuarter> list = new ArrayList<>();
            for (int q = 0; q < 4; q++) {
                int[] c = group.counts[q];
                BigDecimal average = group.means[q].value();
                list.add(new MonitoringViews.RollupQuarter(q + 1, c[0], c[1], c[2], c[3], c[4], c[5], c[6],
                        group.means[q].indicators, average, rating(average)));
            }
            rollups.add(new MonitoringViews.Rollup(group.level, group.code, group.name, list));
        }
        return rollups;
    }

    private static List<Group> groupsOf(Unit unit, Map<String, Group> groups) {
        List<Group> of = new ArrayList<>();
        of.add(groups.get("*"));
        if (groups.containsKey(unit.code())) {
            of.add(groups.get(unit.code()));
        }
        if (unit.parentCode() != null && groups.containsKey(unit.parentCode())) {
            of.add(groups.get(unit.parentCode()));
        }
        return of;
    }

    /** Counts per quarter: units, not started, draft, returned, submitted, approved, late. */
    private static final class Group {
        final String level;
        final String code;
        final String name;
        final int[][] counts = new int[4][7];
        final Mean[] means = means();

        Group(String level, String code, String name) {
            this.level = level;
            this.code = code;
            this.name = name;
        }

        void count(MonitoringViews.UnitQuarter q) {
            int[] c = counts[q.quarter() - 1];
            c[0]++;
            switch (q.status()) {
                case NOT_STARTED -> c[1]++;
                case DRAFT -> c[2]++;
                case RETURNED -> c[3]++;
                case SUBMITTED -> c[4]++;
                case APPROVED -> c[5]++;
                default -> throw new IllegalStateException(q.status().name());
            }
            if (q.late()) {
                c[6]++;
            }
        }
    }

    /** The mean of the capaian shown (each already 2 places), rounded half-up to 2 places; no ratio is left out. */
    private static final class Mean {
        BigDecimal sum = BigDecimal.ZERO;
        int measured;
        int indicators;

        void add(Capaian capaian) {
            indicators++;
            if (capaian.percent() != null) {
                sum = sum.add(capaian.percent());
                measured++;
            }
        }

        BigDecimal value() {
            return measured == 0 ? null : sum.divide(BigDecimal.valueOf(measured), Percent.SCALE, RoundingMode.HALF_UP);
        }
    }

    private static Mean[] means() {
        return new Mean[] {new Mean(), new Mean(), new Mean(), new Mean()};
    }

    private static List<BigDecimal> values(Mean[] means) {
        List<BigDecimal> values = new ArrayList<>();
        for (Mean mean : means) {
            values.add(mean.value());
        }
        return values;
    }

    private String rating(BigDecimal average) {
        return average == null ? null : labels.label(RatingBand.of(average));
    }

    private static String statusLabel(MonitoringViews.QuarterStatus status) {
        return switch (status) {
            case NOT_STARTED -> "Belum disusun";
            case DRAFT -> "Draf";
            case RETURNED -> "Dikembalikan";
            case SUBMITTED -> "Menunggu penilaian";
            case APPROVED -> "Disetujui";
        };
    }
}
