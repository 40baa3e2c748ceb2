package org.kesra.performance.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days of the city's offices: Monday to Friday except the national holidays and cuti bersama given (the
 * {@code holiday} table, loaded from the shared reference holidays-id.csv). Pure computation over the dates given.
 */
public final class WorkingDays {

    private final Set<LocalDate> holidays;

    public WorkingDays(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /** The {@code n}-th working day after {@code date} (not counting {@code date} itself), n >= 1. */
    public LocalDate nthAfter(LocalDate date, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n >= 1");
        }
        LocalDate day = date;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Working days after {@code deadline} up to and including {@code on}; 0 when {@code on} is not after it. */
    public int workingDaysLate(LocalDate deadline, LocalDate on) {
        int late = 0;
        for (LocalDate day = deadline.plusDays(1); !day.isAfter(on); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                late++;
            }
        }
        return late;
    }
}
