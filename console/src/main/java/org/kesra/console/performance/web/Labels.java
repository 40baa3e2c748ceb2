package org.kesra.console.performance.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kesra.console.security.ConsoleSecurity;

/** Indonesian names of performance-service's codes, and who does what in the quarterly review. */
final class Labels {

    static final Map<String, String> STATUS = Map.of(
            "DRAFT", "Draf (belum diserahkan)",
            "SUBMITTED", "Diserahkan, menunggu penilaian",
            "RETURNED", "Dikembalikan untuk diperbaiki",
            "APPROVED", "Disetujui");

    /** The superior's checklist of seed 002 ("Tanggapan Atasan Langsung"), in its order. */
    static final Map<String, String> CHECKLIST = new LinkedHashMap<>();

    static {
        CHECKLIST.put("REPORT_TO_FIX", "Laporan segera diperbaiki");
        CHECKLIST.put("RECHECK_TARGET_AND_REALISATION", "Target dan realisasi diteliti ulang");
        CHECKLIST.put("RECHECK_CAPAIAN", "Capaian diteliti ulang");
        CHECKLIST.put("OTHER", "Lain-lain");
    }

    /** Who reports a unit's quarter (performance-service's access table; the service checks the unit). */
    static final List<String> SUBMITTERS = ConsoleSecurity.QUARTER_SUBMITTERS;

    private Labels() {
    }
}
