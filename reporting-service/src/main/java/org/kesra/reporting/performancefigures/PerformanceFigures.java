package org.kesra.reporting.performancefigures;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kesra.contracts.performance.AgreementAgreed;
import org.kesra.contracts.performance.AgreementItem;
import org.kesra.contracts.performance.PlanIndicator;
import org.kesra.contracts.performance.PlanNodeRef;
import org.kesra.contracts.performance.PlanVersionPublished;
import org.kesra.contracts.performance.RealisationEntry;
import org.kesra.contracts.performance.RealisationSnapshot;
import org.kesra.contracts.performance.YearTarget;
import org.kesra.events.inbox.ReceivedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * performance-service's published figures: plan versions with their indicators and yearly targets, agreed Perjanjian Kinerja revisions with their items, and
 * quarterly realisations per content version with their review steps (tables {@code rm_perf_*}, written only here;
 * {@code opd_unit} is reference data). Figures are stored as published (capaian, budget absorption), never computed.
 * Every write tolerates redelivery and a late, older event: agreed revisions are frozen, a realisation's state and a
 * version's content are replaced only by a step that is not older than the one held.
 */
@Service
public class PerformanceFigures {

    /** An agreed Perjanjian Kinerja revision. */
    public record Agreement(UUID agreementId, int revision, String unitCode, int year, String position,
                            String positionTitle, String reason, Instant agreedAt, UUID eventId, List<Item> items) {
    }

    /** One item as agreed; {@code target}/{@code targetMax} null when absent, {@code budget} in rupiah. */
    public record Item(int item, String sasaran, String indicator, String unitOfMeasure, String direction,
                       BigDecimal target, BigDecimal targetMax, Long budget) {
    }

    /** A realisation as its latest review step left it. */
    public record Realisation(UUID realisationId, String unitCode, int year, int quarter, UUID agreementId,
                              int agreementRevision, String status, int version, Integer approvedVersion,
                              LocalDate dueDate, Instant submittedAt, Integer workingDaysLate, String reason,
                              List<String> checklist, Instant occurredAt, String eventType, UUID eventId) {
    }

    /** A realisation's content in one version, with the event it came from. */
    public record Content(UUID realisationId, int version, int agreementRevision, String obstacles, String followUp,
                          Instant occurredAt, UUID eventId, List<Entry> entries) {
    }

    /** One item's figures as published (ratings: performance-service's labels, null from older events). */
    public record Entry(int item, String indicator, String unitOfMeasure, BigDecimal value, BigDecimal target,
                        BigDecimal targetMax, Long budget, Long budgetRealised, BigDecimal budgetAbsorption,
                        BigDecimal capaian, BigDecimal yearToDateValue, BigDecimal yearToDateCapaian,
                        String rating, String yearToDateRating, BigDecimal efficiency) {
    }

    /** One review step. */
    public record Step(UUID eventId, String eventType, String status, int version, String reason,
                       List<String> checklist, Instant occurredAt) {
    }

    /** A plan version's period. */
    public record PlanPeriod(UUID planId, int version, String title, int startYear, int endYear) {
    }

    private final JdbcClient jdbc;

    public PerformanceFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A plan indicator with the program and kegiatan it hangs under (null above those levels) and its kondisi awal
     * (null when none was published).
     */
    public record PlanIndicatorRow(UUID indicatorId, String nodeLevel, String nodeCode, String nodeName, String name,
                                   String unitOfMeasure, String direction, String programCode, String programName,
                                   String kegiatanCode, String kegiatanName, BigDecimal baseline) {
    }

    /** A plan indicator's target and indicative budget of one year. */
    public record PlanTarget(UUID indicatorId, int year, BigDecimal target, BigDecimal targetMax, Long budget) {
    }

