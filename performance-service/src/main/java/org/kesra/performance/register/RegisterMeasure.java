package org.kesra.performance.register;

/**
 * Which of welfare-service's published kelurahan figures ({@code welfare.kelurahan-indicators.published}) an indicator
 * computed from a register takes. A share fits a percentage indicator,
 * the others count indicators.
 */
public enum RegisterMeasure {
    /** Persentase PPKS yang ditangani: PPKS found in the quarter and served by its end, over those found. */
    PPKS_HANDLED_SHARE,
    /** PPKS found (terdata) in the quarter. */
    PPKS_FOUND,
    /** PPKS found in the quarter and served (ditangani) by its end. */
    PPKS_HANDLED,
    /** Beneficiaries (KPM) of one programme with an enrolment running in the quarter; names the programme. */
    KPM;

    /** A percentage of two summed counts (numerator and denominator), not a count. */
    public boolean isShare() {
        return this == PPKS_HANDLED_SHARE;
    }

    public boolean needsProgramme() {
        return this == KPM;
    }
}
