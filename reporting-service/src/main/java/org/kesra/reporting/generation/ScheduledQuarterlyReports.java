package org.kesra.reporting.generation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.kesra.platform.refusal.Refusal;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.performancefigures.PerformanceFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps each unit's Laporan Kinerja Triwulan once its reporting deadline has passed. The deadline comes with the
 * realisation events ({@code dueDate}); performance-service publishes none for a unit that never submitted, so such a
 * quarter has no scheduled file. After the deadline a file is kept for each newest review step of the unit's quarter
 * (submitted, returned, approved, re-opened), so the archive holds the report as it stood at the deadline and after
 * every later decision, not only the first one. One file per step and format, also across instances.
 */
@Component
public class ScheduledQuarterlyReports {

    private static final Logger log = LoggerFactory.getLogger(ScheduledQuarterlyReports.class);
    /** Kota Metro keeps Western Indonesian Time: a deadline day ends at midnight WIB. */
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Jakarta");

    private final PerformanceFigures figures;
    private final ReportKinds kinds;
    private final ReportGenerations generations;
    private final GenerationProperties properties;
    private final Clock clock = Clock.systemUTC();

    ScheduledQuarterlyReports(PerformanceFigures figures, ReportKinds kinds, ReportGenerations generations,
                              GenerationProperties properties) {
        this.figures = figures;
        this.kinds = kinds;
        this.generations = generations;
        this.properties = properties;
    }

    /** One run of the schedule: clears stale generations, then keeps the files due. Returns how many were made. */
    public int generateDue() {
        generations.failStale();
        int made = 0;
        for (PerformanceFigures.QuarterDue due : figures.quartersDue(LocalDate.now(clock.withZone(CITY_ZONE)))) {
            String trigger = "quarterly:" + due.unitCode() + ":" + due.year() + "-Q" + due.quarter() + ":"
                    + due.latestEventId();
            ReportKinds.Prepared prepared;
            try {
                prepared = kinds.prepare("quarterly", Map.of("unit", due.unitCode(),
                        "tahun", String.valueOf(due.year()), "triwulan", String.valueOf(due.quarter())),
                        ReportingAccess.Scope.city());
            } catch (Refusal refusal) {
                // A unit the city no longer lists, or a year outside its Renstra: nothing to keep; tried again.
                log.debug("scheduled report {} not generated: {}", trigger, refusal.code());
                continue;
            }
            for (String format : properties.scheduleFormats()) {
                if (generations.generateNow(prepared, format, trigger)) {
                    made++;
                }
            }
        }
        if (made > 0) {
            log.info("scheduled generation kept {} quarterly report files", made);
        }
        return made;
    }
}
