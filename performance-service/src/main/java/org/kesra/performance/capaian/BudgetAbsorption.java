package org.kesra.performance.capaian;

import java.math.BigDecimal;

/**
 * Budget capaian (penyerapan anggaran) = realised / pagu x 100. A pagu of 0 has no ratio, like a target of 0;
 * absorption above 100 % is shown as it is (the consistency checks flag it, this does not hide it).
 *
 * @param percent {@code null} when the pagu is 0
 */
public record BudgetAbsorption(long pagu, long realised, BigDecimal percent) {

    public static BudgetAbsorption of(long pagu, long realised) {
        if (pagu < 0 || realised < 0) {
            throw org.kesra.performance.PerformanceProblems.BUDGET_NEGATIVE.refuse(
                    "Pagu dan realisasi anggaran tidak boleh negatif.");
        }
        return new BudgetAbsorption(pagu, realised,
                pagu == 0 ? null : Percent.of(BigDecimal.valueOf(realised), BigDecimal.valueOf(pagu)));
    }

    public boolean hasRatio() {
        return percent != null;
    }
}