    void planPublished(PlanVersionPublished plan, UUID eventId) {
        int inserted = jdbc.sql("""
                INSERT INTO rm_perf_plan_version (plan_id, version, unit_code, title, start_year, end_year,
                                                  published_at, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, version) DO NOTHING""")
                .params(plan.planId(), plan.version(), plan.unitCode(), plan.title(), plan.startYear(),
                        plan.endYear(), Timestamp.from(plan.publishedAt()), eventId)
                .update();
        if (inserted == 0 || plan.indicators() == null) {
            return; // a plan version is immutable: the one held is the same
        }
        int position = 0;
        for (PlanIndicator indicator : plan.indicators()) {
            String[] program = node(indicator, "PROGRAM");
            String[] kegiatan = node(indicator, "KEGIATAN");
            jdbc.sql("""
                    INSERT INTO rm_perf_plan_indicator (plan_id, version, indicator_id, position, node_level,
                        node_code, node_name, name, unit_of_measure, direction, program_code, program_name,
                        kegiatan_code, kegiatan_name, baseline)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(plan.planId(), plan.version(), indicator.indicatorId(), position++,
                            indicator.nodeLevel(), indicator.nodeCode(), indicator.nodeName(), indicator.name(),
                            indicator.unitOfMeasure(), indicator.direction(), program[0], program[1], kegiatan[0],
                            kegiatan[1], decimal(indicator.baseline()))
                    .update();
            for (YearTarget target : indicator.targets()) {
                jdbc.sql("""
                        INSERT INTO rm_perf_plan_target (plan_id, version, indicator_id, year, target, target_max,
                                                         budget)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(plan.planId(), plan.version(), indicator.indicatorId(), target.year(),
                                decimal(target.target()), decimal(target.targetMax()), target.budget())
                        .update();
            }
        }
    }

    /** Code and name of the indicator's own node or ancestor at {@code level}; nulls when there is none. */
    private static String[] node(PlanIndicator indicator, String level) {
        if (level.equals(indicator.nodeLevel())) {
            return new String[] {indicator.nodeCode(), indicator.nodeName()};
        }
        if (indicator.ancestors() != null) {
            for (PlanNodeRef ancestor : indicator.ancestors()) {
                if (level.equals(ancestor.level())) {
                    return new String[] {ancestor.code(), ancestor.name()};
                }
            }
        }
        return new String[] {null, null};
    }

