package org.kesra.performance.renstra;

/** Where an indicator's realisation comes from. */
public enum IndicatorSource {
    /** Entered by the unit's staff each quarter. */
    ENTERED,
    /** Computed from a register (welfare-service's published kelurahan indicators); staff annotate, never overwrite. */
    REGISTER
}
