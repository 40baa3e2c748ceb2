package org.kesra.contracts.performance;

/**
 * The realisation of one agreement item in a quarter: the value (for a percentage given as parts, numerator /
 * denominator x 100), the item's yearly target and budget, the budget realised, and capaian of the quarter and year to
 * date (percent, 2 places half-up; absent when there is no ratio). Decimals as plain strings.
 * {@code budgetAbsorption} (budget realised against the item's budget, percent, 2 places half-up, as
 * performance-service computes it; null without a budget) was added within v1: optional, absent from older events.
 * So were {@code rating} and {@code yearToDateRating}: the rating band of each capaian as performance-service labels it
 * (the labels are its configuration, e.g. "Tinggi"), null without a ratio; in the fourth quarter the year's rating.
 * So was {@code efficiency}: seed 002 Tabel 3.2's efisiensi as performance-service computes it (the quarter's capaian
 * minus the budget absorption, percentage points, 2 places; null when either has no ratio).
 */
public record RealisationEntry(int item, String indicator, String unitOfMeasure, String value, String numerator,
                               String denominator, String target, String targetMax, Long budget, Long budgetRealised,
                               String budgetAbsorption, String capaian, String yearToDateValue, String yearToDateCapaian,
                               String rating, String yearToDateRating, String efficiency) {

    /** An entry as published before the efficiency existed. */
    public RealisationEntry(int item, String indicator, String unitOfMeasure, String value, String numerator,
                            String denominator, String target, String targetMax, Long budget, Long budgetRealised,
                            String budgetAbsorption, String capaian, String yearToDateValue,
                            String yearToDateCapaian, String rating, String yearToDateRating) {
        this(item, indicator, unitOfMeasure, value, numerator, denominator, target, targetMax, budget,
                budgetRealised, budgetAbsorption, capaian, yearToDateValue, yearToDateCapaian, rating,
                yearToDateRating, null);
    }

    /** An entry as published before the ratings existed. */
    public RealisationEntry(int item, String indicator, String unitOfMeasure, String value, String numerator,
                            String denominator, String target, String targetMax, Long budget, Long budgetRealised,
                            String budgetAbsorption, String capaian, String yearToDateValue,
                            String yearToDateCapaian) {
        this(item, indicator, unitOfMeasure, value, numerator, denominator, target, targetMax, budget,
                budgetRealised, budgetAbsorption, capaian, yearToDateValue, yearToDateCapaian, null, null, null);
    }
}
