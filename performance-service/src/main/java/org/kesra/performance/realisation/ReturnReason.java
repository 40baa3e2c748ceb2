package org.kesra.performance.realisation;

/** The superior's checklist when returning a report (seed 002, "Tanggapan Atasan Langsung"). */
public enum ReturnReason {
    /** Laporan segera diperbaiki. */
    REPORT_TO_FIX,
    /** Target dan realisasi diteliti ulang. */
    RECHECK_TARGET_AND_REALISATION,
    /** Capaian diteliti ulang. */
    RECHECK_CAPAIAN,
    /** Lain-lain, with the superior's own text. */
    OTHER
}
