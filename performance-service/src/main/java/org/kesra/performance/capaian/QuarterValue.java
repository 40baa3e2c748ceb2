package org.kesra.performance.capaian;

import java.math.BigDecimal;

/**
 * The realisation of one indicator in one quarter: a value, or for a percentage its numerator and denominator (the
 * value is then their ratio x 100; {@link Aggregation#RATIO} sums the parts, never the quarters' percentages).
 */
public record QuarterValue(int quarter, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {

    public QuarterValue {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter 1-4");
        }
    }

    public static QuarterValue of(int quarter, BigDecimal value) {
        return new QuarterValue(quarter, value, null, null);
    }

    public static QuarterValue ratio(int quarter, BigDecimal numerator, BigDecimal denominator) {
        return new QuarterValue(quarter, null, numerator, denominator);
    }
}
