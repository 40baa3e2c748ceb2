package org.kesra.reporting.recap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kesra.platform.refusal.Refusal;

class ReportPeriodTest {

    @Test
    void yearQuarterAndMonthWithTheirDaysAndIndonesianLabels() {
        assertThat(ReportPeriod.parse("2026")).isEqualTo(new ReportPeriod("2026", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), "Tahun 2026"));
        assertThat(ReportPeriod.parse("2026-Q3")).isEqualTo(new ReportPeriod("2026-Q3", LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 9, 30), "Triwulan III 2026"));
        assertThat(ReportPeriod.parse("2024-02")).isEqualTo(new ReportPeriod("2024-02", LocalDate.of(2024, 2, 1),
                LocalDate.of(2024, 2, 29), "Februari 2024"));
    }

    @Test
    void anythingElseIsRefusedWithThePointer() {
        for (String bad : new String[] {null, "", "2026-Q0", "2026-13", "26", "1999", "2026-q1"}) {
            assertThatThrownBy(() -> ReportPeriod.parse(bad)).as(String.valueOf(bad)).isInstanceOf(Refusal.class)
                    .satisfies(e -> assertThat(((Refusal) e).violations()).extracting("pointer")
                            .containsExactly("/period"));
        }
    }
}
