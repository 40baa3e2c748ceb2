package org.kesra.performance.capaian;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one rounding rule of every percentage the service shows: half-up to 2 places, from the exact quotient. */
public final class Percent {

    /** Decimal places of a percentage. */
    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    /**
     * {@code numerator / denominator x 100}, rounded once. The multiplication comes first, so the only rounding is of
     * the exact quotient ({@link BigDecimal#divide(BigDecimal, int, RoundingMode)} rounds correctly).
     *
     * @throws ArithmeticException for a zero denominator: callers decide first what "no ratio" means for them
     */
    public static BigDecimal of(BigDecimal numerator, BigDecimal denominator) {
        return numerator.multiply(HUNDRED).divide(denominator, SCALE, ROUNDING);
    }
}
