package org.kesra.performance.renstra;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.capaian.Aggregation;
import org.kesra.performance.capaian.Direction;
import org.kesra.performance.register.RegisterMeasure;
import org.kesra.performance.units.Unit;
import org.kesra.performance.units.UnitScope;
import org.kesra.performance.units.Units;
import org.kesra.platform.refusal.PlatformProblems;
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
 * The Renstra use cases: store a plan with its whole tree, revise it as a new version, read any version, list a unit's
 * plans. The only writer of the {@code renstra_*} tables. A plan is written in one transaction or not at all; a
 * refusal (checked before anything is written) leaves nothing behind. Reads are limited to the caller's
 * {@link UnitScope} inside the queries, and a plan outside it is "not found" exactly like one that does not exist.
 */
@Service
public class RenstraPlans {

    private final PlanEvents events;

    private static final Logger log = LoggerFactory.getLogger(RenstraPlans.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Units units;

    public RenstraPlans(JdbcClient jdbc, JdbcTemplate batch, Units units, PlanEvents events) {
        this.events = events;
        this.jdbc = jdbc;
        this.batch = batch;
        this.units = units;
    }

    @Transactional
    public RenstraViews.PlanView create(UnitScope scope, RenstraRequests.NewPlan request) {
        Unit unit = writableUnit(scope, request.unit());
        PlanValidator.checkPeriod(request.startYear(), request.endYear());
        int start = request.startYear();
        int end = request.endYear();
        PlanTree tree = PlanValidator.check(start, end, request.title(), request.tujuan());
        units.lock(unit.code());
        Optional<String> overlapping = jdbc.sql("""
                SELECT start_year || '-' || end_year FROM renstra_plan
                 WHERE unit_code = ? AND start_year <= ? AND end_year >= ? LIMIT 1""")
                .params(unit.code(), end, start).query(String.class).optional();
        if (overlapping.isPresent()) {
            throw PerformanceProblems.PERIOD_OVERLAP.refuse("Unit " + unit.code() + " sudah memiliki Renstra "
                    + overlapping.get() + " yang mencakup sebagian periode " + start + "-" + end
                    + ". Ubah Renstra itu dengan revisi.", List.of(Violation.field("/startYear",
                    "Periode tumpang tindih dengan Renstra " + overlapping.get() + ".")));
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO renstra_plan (id, unit_code, start_year, end_year, current_version, created_at, created_by)
                VALUES (?, ?, ?, ?, 1, ?, ?)""")
                .params(id, unit.code(), start, end, Timestamp.from(now), scope.caller().name()).update();
        insertVersion(id, 1, tree, null, now, scope.caller().name());
        log.info("renstra plan {} version 1 stored for unit {}", id, unit.code());
        RenstraViews.PlanView stored = read(scope, id, 1);
        events.published(stored);
        return stored;
    }

    @Transactional
    public RenstraViews.PlanView revise(UnitScope scope, UUID planId, int basedOnVersion,
                                        RenstraRequests.Revision request) {
        List<Object> args = new ArrayList<>();
        args.add(planId);
        String inScope = scope.condition("unit_code", args);
        record Stored(String unitCode, int startYear, int endYear, int currentVersion) {
        }
        Stored plan = jdbc.sql("SELECT unit_code, start_year, end_year, current_version FROM renstra_plan"
                        + " WHERE id = ? AND " + inScope + " FOR UPDATE").params(args)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .optional().orElseThrow(() -> planNotFound(planId));
        Unit unit = units.find(plan.unitCode()).orElseThrow(() -> planNotFound(planId));
        if (!scope.writes(unit)) {
            throw notYours(unit);
        }
        if (basedOnVersion != plan.currentVersion()) {
            throw PerformanceProblems.PLAN_STALE.refuse("Renstra ini sudah direvisi menjadi versi "
                    + plan.currentVersion() + " sejak versi " + basedOnVersion + " yang Anda kirim. Muat ulang versi"
                    + " terbaru, lalu ulangi revisi Anda.");
        }
        String reason = PlanValidator.reason(request.reason());
        PlanTree tree = PlanValidator.check(plan.startYear(), plan.endYear(), request.title(), request.tujuan());
        int version = plan.currentVersion() + 1;
        insertVersion(planId, version, tree, reason, Instant.now(), scope.caller().name());
        jdbc.sql("UPDATE renstra_plan SET current_version = ? WHERE id = ?").params(version, planId).update();
        log.info("renstra plan {} revised to version {}", planId, version);
        RenstraViews.PlanView stored = read(scope, planId, version);
        events.published(stored);
        return stored;
    }

    /** One version of a plan ({@code null}: the newest) with its tree. */
    @Transactional(readOnly = true)
    public RenstraViews.PlanView read(UnitScope scope, UUID planId, Integer version) {
        List<Object> args = new ArrayList<>();
        args.add(planId);
        String inScope = scope.condition("unit_code", args);
        record Stored(String unitCode, int startYear, int endYear, int currentVersion) {
        }
        Stored plan = jdbc.sql("SELECT unit_code, start_year, end_year, current_version FROM renstra_plan"
                        + " WHERE id = ? AND " + inScope).params(args)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .optional().orElseThrow(() -> planNotFound(planId));
        int shown = version == null ? plan.currentVersion() : version;
        List<RenstraViews.VersionSummary> versions = jdbc.sql("""
                SELECT version, title, reason, created_at, created_by FROM renstra_version
                 WHERE plan_id = ? ORDER BY version""").param(planId)
                .query((rs, n) -> new RenstraViews.VersionSummary(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
        RenstraViews.VersionSummary this_ = versions.stream().filter(v -> v.version() == shown).findFirst()
                .orElseThrow(() -> PerformanceProblems.VERSION_NOT_FOUND.refuse("Renstra " + planId
                        + " tidak memiliki versi " + shown + "; versi terbaru " + plan.currentVersion() + "."));
        Unit unit = units.find(plan.unitCode()).orElseThrow(() -> planNotFound(planId));
        List<RenstraViews.NodeView> tujuan = tree(planId, shown);
        return new RenstraViews.PlanView(planId, unit, plan.startYear(), plan.endYear(), shown,
                plan.currentVersion(), this_.title(), this_.reason(), this_.createdAt(), this_.createdBy(), versions,
                tujuan, BudgetCheck.of(tujuan, plan.startYear(), plan.endYear()));
    }

    /** Plans the caller may read, of one unit or of all units in scope, newest period first. */
    @Transactional(readOnly = true)
    public PageResponse<RenstraViews.PlanSummary> list(UnitScope scope, String unitCode, Paging paging) {
        if (paging.byCursor()) {
            throw PlatformProblems.CURSOR_INVALID.refuse("Daftar Renstra memakai nomor halaman (page), bukan kursor.",
                    List.of(Violation.field("/cursor", "Gunakan page dan size.")));
        }
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(scope.condition("p.unit_code", args));
        if (unitCode != null) {
            units.readable(scope, unitCode);
            where.append(" AND p.unit_code = ?");
            args.add(unitCode);
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(paging.size());
        pageArgs.add((long) paging.page() * paging.size());
        List<RenstraViews.PlanSummary> items = jdbc.sql("""
                SELECT p.id, p.unit_code, p.start_year, p.end_year, p.current_version, v.title, v.created_at,
                       u.kind, u.name, u.parent_code
                  FROM renstra_plan p
                  JOIN renstra_version v ON v.plan_id = p.id AND v.version = p.current_version
                  JOIN unit u ON u.code = p.unit_code
                 WHERE""" + " " + where + " ORDER BY p.start_year DESC, p.unit_code, p.id LIMIT ? OFFSET ?")
                .params(pageArgs)
                .query((rs, n) -> new RenstraViews.PlanSummary(rs.getObject(1, UUID.class),
                        new Unit(rs.getString(2), org.kesra.performance.units.UnitKind.valueOf(rs.getString(8)),
                                rs.getString(9), rs.getString(10)),
                        rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
        return PageResponse.of(items, paging.page(), paging.size(), () -> jdbc.sql(
                "SELECT count(*) FROM renstra_plan p WHERE " + where).params(args).query(Long.class).single());
    }

    /** An indicator of one plan version with its target of {@code year}, for computing its capaian. */
    @Transactional(readOnly = true)
    public IndicatorTarget indicatorTarget(UnitScope scope, UUID planId, int version, UUID indicatorId, int year) {
        RenstraViews.PlanView plan = read(scope, planId, version);
        RenstraViews.IndicatorView indicator = find(plan.tujuan(), indicatorId).orElseThrow(() ->
                PerformanceProblems.INDICATOR_NOT_FOUND.refuse("Indikator " + indicatorId + " tidak ada di Renstra "
                        + planId + " versi " + version + "."));
        RenstraViews.TargetView target = indicator.targets().stream().filter(t -> t.year() == year).findFirst()
                .orElseThrow(() -> PerformanceProblems.YEAR_OUTSIDE_PERIOD.refuse("Tahun " + year
                        + " di luar periode Renstra " + plan.startYear() + "-" + plan.endYear() + ".",
                        List.of(Violation.field("/tahun", "Tahun di luar periode rencana."))));
        return new IndicatorTarget(plan.id(), plan.version(), indicator, target);
    }

    /**
     * True when {@code indicatorId} is an indicator of a plan of {@code unitCode} whose period covers {@code year}
     * (any version): what a Perjanjian Kinerja item may take over.
     */
    @Transactional(readOnly = true)
    public boolean indicatorServes(UUID indicatorId, String unitCode, int year) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM renstra_indicator i
                                 JOIN renstra_node n ON n.id = i.node_id
                                 JOIN renstra_plan p ON p.id = n.plan_id
                                WHERE i.id = ? AND p.unit_code = ? AND ? BETWEEN p.start_year AND p.end_year)""")
                .params(indicatorId, unitCode, year).query(Boolean.class).single();
    }

    /** What a realisation of an indicator must look like: its kind, quarterly aggregation and unit of measure. */
    public record IndicatorDefinition(UUID id, IndicatorKind kind, org.kesra.performance.capaian.Aggregation aggregation,
                                      String unitOfMeasure, IndicatorSource source, RegisterMeasure registerMeasure,
                                      String registerProgramme) {

        /** Computed from a register: the register measure says which figure (null for one entered by staff). */
        public boolean fromRegister() {
            return source == IndicatorSource.REGISTER && registerMeasure != null;
        }
    }

    /** The definition of a Renstra indicator by id (any version; a Perjanjian Kinerja item names it). */
    @Transactional(readOnly = true)
    public Optional<IndicatorDefinition> indicatorDefinition(UUID indicatorId) {
        return jdbc.sql("""
                SELECT id, kind, aggregation, unit_of_measure, source, register_measure, register_programme
                  FROM renstra_indicator WHERE id = ?""")
                .param(indicatorId)
                .query((rs, n) -> new IndicatorDefinition(rs.getObject(1, UUID.class),
                        IndicatorKind.valueOf(rs.getString(2)),
                        org.kesra.performance.capaian.Aggregation.valueOf(rs.getString(3)), rs.getString(4),
                        IndicatorSource.valueOf(rs.getString(5)), measure(rs.getString(6)), rs.getString(7)))
                .optional();
    }

    /**
     * Where a Renstra indicator stands in its plan version and what that version states for {@code year}: what a
     * Perjanjian Kinerja item or a realisation quoting the indicator is compared with (consistency checks). Empty
     * when the indicator does not exist; target and budget are null when the version states none for the year.
     */
    public record IndicatorYear(UUID planId, int version, UUID indicatorId, String indicatorName, UUID nodeId,
                                String nodeCode, String nodeName, BigDecimal target, Long budget) {
    }

    @Transactional(readOnly = true)
    public Optional<IndicatorYear> indicatorYear(UUID indicatorId, int year) {
        return jdbc.sql("""
                SELECT n.plan_id, n.version, i.id, i.name, n.id, n.code, n.name, t.target, t.budget
                  FROM renstra_indicator i
                  JOIN renstra_node n ON n.id = i.node_id
                  LEFT JOIN renstra_target t ON t.indicator_id = i.id AND t.year = ?
                 WHERE i.id = ?""").params(year, indicatorId)
                .query((rs, n) -> {
                    long budget = rs.getLong(9);
                    Long budgetOrNone = rs.wasNull() ? null : budget;
                    return new IndicatorYear(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                            rs.getBigDecimal(8), budgetOrNone);
                }).optional();
    }

    private static RegisterMeasure measure(String stored) {
        return stored == null ? null : RegisterMeasure.valueOf(stored);
    }

    /** An indicator and its target for one year, as stored in one plan version. */
    public record IndicatorTarget(UUID planId, int version, RenstraViews.IndicatorView indicator,
                                  RenstraViews.TargetView target) {
    }

    private static Optional<RenstraViews.IndicatorView> find(List<RenstraViews.NodeView> nodes, UUID indicatorId) {
        for (RenstraViews.NodeView node : nodes) {
            for (RenstraViews.IndicatorView indicator : node.indicators()) {
                if (indicator.id().equals(indicatorId)) {
                    return Optional.of(indicator);
                }
            }
            Optional<RenstraViews.IndicatorView> below = find(node.children(), indicatorId);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    private Unit writableUnit(UnitScope scope, String code) {
        if (code == null || code.isBlank()) {
            throw PerformanceProblems.REQUIRED.refuse("Unit kerja Renstra wajib diisi.",
                    List.of(Violation.field("/unit", "Kode unit wajib diisi.")));
        }
        Unit unit = units.find(code.strip()).orElseThrow(() -> PerformanceProblems.UNIT_UNKNOWN.refuse(
                "Unit " + code.strip() + " tidak dikenal.", List.of(Violation.field("/unit",
                        "Gunakan kode OPD (mis. dinsos) atau kode wilayah kecamatan/kelurahan (mis. 18.72.03)."))));
        if (!scope.writes(unit)) {
            throw notYours(unit);
        }
        return unit;
    }

    private static org.kesra.platform.refusal.Refusal notYours(Unit unit) {
        return PerformanceProblems.UNIT_NOT_YOURS.refuse("Anda hanya dapat menyusun Renstra unit kerja Anda sendiri;"
                + " " + unit.code() + " bukan unit Anda.", List.of(Violation.field("/unit", "Bukan unit Anda.")));
    }

    private static org.kesra.platform.refusal.Refusal planNotFound(UUID planId) {
        return PerformanceProblems.PLAN_NOT_FOUND.refuse("Renstra " + planId + " tidak ditemukan.");
    }

    private void insertVersion(UUID planId, int version, PlanTree tree, String reason, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO renstra_version (plan_id, version, title, reason, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?)""").params(planId, version, tree.title(), reason, Timestamp.from(at), by)
                .update();
        List<Object[]> nodes = new ArrayList<>();
        List<Object[]> indicators = new ArrayList<>();
        List<Object[]> targets = new ArrayList<>();
        flatten(planId, version, null, tree.tujuan(), nodes, indicators, targets);
        batch.batchUpdate("""
                INSERT INTO renstra_node (id, plan_id, version, parent_id, level, position, code, name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", nodes);
        batch.batchUpdate("""
                INSERT INTO renstra_indicator (id, node_id, position, name, unit_of_measure, direction, kind,
                    numerator_definition, denominator_definition, aggregation, source, baseline, register_measure,
                    register_programme)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", indicators);
        batch.batchUpdate("""
                INSERT INTO renstra_target (indicator_id, year, target, target_upper, budget)
                VALUES (?, ?, ?, ?, ?)""", targets);
    }

    private static void flatten(UUID planId, int version, UUID parent, List<PlanTree.Node> siblings,
                                List<Object[]> nodes, List<Object[]> indicators, List<Object[]> targets) {
        for (int i = 0; i < siblings.size(); i++) {
            PlanTree.Node node = siblings.get(i);
            UUID id = UUID.randomUUID();
            nodes.add(new Object[] {id, planId, version, parent, node.level().name(), i, node.code(), node.name()});
            for (int j = 0; j < node.indicators().size(); j++) {
                PlanTree.IndicatorDef def = node.indicators().get(j);
                UUID indicatorId = UUID.randomUUID();
                indicators.add(new Object[] {indicatorId, id, j, def.name(), def.unitOfMeasure(),
                        def.direction().name(), def.kind().name(), def.numeratorDefinition(),
                        def.denominatorDefinition(), def.aggregation().name(), def.source().name(), def.baseline(),
                        def.registerMeasure() == null ? null : def.registerMeasure().name(), def.registerProgramme()});
                for (PlanTree.YearValue year : def.targets()) {
                    targets.add(new Object[] {indicatorId, year.year(), year.target(), year.targetMax(),
                            year.budget()});
                }
            }
            flatten(planId, version, id, node.children(), nodes, indicators, targets);
        }
    }

    private List<RenstraViews.NodeView> tree(UUID planId, int version) {
        List<NodeRow> rows = jdbc.sql("""
                SELECT id, parent_id, level, code, name FROM renstra_node
                 WHERE plan_id = ? AND version = ? ORDER BY position, id""").params(planId, version)
                .query((rs, n) -> new NodeRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        NodeLevel.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5))).list();
        Map<UUID, List<RenstraViews.TargetView>> targets = new HashMap<>();
        jdbc.sql("""
                SELECT t.indicator_id, t.year, t.target, t.target_upper, t.budget
                  FROM renstra_target t JOIN renstra_indicator i ON i.id = t.indicator_id
                  JOIN renstra_node n ON n.id = i.node_id
                 WHERE n.plan_id = ? AND n.version = ? ORDER BY t.year""").params(planId, version)
                .query(rs -> {
                    long budget = rs.getLong(5);
                    Long budgetOrNone = rs.wasNull() ? null : budget;
                    targets.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new RenstraViews.TargetView(rs.getInt(2), plain(rs.getBigDecimal(3)),
                                    plain(rs.getBigDecimal(4)), budgetOrNone));
                });
        Map<UUID, List<RenstraViews.IndicatorView>> indicators = new HashMap<>();
        jdbc.sql("""
                SELECT i.id, i.node_id, i.name, i.unit_of_measure, i.direction, i.kind, i.numerator_definition,
                       i.denominator_definition, i.aggregation, i.source, i.baseline, i.register_measure,
                       i.register_programme
                  FROM renstra_indicator i JOIN renstra_node n ON n.id = i.node_id
                 WHERE n.plan_id = ? AND n.version = ? ORDER BY i.position""").params(planId, version)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    indicators.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                            .add(new RenstraViews.IndicatorView(id, rs.getString(3), rs.getString(4),
                                    Direction.valueOf(rs.getString(5)), IndicatorKind.valueOf(rs.getString(6)),
                                    rs.getString(7), rs.getString(8), Aggregation.valueOf(rs.getString(9)),
                                    IndicatorSource.valueOf(rs.getString(10)), measure(rs.getString(12)),
                                    rs.getString(13), plain(rs.getBigDecimal(11)),
                                    targets.getOrDefault(id, List.of())));
                });
        Map<UUID, List<NodeRow>> children = new HashMap<>();
        for (NodeRow row : rows) {
            children.computeIfAbsent(row.parent(), k -> new ArrayList<>()).add(row);
        }
        return build(null, children, indicators);
    }

    private record NodeRow(UUID id, UUID parent, NodeLevel level, String code, String name) {
    }

    private static List<RenstraViews.NodeView> build(UUID parent, Map<UUID, List<NodeRow>> children,
                                                     Map<UUID, List<RenstraViews.IndicatorView>> indicators) {
        List<RenstraViews.NodeView> nodes = new ArrayList<>();
        for (NodeRow row : children.getOrDefault(parent, List.of())) {
            nodes.add(new RenstraViews.NodeView(row.id(), row.level(), row.code(), row.name(),
                    indicators.getOrDefault(row.id(), List.of()), build(row.id(), children, indicators)));
        }
        return nodes;
    }

    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
