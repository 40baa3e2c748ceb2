package org.kesra.performance.renstra;

/** The levels of a Renstra tree, top down; program, kegiatan and sub-kegiatan carry a nomenclature code. */
public enum NodeLevel {
    TUJUAN, SASARAN, PROGRAM, KEGIATAN, SUB_KEGIATAN;

    public boolean hasCode() {
        return this == PROGRAM || this == KEGIATAN || this == SUB_KEGIATAN;
    }
}
