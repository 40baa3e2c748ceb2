package org.kesra.performance.capaian;

/** Which realisations are better for an indicator, deciding how its capaian is computed. */
public enum Direction {
    /** More is better (coverage, participation): capaian = R / T x 100. */
    HIGHER,
    /** Less is better (unemployment rate, days to serve): capaian = (2T - R) / T x 100 (PermenPANRB 6/2022). */
    LOWER,
    /** A band is the target: inside it 100; below it measured against the lower bound, above it the upper. */
    RANGE
}
