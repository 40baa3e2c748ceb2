package org.kesra.console.registers.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The Indonesian words for welfare-service's codes on the register pages, and the forms' shared checks. */
final class RegisterLabels {

    static final Map<String, String> PPKS_STATUS = Map.of("TERDATA", "Terdata", "DITANGANI", "Ditangani",
            "DITUTUP", "Ditutup");

    static final Map<String, String> ENROLMENT_STATUS = Map.of("AKTIF", "Aktif", "DITINJAU", "Sedang ditinjau",
            "BERAKHIR", "Berakhir");

    /** The PKH components of the catalogue (reference/pkh-components.csv). */
    static final Map<String, String> PKH_COMPONENTS = Map.of("IBU_HAMIL", "Ibu hamil / nifas",
            "ANAK_USIA_DINI", "Anak usia dini (0–6 tahun)", "SD", "Anak sekolah SD", "SMP", "Anak sekolah SMP",
            "SMA", "Anak sekolah SMA", "DISABILITAS_BERAT", "Penyandang disabilitas berat",
            "LANJUT_USIA", "Lanjut usia");

    static final String DATE_UNREADABLE = "Tanggal tidak dikenali; tulis sebagai TTTT-BB-HH, misalnya 2026-12-06.";

    /** A code of a filter in the URL: kept only when it is one the pages know (nothing else reaches the API). */
    static String known(String code, Map<String, String> codes) {
        return code != null && codes.containsKey(code) ? code : null;
    }

    /**
     * A typed date as the API takes it (ISO), null when empty; a date that cannot be read is told beside its field
     * before anything is sent (a browser without a date picker lets anything be typed).
     */
    static String date(String typed, String field, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip()).toString();
        } catch (DateTimeParseException e) {
            errors.put(field, DATE_UNREADABLE);
            return null;
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private RegisterLabels() {
    }
}
