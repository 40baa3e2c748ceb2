package org.kesra.performance.akip;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kesra.performance.Findings;
import org.kesra.performance.PerformanceProblems;
import org.kesra.performance.Years;
import org.kesra.performance.capaian.AkipPredicate;
import org.kesra.performance.units.Unit;
import org.kesra.performance.units.UnitScope;
import org.kesra.performance.units.Units;
import org.kesra.platform.refusal.PlatformProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AKIP evaluation of a unit per year (PermenPANRB 88/2021): the score the evaluator (Inspektorat) gives, from
 * which the unit's predicate AA..D follows ({@link AkipPredicate}; the predicate is of this score, never of a
 * capaian). One per unit and year; a replacement keeps the one before in {@code akip_evaluation_change}. The only
 * writer of {@code akip_evaluation} and {@code akip_evaluation_change}. Every recording raises the evaluation's
 * version (its ETag); a replacement names the version it was read at, so that of two auditors saving at once the
 * later is refused instead of overwriting what they have not seen.
 */
@Service
public class AkipEvaluations {

    private static final Logger log = LoggerFactory.getLogger(AkipEvaluations.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_EVALUATOR = 200;
    private static final int MAX_REASON = 1000;

    private final JdbcClient jdbc;
    private final Units units;

    public AkipEvaluations(JdbcClient jdbc, Units units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /**
     * Records or replaces the evaluation of {@code unitCode} for {@code yearText}; evaluator or platform-admin.
     *
     * @param basedOn the version (ETag) the caller read, from If-Match; null when none was sent, as for the first
     *                recording of the year. Required once the year has an evaluation.
     */
    @Transactional
    public AkipViews.EvaluationView record(UnitScope scope, String unitCode, String yearText, Integer basedOn,
                                           AkipViews.Evaluation request) {
        if (!scope.caller().hasRole("auditor") && !scope.caller().hasRole("platform-admin")) {
            throw PerformanceProblems.AKIP_EVALUATOR_ONLY.refuse("Evaluasi AKIP dicatat oleh evaluator (peran"
                    + " auditor) atau admin platform.");
        }
        Unit unit = units.readable(scope, unitCode);
        int year = year(yearText);
        Findings findings = new Findings();
        BigDecimal score = score(request == null ? null : request.score(), findings);
        String evaluator = text(findings, "/evaluator", request == null ? null : request.evaluator(), MAX_EVALUATOR,
                true);
        String reason = text(findings, "/reason", request == null ? null : request.reason(), MAX_REASON, false);
        findings.refuseIfAny("Evaluasi AKIP tidak dapat dicatat.");
        // The unit's lock orders concurrent saves, so the version compared below is the one the upsert replaces.
        units.lock(unit.code());
        Optional<AkipViews.EvaluationView> current = current(unit.code(), year);
        fresh(unit.code(), year, current, basedOn);
        Optional<AkipViews.State> before = current.map(AkipEvaluations::state);
        Instant now = Instant.now();
        String by = scope.caller().name();
        jdbc.sql("""
                INSERT INTO akip_evaluation (unit_code, year, score, evaluator, reason, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (unit_code, year) DO UPDATE SET score = excluded.score, evaluator = excluded.evaluator,
                       reason = excluded.reason, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by,
                       version = akip_evaluation.version + 1""")
                .params(unit.code(), year, score, evaluator, reason, Timestamp.from(now), by).update();
        AkipViews.State after = new AkipViews.State(score, AkipPredicate.of(score).name(), evaluator, reason);
        jdbc.sql("""
                INSERT INTO akip_evaluation_change (unit_code, year, changed_at, changed_by, before, after)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
                .params(unit.code(), year, Timestamp.from(now), by,
                        before.map(JSON::writeValueAsString).orElse(null), JSON.writeValueAsString(after)).update();
        log.info("AKIP evaluation of unit {} year {} {}", unit.code(), year, before.isEmpty() ? "recorded" : "replaced");
        // Read back rather than assembled: recorded_at as stored (microseconds), the same as a later GET shows.
        return withHistory(unit.code(), year).orElseThrow();
    }

    /**
     * Refuses a save not based on the current state: an evaluation exists and If-Match is missing (428) or names
     * another version (412), or If-Match names a version while the year has none yet (412: nothing to match).
     */
    private static void fresh(String unitCode, int year, Optional<AkipViews.EvaluationView> current,
                              Integer basedOn) {
        if (current.isPresent() && basedOn == null) {
            throw PlatformProblems.IF_MATCH_REQUIRED.refuse("Unit " + unitCode + " sudah memiliki evaluasi AKIP tahun "
                    + year + ". Sertakan header If-Match berisi ETag evaluasi yang Anda baca.");
        }
        if (current.isPresent() && current.get().etag() != basedOn) {
            throw PerformanceProblems.AKIP_EVALUATION_STALE.refuse("Evaluasi AKIP unit " + unitCode + " tahun " + year
                    + " telah diubah sejak Anda membacanya (ETag terbaru \"" + current.get().etag() + "\"). Muat"
                    + " ulang, lalu ulangi.");
        }
        if (current.isEmpty() && basedOn != null) {
            throw PerformanceProblems.AKIP_EVALUATION_STALE.refuse("Unit " + unitCode + " belum memiliki evaluasi"
                    + " AKIP tahun " + year + ": If-Match tidak cocok dengan apa pun. Catat tanpa If-Match.");
        }
    }

    /** The evaluation of one year with its history; everyone who reads the unit. */
    @Transactional(readOnly = true)
    public AkipViews.EvaluationView read(UnitScope scope, String unitCode, String yearText) {
        Unit unit = units.readable(scope, unitCode);
        int year = year(yearText);
        return withHistory(unit.code(), year).orElseThrow(() ->
                PerformanceProblems.AKIP_EVALUATION_NOT_FOUND.refuse("Unit " + unit.code() + " belum memiliki"
                        + " evaluasi AKIP tahun " + year + "."));
    }

    /** The evaluation with every recording and replacement, oldest first; the caller has checked the scope. */
    private Optional<AkipViews.EvaluationView> withHistory(String unitCode, int year) {
        return current(unitCode, year).map(evaluation -> withChanges(evaluation, jdbc.sql("""
                SELECT changed_at, changed_by, before::text, after::text FROM akip_evaluation_change
                 WHERE unit_code = ? AND year = ? ORDER BY id""").params(unitCode, year)
                .query((rs, n) -> new AkipViews.ChangeView(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3) == null ? null : JSON.readValue(rs.getString(3), AkipViews.State.class),
                        JSON.readValue(rs.getString(4), AkipViews.State.class))).list()));
    }

    /** Every year's evaluation of a unit, newest year first. */
    @Transactional(readOnly = true)
    public AkipViews.EvaluationList list(UnitScope scope, String unitCode) {
        Unit unit = units.readable(scope, unitCode);
        return new AkipViews.EvaluationList(unit.code(), jdbc.sql(SELECT + " WHERE unit_code = ? ORDER BY year DESC")
                .param(unit.code()).query((rs, n) -> view(rs)).list());
    }

    /** The evaluation of a unit and year, for views that already checked the caller's scope (monitoring). */
    @Transactional(readOnly = true)
    public Optional<AkipViews.EvaluationView> current(String unitCode, int year) {
        return jdbc.sql(SELECT + " WHERE unit_code = ? AND year = ?").params(unitCode, year)
                .query((rs, n) -> view(rs)).optional();
    }

    private static final String SELECT = """
            SELECT unit_code, year, score, evaluator, reason, recorded_at, recorded_by, version FROM akip_evaluation""";

    private static AkipViews.EvaluationView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        BigDecimal score = rs.getBigDecimal(3);
        AkipPredicate predicate = AkipPredicate.of(score);
        return new AkipViews.EvaluationView(rs.getString(1), rs.getInt(2), score, predicate.name(),
                predicate.meaning(), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                rs.getString(7), rs.getInt(8), List.of());
    }

    private static AkipViews.EvaluationView withChanges(AkipViews.EvaluationView e, List<AkipViews.ChangeView> c) {
        return new AkipViews.EvaluationView(e.unit(), e.year(), e.score(), e.predicate(), e.meaning(), e.evaluator(),
                e.reason(), e.recordedAt(), e.recordedBy(), e.etag(), c);
    }

    private static AkipViews.State state(AkipViews.EvaluationView e) {
        return new AkipViews.State(e.score(), e.predicate(), e.evaluator(), e.reason());
    }

    private static int year(String text) {
        return Years.parse(text, 2000, "Tahun evaluasi harus angka antara 2000 dan 2100.", "/year", "Tahun tidak sah.");
    }

    private static BigDecimal score(String text, Findings findings) {
        if (text == null || text.isBlank()) {
            findings.add(PerformanceProblems.REQUIRED, "/score", "Nilai evaluasi wajib diisi.");
            return null;
        }
        BigDecimal score;
        try {
            score = new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            findings.add(PerformanceProblems.SCORE_OUT_OF_RANGE, "/score", "Nilai evaluasi harus berupa angka.");
            return null;
        }
        if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
            findings.add(PerformanceProblems.SCORE_OUT_OF_RANGE, "/score", "Nilai evaluasi harus antara 0 dan 100.");
            return null;
        }
        if (score.stripTrailingZeros().scale() > 2) {
            findings.add(PerformanceProblems.SCORE_OUT_OF_RANGE, "/score", "Nilai evaluasi paling banyak 2 desimal.");
            return null;
        }
        return score.setScale(2);
    }

    private static String text(Findings findings, String pointer, String text, int max, boolean required) {
        String value = text == null || text.isBlank() ? null : text.strip();
        if (value == null && required) {
            findings.add(PerformanceProblems.REQUIRED, pointer, "Wajib diisi.");
        } else if (value != null && value.length() > max) {
            findings.add(PerformanceProblems.TOO_LONG, pointer, "Paling banyak " + max + " karakter.");
        }
        return value;
    }
}
