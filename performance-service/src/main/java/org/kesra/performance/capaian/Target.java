package org.kesra.performance.capaian;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The target of one indicator for one year: a single value, or for a {@link Direction#RANGE} indicator the bounds
 * {@code value} (lower) to {@code upper}.
 */
public record Target(BigDecimal value, BigDecimal upper) {

    public Target {
        Objects.requireNonNull(value, "value");
        if (upper != null && upper.compareTo(value) < 0) {
            throw new IllegalArgumentException("upper bound below lower bound");
        }
    }

    public static Target of(BigDecimal value) {
        return new Target(value, null);
    }

    public static Target range(BigDecimal lower, BigDecimal upper) {
        return new Target(lower, Objects.requireNonNull(upper, "upper"));
    }
}
