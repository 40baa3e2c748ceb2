package org.kesra.performance.capaian;

import java.math.BigDecimal;

/**
 * Efficiency of one item as seed 002 Tabel 3.2 ("cost per outcome") sets it beside its two capaian: the performance
 * capaian minus the budget capaian (penyerapan anggaran), in percentage points. Positive: more of the target was
 * reached than of the pagu was spent (efisien); negative: more was spent than reached. {@code sakip-rules.md} gives
 * no formula; the difference is what Indonesian LKjIP analyses of "efisiensi penggunaan sumber daya" read from the
 * two columns, and unlike their ratio it stays defined when nothing was spent (docs/decisions/0004-efficiency.md).
 *
 * @param points {@code null} when either capaian has no ratio (no target, no pagu, no value)
 */
public record Efficiency(BigDecimal points) {

    public static Efficiency of(BigDecimal performanceCapaian, BigDecimal budgetCapaian) {
        if (performanceCapaian == null || budgetCapaian == null) {
            return new Efficiency(null);
        }
        return new Efficiency(performanceCapaian.subtract(budgetCapaian).setScale(Percent.SCALE, Percent.ROUNDING));
    }

    public boolean efficient() {
        return points != null && points.signum() >= 0;
    }
}
