package org.kesra.performance.capaian;

import java.math.BigDecimal;
import org.kesra.performance.PerformanceProblems;

/**
 * The AKIP evaluation predicate of an agency from its score 0-100 (PermenPANRB 88/2021). Lower bounds are exclusive:
 * 90 is A, 90.01 is AA; 30 is D, 30.01 is C.
 */
public enum AkipPredicate {
    AA(90, "Sangat Memuaskan"),
    A(80, "Memuaskan"),
    BB(70, "Sangat Baik"),
    B(60, "Baik"),
    CC(50, "Cukup"),
    C(30, "Kurang"),
    D(null, "Sangat Kurang");

    private static final BigDecimal MAX = BigDecimal.valueOf(100);

    private final BigDecimal exclusiveLowerBound;
    private final String meaning;

    AkipPredicate(Integer exclusiveLowerBound, String meaning) {
        this.exclusiveLowerBound = exclusiveLowerBound == null ? null : BigDecimal.valueOf(exclusiveLowerBound);
        this.meaning = meaning;
    }

    /** Indonesian meaning of the predicate, as the regulation prints it. */
    public String meaning() {
        return meaning;
    }

    public static AkipPredicate of(BigDecimal score) {
        if (score == null || score.signum() < 0 || score.compareTo(MAX) > 0) {
            throw PerformanceProblems.SCORE_OUT_OF_RANGE.refuse("Nilai evaluasi AKIP harus antara 0 dan 100.");
        }
        for (AkipPredicate predicate : values()) {
            if (predicate.exclusiveLowerBound == null || score.compareTo(predicate.exclusiveLowerBound) > 0) {
                return predicate;
            }
        }
        throw new IllegalStateException("unreachable: D takes every score from 0 to 30");
    }
}
