package org.kesra.performance.calendar;

import java.time.LocalDate;

/**
 * When a quarterly performance report is due: at most {@link #WORKING_DAYS} working days after the quarter ends
 * (seed 002; sakip-rules.md). A later submission is accepted and carries its working days late.
 */
public record ReportingDeadline(int year, int quarter, LocalDate quarterEnd, LocalDate due) {

    public static final int WORKING_DAYS = 5;

    public static ReportingDeadline of(int year, int quarter, WorkingDays calendar) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter 1-4");
        }
        LocalDate end = LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
        return new ReportingDeadline(year, quarter, end, calendar.nthAfter(end, WORKING_DAYS));
    }
}
