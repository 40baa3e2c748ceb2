package org.kesra.performance.calendar;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kesra.performance.Findings;
import org.kesra.performance.PerformanceProblems;
import org.kesra.platform.refusal.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting deadlines on the calendar of the {@code holiday} table (the only reader and, with its migrations, the only
 * writer of it). A year whose holidays are not loaded is refused rather than counted as if it had none, except a year
 * before the calendar's first: see {@link #historical(int)}.
 */
@Service
public class Deadlines {

    private final JdbcClient jdbc;

    public Deadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Schema(name = "TenggatLaporan", description = "Tenggat laporan kinerja triwulan: 5 hari kerja sesudah triwulan")
    public record Answer(int year, int quarter, LocalDate quarterEnd, LocalDate due,
                         @Schema(description = "Tanggal penyerahan yang ditanyakan, bila ada") LocalDate submittedOn,
                         @Schema(description = "Hari kerja keterlambatan (0 bila tepat waktu)") Integer workingDaysLate,
                         @Schema(description = "Hari kerja tersisa sesudah tanggal itu sampai tenggat (0 bila lewat)")
                         Integer workingDaysLeft) {
    }

    /**
     * Whether a quarter of {@code year} is history to this platform: the year lies before the first year whose holidays
     * are loaded, so its reports were filed on paper long before and are entered now from the signed documents (seed
     * 004's LAKIP 2021/2022). Such a realisation has no deadline and no lateness (a backfill years later is not "late",
     * and counting working days without that year's holidays would state a wrong figure); a later year without a
     * calendar is still refused, because there lateness matters and an administrator loads the list first
     * (decision docs/decisions/0005-historical-realisation.md). No calendar at all is not history: refused as before.
     */
    @Transactional(readOnly = true)
    public boolean historical(int year) {
        Integer first = jdbc.sql("SELECT min(extract(year FROM date))::int FROM holiday").query(Integer.class)
                .optional().orElse(null);
        return first != null && year < first;
    }

    /**
     * A refusal here (no calendar for the year) is caught by readers such as monitoring, which then leave lateness
     * unknown: it must not mark their surrounding transaction rollback-only, or their answer fails at commit.
     */
    @Transactional(readOnly = true, noRollbackFor = Refusal.class)
    public Answer of(Integer year, Integer quarter, LocalDate submittedOn) {
        Findings findings = new Findings();
        if (year == null || year < 2000 || year > 2100) {
            findings.add(PerformanceProblems.QUARTER_INVALID, "/tahun", "Tahun harus antara 2000 dan 2100.");
        }
        if (quarter == null || quarter < 1 || quarter > 4) {
            findings.add(PerformanceProblems.QUARTER_INVALID, "/triwulan", "Triwulan harus 1, 2, 3 atau 4.");
        }
        findings.refuseIfAny("Triwulan yang ditanyakan tidak sah.");
        int lastYear = Math.max(quarter == 4 ? year + 1 : year, submittedOn == null ? year : submittedOn.getYear());
        List<LocalDate> holidays = jdbc.sql("SELECT date FROM holiday WHERE date BETWEEN ? AND ?")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(lastYear, 12, 31)).query(LocalDate.class).list();
        Set<Integer> covered = new HashSet<>();
        holidays.forEach(d -> covered.add(d.getYear()));
        for (int y = year; y <= lastYear; y++) {
            if (!covered.contains(y)) {
                throw PerformanceProblems.CALENDAR_MISSING.refuse("Hari libur nasional dan cuti bersama tahun " + y
                        + " belum dimuat, sehingga hari kerja tidak dapat dihitung.");
            }
        }
        WorkingDays calendar = new WorkingDays(new HashSet<>(holidays));
        ReportingDeadline deadline = ReportingDeadline.of(year, quarter, calendar);
        return new Answer(year, quarter, deadline.quarterEnd(), deadline.due(), submittedOn,
                submittedOn == null ? null : calendar.workingDaysLate(deadline.due(), submittedOn),
                // The same count the other way round: working days after that date up to and including the due date.
                submittedOn == null ? null : calendar.workingDaysLate(submittedOn, deadline.due()));
    }
}
