package org.kesra.performance.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The deadline rule of sakip-rules.md on the shared holidays-id.csv, with each of its worked examples. */
class ReportingDeadlineTest {

    static final WorkingDays CALENDAR = new WorkingDays(holidays());

    static Set<LocalDate> holidays() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                ReportingDeadlineTest.class.getResourceAsStream("/reference/holidays-id.csv"), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank())
                    .map(line -> LocalDate.parse(line.split(",")[0])).collect(Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "Q{1} {0} -> {2}")
    @CsvSource({"2024, 1, 2024-04-05", "2025, 1, 2025-04-14", "2025, 3, 2025-10-07", "2025, 4, 2026-01-08",
            "2026, 1, 2026-04-08"})
    void dueFiveWorkingDaysAfterTheQuarterEnds(int year, int quarter, LocalDate due) {
        ReportingDeadline deadline = ReportingDeadline.of(year, quarter, CALENDAR);
        assertThat(deadline.due()).isEqualTo(due);
        assertThat(deadline.quarterEnd()).isEqualTo(LocalDate.of(year, quarter * 3, 1).withDayOfMonth(
                LocalDate.of(year, quarter * 3, 1).lengthOfMonth()));
    }

    @Test
    void lateSubmissionsCountWorkingDaysOnly() {
        LocalDate due = LocalDate.of(2024, 4, 5); // a Friday
        assertThat(CALENDAR.workingDaysLate(due, due)).isZero();
        assertThat(CALENDAR.workingDaysLate(due, LocalDate.of(2024, 4, 1))).isZero();
        assertThat(CALENDAR.workingDaysLate(due, LocalDate.of(2024, 4, 7))).as("the weekend counts nothing").isZero();
        // 8, 9 April 2024 cuti bersama, 10, 11 Idul Fitri, 12 and 15 cuti bersama: the 16th is the first working day
        assertThat(CALENDAR.workingDaysLate(due, LocalDate.of(2024, 4, 16))).isEqualTo(1);
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2024, 4, 10))).isFalse();
    }
}
