package org.kesra.performance.agreement;

/** Who signs a Perjanjian Kinerja, and with whom. */
public enum Position {
    /** The head of the unit (kepala dinas, camat, lurah) with the mayor. */
    HEAD,
    /** An eselon III official with the head of the unit. */
    ESELON_III,
    /** An eselon IV official with their eselon III superior. */
    ESELON_IV
}
