package org.kesra.household.registry;

/** Hubungan dalam keluarga, as printed on the Kartu Keluarga. */
public enum Relationship {
    KEPALA_KELUARGA, SUAMI, ISTRI, ANAK, MENANTU, CUCU, ORANG_TUA, MERTUA, FAMILI_LAIN, PEMBANTU, LAINNYA
}
