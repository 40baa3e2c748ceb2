package org.kesra.reporting.performancefigures;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kesra.contracts.performance.UnitFindingsPublished;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A unit's consistency findings per year as performance-service published them: each event is the whole list, so the
 * newest one (by its time) replaces what is held, and an older one arriving late changes nothing.
 */
@Service
public class UnitFindings {

    private final JdbcClient jdbc;

    UnitFindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One finding with the places it names, in the published order. */
    public record Finding(String code, String check, String message, Integer quarter, List<Place> places) {
    }

    public record Place(String document, String href, String pointer, String label, String value) {
    }

    /** The findings held for a unit and year, with the time of the snapshot; none held: empty, time null. */
    public record Snapshot(List<Finding> findings, Instant publishedAt) {
    }

    void published(UnitFindingsPublished event, UUID eventId) {
        int newer = jdbc.sql("""
                INSERT INTO rm_perf_unit_findings AS f (unit_code, year, occurred_at, event_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (unit_code, year) DO UPDATE SET occurred_at = EXCLUDED.occurred_at,
                    event_id = EXCLUDED.event_id
                WHERE f.occurred_at <= EXCLUDED.occurred_at""")
                .params(event.unitCode(), event.year(), Timestamp.from(event.occurredAt()), eventId).update();
        if (newer == 0) {
            return; // a newer snapshot is held already
        }
        jdbc.sql("DELETE FROM rm_perf_unit_finding WHERE unit_code = ? AND year = ?")
                .params(event.unitCode(), event.year()).update();
        for (int f = 0; f < event.findings().size(); f++) {
            UnitFindingsPublished.Finding finding = event.findings().get(f);
            jdbc.sql("""
                    INSERT INTO rm_perf_unit_finding (unit_code, year, finding_no, code, check_kind, message, quarter)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(event.unitCode(), event.year(), f, finding.code(), finding.check(), finding.message(),
                            finding.quarter())
                    .update();
            for (int p = 0; p < finding.places().size(); p++) {
                UnitFindingsPublished.Place place = finding.places().get(p);
                jdbc.sql("""
                        INSERT INTO rm_perf_unit_finding_place (unit_code, year, finding_no, place_no, document, href,
                                                                pointer, label, value)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(event.unitCode(), event.year(), f, p, place.document(), place.href(),
                                place.pointer(), place.label(), place.value())
                        .update();
            }
        }
    }

    public Snapshot of(String unitCode, int year) {
        Instant at = jdbc.sql("SELECT occurred_at FROM rm_perf_unit_findings WHERE unit_code = ? AND year = ?")
                .params(unitCode, year).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional().orElse(null);
        if (at == null) {
            return new Snapshot(List.of(), null);
        }
        Map<Integer, List<Place>> places = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT finding_no, document, href, pointer, label, value FROM rm_perf_unit_finding_place
                WHERE unit_code = ? AND year = ? ORDER BY finding_no, place_no""")
                .params(unitCode, year)
                .query(rs -> {
                    places.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new Place(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                });
        List<Finding> findings = jdbc.sql("""
                SELECT finding_no, code, check_kind, message, quarter FROM rm_perf_unit_finding
                WHERE unit_code = ? AND year = ? ORDER BY finding_no""")
                .params(unitCode, year)
                .query((rs, n) -> new Finding(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, Integer.class), places.getOrDefault(rs.getInt(1), List.of())))
                .list();
        return new Snapshot(findings, at);
    }
}
