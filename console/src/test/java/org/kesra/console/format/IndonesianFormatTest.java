package org.kesra.console.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IndonesianFormatTest {

    final IndonesianFormat fmt = new IndonesianFormat();

    @Test
    void writesDatesWithIndonesianMonthNames() {
        assertThat(fmt.date(LocalDate.of(2026, 12, 6))).isEqualTo("6 Desember 2026");
        assertThat(fmt.date("2026-05-12")).isEqualTo("12 Mei 2026");
        assertThat(fmt.date("2026-08-17T00:00:00Z")).isEqualTo("17 Agustus 2026");
        assertThat(fmt.date(null)).isEqualTo("–");
        assertThat(fmt.date("bukan tanggal")).isEqualTo("–");
    }

    @Test
    void writesInstantsInWesternIndonesianTime() {
        assertThat(fmt.dateTime(Instant.parse("2026-12-06T07:05:00Z"))).isEqualTo("6 Desember 2026 14.05 WIB");
        assertThat(fmt.dateTime("2026-12-31T17:30:00Z")).as("past midnight in WIB").isEqualTo("1 Januari 2027 00.30 WIB");
    }

    @Test
    void groupsThousandsWithDotsAndDecimalsWithAComma() {
        assertThat(fmt.number(new BigDecimal("1234567.89"))).isEqualTo("1.234.567,89");
        assertThat(fmt.number(1234567)).isEqualTo("1.234.567");
        assertThat(fmt.number("0.5")).isEqualTo("0,5");
        assertThat(fmt.number(null)).isEqualTo("–");
    }

    @Test
    void writesRupiahAsWholeNumbers() {
        assertThat(fmt.rupiah(2_850_000L)).isEqualTo("Rp 2.850.000");
        assertThat(fmt.rupiah(0)).isEqualTo("Rp 0");
    }
}
