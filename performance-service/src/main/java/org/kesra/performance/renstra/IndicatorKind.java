package org.kesra.performance.renstra;

/** What an indicator measures; a percentage names its numerator and denominator. */
public enum IndicatorKind {
    PERCENTAGE, COUNT, INDEX, RUPIAH, MONTHS;

    /** Whether a value below zero means anything for this kind (an index may be negative; a count may not). */
    public boolean allowsNegative() {
        return this == INDEX;
    }
}