    void agreed(AgreementAgreed agreement, UUID eventId) {
        int inserted = jdbc.sql("""
                INSERT INTO rm_perf_agreement (agreement_id, revision, unit_code, year, position, position_title,
                                               reason, agreed_at, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (agreement_id, revision) DO NOTHING""")
                .params(agreement.agreementId(), agreement.revision(), agreement.unitCode(), agreement.year(),
                        agreement.position(), agreement.positionTitle(), agreement.reason(),
                        Timestamp.from(agreement.agreedAt()), eventId)
                .update();
        if (inserted == 0) {
            return; // an agreed revision is frozen: the one held is the same
        }
        for (AgreementItem item : agreement.items()) {
            jdbc.sql("""
                    INSERT INTO rm_perf_agreement_item (agreement_id, revision, item, sasaran, indicator,
                        unit_of_measure, direction, target, target_max, budget, renstra_indicator_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(agreement.agreementId(), agreement.revision(), item.item(), item.sasaran(),
                            item.indicator(), item.unitOfMeasure(), item.direction(), decimal(item.target()),
                            decimal(item.targetMax()), item.budget(), item.renstraIndicatorId())
                    .update();
        }
    }

    /**
     * Where a performance event was read (topic, partition, offset) and its CloudEvents time, for tracing a figure to
     * its record; a second delivery of the same event changes nothing.
     */
    void received(ReceivedEvent<?> event, UUID aggregateId, String unitCode) {
        jdbc.sql("""
                INSERT INTO rm_perf_event (event_id, event_type, aggregate_id, unit_code, topic, kafka_partition,
                                           kafka_offset, event_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")
                .params(event.id(), event.type(), aggregateId, unitCode,
                        event.position() == null ? null : event.position().topic(),
                        event.position() == null ? null : event.position().partition(),
                        event.position() == null ? null : event.position().offset(),
                        event.time() == null ? null : Timestamp.from(event.time()))
                .update();
    }

    void realisationStep(RealisationSnapshot snapshot, String eventType, UUID eventId) {
        String[] checklist = snapshot.checklist() == null ? new String[0] : snapshot.checklist().toArray(String[]::new);
        Timestamp at = Timestamp.from(snapshot.occurredAt());
        int step = jdbc.sql("""
                INSERT INTO rm_perf_realisation_step (event_id, realisation_id, event_type, status, version, reason,
                                                      checklist, occurred_at, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")
                .params(eventId, snapshot.realisationId(), eventType, snapshot.status(), snapshot.version(),
                        snapshot.reason(), checklist, at, snapshot.actor())
                .update();
        if (step == 1) {
            // the figures as this step carried them: a figure's history across submissions, returns, approvals
            for (RealisationEntry e : snapshot.entries()) {
                jdbc.sql("""
                        INSERT INTO rm_perf_step_entry (event_id, item, value, target, target_max, budget,
                            budget_realised, budget_absorption, capaian, year_to_date_value, year_to_date_capaian)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, item) DO NOTHING""")
                        .params(eventId, e.item(), decimal(e.value()), decimal(e.target()), decimal(e.targetMax()),
                                e.budget(), e.budgetRealised(), decimal(e.budgetAbsorption()), decimal(e.capaian()),
                                decimal(e.yearToDateValue()), decimal(e.yearToDateCapaian()))
                        .update();
            }
        }
        jdbc.sql("""
                INSERT INTO rm_perf_realisation AS r (realisation_id, unit_code, year, quarter, agreement_id,
                    agreement_revision, status, version, approved_version, due_date, submitted_at, working_days_late,
                    reason, checklist, occurred_at, event_type, event_id)
                VALUES (:id, :unit, :year, :quarter, :agreement, :revision, :status, :version, :approved, :due,
                        :submitted, :late, :reason, :checklist, :at, :type, :event)
                ON CONFLICT (realisation_id) DO UPDATE SET agreement_revision = EXCLUDED.agreement_revision,
                    status = EXCLUDED.status, version = EXCLUDED.version, approved_version = EXCLUDED.approved_version,
                    due_date = EXCLUDED.due_date, submitted_at = EXCLUDED.submitted_at,
                    working_days_late = EXCLUDED.working_days_late, reason = EXCLUDED.reason,
                    checklist = EXCLUDED.checklist, occurred_at = EXCLUDED.occurred_at,
                    event_type = EXCLUDED.event_type, event_id = EXCLUDED.event_id
                WHERE r.occurred_at <= EXCLUDED.occurred_at""")
                .param("id", snapshot.realisationId()).param("unit", snapshot.unitCode())
                .param("year", snapshot.year()).param("quarter", snapshot.quarter())
                .param("agreement", snapshot.agreementId()).param("revision", snapshot.agreementRevision())
                .param("status", snapshot.status()).param("version", snapshot.version())
                .param("approved", snapshot.approvedVersion()).param("due", snapshot.dueDate())
                .param("submitted", snapshot.submittedAt() == null ? null : Timestamp.from(snapshot.submittedAt()))
                .param("late", snapshot.workingDaysLate()).param("reason", snapshot.reason())
                .param("checklist", checklist).param("at", at).param("type", eventType).param("event", eventId)
                .update();
        int content = jdbc.sql("""
                INSERT INTO rm_perf_realisation_version AS v (realisation_id, version, agreement_revision, obstacles,
                                                              follow_up, occurred_at, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (realisation_id, version) DO UPDATE SET agreement_revision = EXCLUDED.agreement_revision,
                    obstacles = EXCLUDED.obstacles, follow_up = EXCLUDED.follow_up,
                    occurred_at = EXCLUDED.occurred_at, event_id = EXCLUDED.event_id
                WHERE v.occurred_at <= EXCLUDED.occurred_at""")
                .params(snapshot.realisationId(), snapshot.version(), snapshot.agreementRevision(),
                        snapshot.obstacles(), snapshot.followUp(), at, eventId)
                .update();
        if (content == 0) {
            return; // a newer step of this version is held already
        }
        jdbc.sql("DELETE FROM rm_perf_realisation_entry WHERE realisation_id = ? AND version = ?")
                .params(snapshot.realisationId(), snapshot.version()).update();
        for (RealisationEntry e : snapshot.entries()) {
            jdbc.sql("""
                    INSERT INTO rm_perf_realisation_entry (realisation_id, version, item, indicator, unit_of_measure,
                        value, target, target_max, budget, budget_realised, budget_absorption, capaian,
                        year_to_date_value, year_to_date_capaian, rating, year_to_date_rating, efficiency)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(snapshot.realisationId(), snapshot.version(), e.item(), e.indicator(),
                            e.unitOfMeasure(), decimal(e.value()), decimal(e.target()), decimal(e.targetMax()),
                            e.budget(), e.budgetRealised(), decimal(e.budgetAbsorption()), decimal(e.capaian()),
                            decimal(e.yearToDateValue()), decimal(e.yearToDateCapaian()), e.rating(),
                            e.yearToDateRating(), decimal(e.efficiency()))
                    .update();
        }
    }

    /** The indicators of a plan version in the plan's order. */
    public List<PlanIndicatorRow> planIndicators(UUID planId, int version) {
        return jdbc.sql("""
                SELECT indicator_id, node_level, node_code, node_name, name, unit_of_measure, direction, program_code,
                       program_name, kegiatan_code, kegiatan_name, baseline
                FROM rm_perf_plan_indicator WHERE plan_id = ? AND version = ? ORDER BY position""")
                .params(planId, version).query(PlanIndicatorRow.class).list();
    }

    /** The yearly targets of a plan version's indicators. */
    public List<PlanTarget> planTargets(UUID planId, int version) {
        return jdbc.sql("""
                SELECT indicator_id, year, target, target_max, budget FROM rm_perf_plan_target
                WHERE plan_id = ? AND version = ? ORDER BY indicator_id, year""")
                .params(planId, version).query(PlanTarget.class).list();
    }

    /** The Renstra indicator each item of an agreement revision takes over (items without one are left out). */
    public java.util.Map<Integer, UUID> renstraIndicators(UUID agreementId, int revision) {
        java.util.Map<Integer, UUID> ids = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT item, renstra_indicator_id FROM rm_perf_agreement_item
                WHERE agreement_id = ? AND revision = ? AND renstra_indicator_id IS NOT NULL""")
                .params(agreementId, revision)
                .query((rs, n) -> ids.put(rs.getInt(1), rs.getObject(2, UUID.class))).list();
        return ids;
    }

    /** The name of an OPD unit (reference data), if the code is one. */
    public Optional<String> opdName(String code) {
        return jdbc.sql("SELECT name FROM public.opd_unit WHERE code = ?").param(code).query(String.class).optional();
    }

    /** The periods of the unit's plans, newest version of each plan. */
    public List<PlanPeriod> plans(String unitCode) {
        return jdbc.sql("""
                SELECT DISTINCT ON (plan_id) plan_id, version, title, start_year, end_year FROM rm_perf_plan_version
                WHERE unit_code = ? ORDER BY plan_id, version DESC""")
                .param(unitCode).query(PlanPeriod.class).list();
    }

    /** Every published version of the unit's plans, newest period first and newest version first within it. */
    public List<PlanPeriod> planVersions(String unitCode) {
        return jdbc.sql("""
                SELECT plan_id, version, title, start_year, end_year FROM rm_perf_plan_version
                WHERE unit_code = ? ORDER BY start_year DESC, end_year DESC, version DESC, plan_id""")
                .param(unitCode).query(PlanPeriod.class).list();
    }

    /** The newest agreed revision of each of the unit's agreements for the year, by position and title. */
    public List<Agreement> agreements(String unitCode, int year) {
        List<Agreement> heads = jdbc.sql("""
                SELECT DISTINCT ON (agreement_id) agreement_id, revision FROM rm_perf_agreement
                WHERE unit_code = ? AND year = ? ORDER BY agreement_id, revision DESC""")
                .params(unitCode, year)
                .query((rs, n) -> agreement(rs.getObject(1, UUID.class), rs.getInt(2)).orElseThrow()).list();
        return heads.stream().sorted(java.util.Comparator.comparing((Agreement a) -> positionRank(a.position()))
                .thenComparing(Agreement::positionTitle).thenComparing(a -> a.agreementId().toString())).toList();
    }

    public Optional<Agreement> agreement(UUID agreementId, int revision) {
        List<Item> items = jdbc.sql("""
                SELECT item, sasaran, indicator, unit_of_measure, direction, target, target_max, budget
                FROM rm_perf_agreement_item WHERE agreement_id = ? AND revision = ? ORDER BY item""")
                .params(agreementId, revision).query(Item.class).list();
        return jdbc.sql("""
                SELECT agreement_id, revision, unit_code, year, position, position_title, reason, agreed_at, event_id
                FROM rm_perf_agreement WHERE agreement_id = ? AND revision = ?""")
                .params(agreementId, revision)
                .query((rs, n) -> new Agreement(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant(), rs.getObject(9, UUID.class), items))
                .optional();
    }

    /** The unit's realisations of the quarter, one per agreement. */
    public List<Realisation> realisations(String unitCode, int year, int quarter) {
        return jdbc.sql("""
                SELECT realisation_id, unit_code, year, quarter, agreement_id, agreement_revision, status, version,
                       approved_version, due_date, submitted_at, working_days_late, reason, checklist, occurred_at,
                       event_type, event_id
                FROM rm_perf_realisation WHERE unit_code = ? AND year = ? AND quarter = ? ORDER BY realisation_id""")
                .params(unitCode, year, quarter)
                .query((rs, n) -> new Realisation(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), rs.getObject(5, UUID.class), rs.getInt(6), rs.getString(7), rs.getInt(8),
                        rs.getObject(9, Integer.class), rs.getObject(10, LocalDate.class), instant(rs.getTimestamp(11)),
                        rs.getObject(12, Integer.class), rs.getString(13), texts(rs.getArray(14)),
                        rs.getTimestamp(15).toInstant(), rs.getString(16), rs.getObject(17, UUID.class)))
                .list();
    }

    /** A unit's quarter whose reporting deadline has passed, with the newest realisation step applied to it. */
    public record QuarterDue(String unitCode, int year, int quarter, LocalDate dueDate, UUID latestEventId) {
    }

    /**
     * Every unit's quarter with a realisation whose due date (as performance-service published it with the
     * realisation) lies before {@code today}, with the event of its newest review step (any agreement of the unit).
     */
    public List<QuarterDue> quartersDue(LocalDate today) {
        return jdbc.sql("""
                SELECT unit_code, year, quarter, max(due_date),
                       (array_agg(event_id ORDER BY occurred_at DESC, event_id DESC))[1]
                FROM rm_perf_realisation GROUP BY unit_code, year, quarter HAVING max(due_date) < ?
                ORDER BY year, quarter, unit_code""")
                .param(today)
                .query((rs, n) -> new QuarterDue(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, UUID.class)))
                .list();
    }

    /** An agreed Perjanjian Kinerja of a unit for a year: each expects a realisation every quarter. */
    public record AgreedUnit(String unitCode, UUID agreementId) {
    }

    /** The agreements of the given units for the year (any revision agreed), by unit and id. */
    public List<AgreedUnit> agreed(List<String> unitCodes, int year) {
        return jdbc.sql("""
                SELECT DISTINCT unit_code, agreement_id FROM rm_perf_agreement
                WHERE unit_code = ANY (CAST(? AS text[])) AND year = ? ORDER BY unit_code, agreement_id""")
                .params(unitCodes.toArray(String[]::new), year)
                .query((rs, n) -> new AgreedUnit(rs.getString(1), rs.getObject(2, UUID.class))).list();
    }

    /**
     * The reporting deadline of each quarter of the year as performance-service published it with the realisations
     * of that quarter (any unit: one rule for all, five working days after the quarter); a quarter without any
     * realisation published is absent.
     */
    public java.util.Map<Integer, LocalDate> dueDates(int year) {
        java.util.Map<Integer, LocalDate> due = new java.util.TreeMap<>();
        jdbc.sql("SELECT quarter, max(due_date) FROM rm_perf_realisation WHERE year = ? GROUP BY quarter")
                .param(year).query((rs, n) -> due.put(rs.getInt(1), rs.getObject(2, LocalDate.class))).list();
        return due;
    }

    /** The realisations of the given units in the year (every quarter), by unit, quarter and id. */
    public List<Realisation> realisations(List<String> unitCodes, int year) {
        return jdbc.sql("""
                SELECT realisation_id, unit_code, year, quarter, agreement_id, agreement_revision, status, version,
                       approved_version, due_date, submitted_at, working_days_late, reason, checklist, occurred_at,
                       event_type, event_id
                FROM rm_perf_realisation WHERE unit_code = ANY (CAST(? AS text[])) AND year = ?
                ORDER BY unit_code, quarter, realisation_id""")
                .params(unitCodes.toArray(String[]::new), year)
                .query((rs, n) -> new Realisation(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), rs.getObject(5, UUID.class), rs.getInt(6), rs.getString(7), rs.getInt(8),
                        rs.getObject(9, Integer.class), rs.getObject(10, LocalDate.class), instant(rs.getTimestamp(11)),
                        rs.getObject(12, Integer.class), rs.getString(13), texts(rs.getArray(14)),
                        rs.getTimestamp(15).toInstant(), rs.getString(16), rs.getObject(17, UUID.class)))
                .list();
    }

    public Optional<Content> content(UUID realisationId, int version) {
        List<Entry> entries = jdbc.sql("""
                SELECT item, indicator, unit_of_measure, value, target, target_max, budget, budget_realised,
                       budget_absorption, capaian, year_to_date_value, year_to_date_capaian, rating,
                       year_to_date_rating, efficiency
                FROM rm_perf_realisation_entry WHERE realisation_id = ? AND version = ? ORDER BY item""")
                .params(realisationId, version).query(Entry.class).list();
        return jdbc.sql("""
                SELECT realisation_id, version, agreement_revision, obstacles, follow_up, occurred_at, event_id
                FROM rm_perf_realisation_version WHERE realisation_id = ? AND version = ?""")
                .params(realisationId, version)
                .query((rs, n) -> new Content(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getObject(7, UUID.class), entries))
                .optional();
    }

    public List<Step> steps(UUID realisationId) {
        return jdbc.sql("""
                SELECT event_id, event_type, status, version, reason, checklist, occurred_at
                FROM rm_perf_realisation_step WHERE realisation_id = ? ORDER BY occurred_at, event_id""")
                .param(realisationId)
                .query((rs, n) -> new Step(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), texts(rs.getArray(6)), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Where an event was read and when it was published; positions null for an event applied before they were kept. */
    public record SourceEvent(UUID eventId, String eventType, String topic, Integer partition, Long offset,
                              Instant eventTime) {
    }

    /** One review step of a realisation, where its event was read, and an item's figures as the step carried them. */
    public record TracedStep(UUID eventId, String eventType, String status, int version, String reason,
                             List<String> checklist, Instant occurredAt, String actor, SourceEvent source,
                             StepFigures figures) {
    }

    /** An item's figures as one step's event carried them; null when the step did not carry the item. */
    public record StepFigures(BigDecimal value, BigDecimal target, BigDecimal targetMax, Long budget,
                              Long budgetRealised, BigDecimal budgetAbsorption, BigDecimal capaian,
                              BigDecimal yearToDateValue, BigDecimal yearToDateCapaian) {
    }

    /** A Renstra indicator's target of one year in the newest plan version that has it, with that version's event. */
    public record PlanTargetSource(UUID planId, int version, String title, UUID indicatorId, String indicator,
                                   int year, BigDecimal target, BigDecimal targetMax, Long budget, UUID eventId) {
    }

    /** The realisation and content version a review step's event belongs to. */
    public record StepOf(UUID realisationId, int version) {
    }

    /** Where an applied performance event was read, if it was applied. */
    public Optional<SourceEvent> sourceEvent(UUID eventId) {
        return jdbc.sql("""
                SELECT event_id, event_type, topic, kafka_partition, kafka_offset, event_time
                FROM rm_perf_event WHERE event_id = ?""")
                .param(eventId)
                .query((rs, n) -> new SourceEvent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Integer.class), rs.getObject(5, Long.class), instant(rs.getTimestamp(6))))
                .optional();
    }

    /** The realisation and version of a review step's event. */
    public Optional<StepOf> stepOf(UUID eventId) {
        return jdbc.sql("SELECT realisation_id, version FROM rm_perf_realisation_step WHERE event_id = ?")
                .param(eventId).query(StepOf.class).optional();
    }

    /**
     * Every review step of a realisation in the order performance-service took them (its events share the
     * realisation's partition, so the offsets say the same), each with the item's figures as the step carried them.
     */
    public List<TracedStep> trace(UUID realisationId, int item) {
        return jdbc.sql("""
                SELECT s.event_id, s.event_type, s.status, s.version, s.reason, s.checklist, s.occurred_at, s.actor,
                       ev.topic, ev.kafka_partition, ev.kafka_offset, ev.event_time,
                       f.event_id IS NOT NULL, f.value, f.target, f.target_max, f.budget, f.budget_realised,
                       f.budget_absorption, f.capaian, f.year_to_date_value, f.year_to_date_capaian
                FROM rm_perf_realisation_step s
                LEFT JOIN rm_perf_event ev ON ev.event_id = s.event_id
                LEFT JOIN rm_perf_step_entry f ON f.event_id = s.event_id AND f.item = ?
                WHERE s.realisation_id = ?
                ORDER BY s.occurred_at, ev.kafka_offset NULLS LAST, s.event_id""")
                .params(item, realisationId)
                .query((rs, n) -> new TracedStep(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), texts(rs.getArray(6)), rs.getTimestamp(7).toInstant(),
                        rs.getString(8), new SourceEvent(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(9), rs.getObject(10, Integer.class), rs.getObject(11, Long.class),
                        instant(rs.getTimestamp(12))),
                        !rs.getBoolean(13) ? null : new StepFigures(rs.getBigDecimal(14), rs.getBigDecimal(15),
                                rs.getBigDecimal(16), rs.getObject(17, Long.class), rs.getObject(18, Long.class),
                                rs.getBigDecimal(19), rs.getBigDecimal(20), rs.getBigDecimal(21),
                                rs.getBigDecimal(22))))
                .list();
    }

    /** The target of the year a Renstra indicator has in the newest plan version carrying it, if any. */
    public Optional<PlanTargetSource> planTarget(UUID indicatorId, int year) {
        return jdbc.sql("""
                SELECT v.plan_id, v.version, v.title, i.indicator_id, i.name AS indicator, t.year, t.target,
                       t.target_max, t.budget, v.event_id
                FROM rm_perf_plan_indicator i
                JOIN rm_perf_plan_version v ON v.plan_id = i.plan_id AND v.version = i.version
                JOIN rm_perf_plan_target t ON t.plan_id = i.plan_id AND t.version = i.version
                     AND t.indicator_id = i.indicator_id AND t.year = ?
                WHERE i.indicator_id = ? ORDER BY v.published_at DESC, v.version DESC LIMIT 1""")
                .params(year, indicatorId).query(PlanTargetSource.class).optional();
    }

    private static int positionRank(String position) {
        return switch (position) {
            case "HEAD" -> 0;
            case "ESELON_III" -> 1;
            case "ESELON_IV" -> 2;
            default -> 3;
        };
    }

    private static BigDecimal decimal(String text) {
        return text == null || text.isBlank() ? null : new BigDecimal(text);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
