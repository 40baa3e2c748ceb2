package org.kesra.contracts.performance;

/**
 * The realisation of one agreement item in a quarter: the value (for a percentage given as parts, numerator /
 * denominator x 100), the item's yearly target and budget, the budget realised, and capaian of the quarter and year to
 * date (percent, 2 places half-up; absent when there is no ratio). Decimals as plain strings.
 * {@code budgetAbsorption} (budget realised against the item's budget, percent, 2 places half-up, as
 * performance-service computes it; null without a budget) was added within v1: optional, absent from older events.
 */
public record RealisationEntry(int item, String indicator, String unitOfMeasure, String value, String numerator,
                               String denominator, String target, String targetMax, Long budget, Long budgetRealised,
                               String budgetAbsorption, String capaian, String yearToDateValue, String yearToDateCapaian) {
}
