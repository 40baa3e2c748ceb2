package org.kesra.performance.capaian;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quarterly realisation combined by an indicator's aggregation, cumulative up to a quarter. */
class YearToDateTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static final List<QuarterValue> TRAINED = List.of(QuarterValue.of(1, d("10")), QuarterValue.of(2, d("0")),
            QuarterValue.of(3, d("40")), QuarterValue.of(4, d("15")));

    @Test
    void sumAddsTheQuartersReportedSoFar() {
        assertThat(YearToDate.of(Aggregation.SUM, TRAINED, 3).value()).isEqualByComparingTo("50");
        assertThat(YearToDate.of(Aggregation.SUM, TRAINED, 4).value()).isEqualByComparingTo("65");
        assertThat(YearToDate.of(Aggregation.SUM, TRAINED, 4).quarters()).isEqualTo(4);
    }

    @Test
    void lastTakesTheLatestQuarterAndAverageTheMean() {
        List<QuarterValue> rate = List.of(QuarterValue.of(2, d("4.10")), QuarterValue.of(1, d("4.34")));
        assertThat(YearToDate.of(Aggregation.LAST, rate, 4).value()).isEqualByComparingTo("4.10");
        assertThat(YearToDate.of(Aggregation.LAST, rate, 1).value()).isEqualByComparingTo("4.34");
        assertThat(YearToDate.of(Aggregation.AVERAGE, TRAINED, 3).value()).isEqualByComparingTo("16.6667");
    }

    @Test
    void ratioSumsNumeratorsAndDenominatorsNeverAveragesPercentages() {
        // 9 of 10 in Q1 (90 %), 1 of 10 in Q2 (10 %): the half-year is 10 / 20 = 50 %, though the mean is also 50 here;
        // with 9 of 10 and 1 of 30 the ratio is 10 / 40 = 25 %, the mean of percentages would be 46.67 %.
        List<QuarterValue> handled = List.of(QuarterValue.ratio(1, d("9"), d("10")), QuarterValue.ratio(2, d("1"), d("30")));
        assertThat(YearToDate.of(Aggregation.RATIO, handled, 2).value()).isEqualByComparingTo("25.00");
        assertThat(YearToDate.of(Aggregation.AVERAGE, handled, 2).value()).isEqualByComparingTo("46.6650");
    }

    @Test
    void nothingToAggregateOrADenominatorOfZeroSaySoInsteadOfAValue() {
        YearToDate none = YearToDate.of(Aggregation.SUM, List.of(QuarterValue.of(3, d("5"))), 2);
        assertThat(none.value()).isNull();
        assertThat(none.note()).isNotBlank();
        YearToDate zero = YearToDate.of(Aggregation.RATIO, List.of(QuarterValue.ratio(1, d("0"), d("0"))), 1);
        assertThat(zero.value()).isNull();
        assertThat(zero.note()).contains("penyebut 0");
    }
}
