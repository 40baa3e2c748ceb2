package org.kesra.performance.capaian;

/** How the quarterly values of an indicator make its yearly value. */
public enum Aggregation {
    /** The quarters add up (people trained). */
    SUM,
    /** The last quarter's value stands for the year (a rate measured at a date). */
    LAST,
    /** The mean of the quarters reported. */
    AVERAGE,
    /** Summed numerator over summed denominator, for percentages (never the mean of the quarters' percentages). */
    RATIO
}
