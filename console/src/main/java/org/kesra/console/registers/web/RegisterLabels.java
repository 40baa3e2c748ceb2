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

    static final Map<String, String> PSKS_KIND = ordered("ORANG", "Perorangan", "LEMBAGA", "Lembaga");

    static final Map<String, String> PSKS_STATUS = ordered("AKTIF", "Aktif", "NONAKTIF", "Nonaktif");

    /** How a programme's rounds are counted (BenefitCycles.KINDS). */
    static final Map<String, String> CYCLE_KIND = ordered("TAHAP", "Tahap", "BULAN", "Bulan", "SATURASI",
            "Saturasi");

    /** Why a KPM was not paid, or why SP2D and realisation differ (BenefitCycles.GAP_REASONS). */
    static final Map<String, String> GAP_REASON = ordered(
            "GAGAL_BUKA_REKENING_KOLEKTIF", "Gagal buka rekening kolektif",
            "DATA_TIDAK_PADAN_DUKCAPIL", "Data tidak padan Dukcapil",
            "MENINGGAL", "Meninggal", "PINDAH", "Pindah", "MAMPU", "Mampu", "LAINNYA", "Lainnya");

    static final Map<String, String> PROPOSAL_KIND = ordered("TAMBAH", "Tambah penerima", "HAPUS",
            "Hapus penerima");

    /** The reasons a proposal may give: LAYAK for an addition, the others for a removal (MusyawarahProposals). */
    static final Map<String, String> PROPOSAL_REASON = ordered("LAYAK", "Layak (usulan tambah)",
            "MENINGGAL", "Meninggal (usulan hapus)", "MAMPU", "Mampu (usulan hapus)", "PINDAH", "Pindah (usulan hapus)");

    /** The same reasons as the list shows them, beside the kind of the proposal. */
    static final Map<String, String> PROPOSAL_REASON_SHORT = ordered("LAYAK", "layak", "MENINGGAL", "meninggal",
            "MAMPU", "mampu", "PINDAH", "pindah");

    static final Map<String, String> PROPOSAL_STATUS = ordered("DIUSULKAN", "Diusulkan", "DISETUJUI", "Disetujui",
            "DITOLAK", "Ditolak");

    static final Map<String, String> DECISION = ordered("DISETUJUI", "Setujui", "DITOLAK", "Tolak");

    /** The catalogue's codes (welfare-service's ProgrammeCatalogue and ExpansionRounds), in the order offered. */
    static final Map<String, String> PROGRAMME_UNIT = ordered("KELUARGA", "Keluarga", "ORANG", "Orang", "KELOMPOK",
            "Kelompok");
    static final Map<String, String> FUNDING = ordered("APBN", "APBN", "APBD", "APBD");
    static final Map<String, String> AMOUNT_PER = ordered("TAHAP", "Per tahap", "BULAN", "Per bulan", "TAHUN",
            "Per tahun", "KELOMPOK", "Per kelompok");
    static final Map<String, String> EXCLUSION_KIND = ordered("MULAI", "Mulai dikecualikan", "CABUT",
            "Pengecualian dicabut");
    static final Map<String, String> EXPANSION_KIND = ordered("PERLUASAN", "Perluasan", "PEMUTAKHIRAN",
            "Pemutakhiran", "VALIDASI", "Validasi");

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

    /**
     * A typed whole number (thousands dots and "Rp" allowed, as Indonesians write them) as the API takes it, null
     * when empty; anything else is told beside its field before anything is sent.
     */
    static Long number(String typed, String field, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String digits = typed.strip().replaceFirst("^(?i)rp\\.?\\s*", "").replace(".", "").replace(" ", "");
        if (!digits.matches("[0-9]{1,15}")) {
            errors.put(field, "Tulis bilangan bulat tanpa koma, misalnya 1.250 atau 750.000.");
            return null;
        }
        return Long.parseLong(digits);
    }

    private static Map<String, String> ordered(String... codesAndNames) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            map.put(codesAndNames[i], codesAndNames[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private RegisterLabels() {
    }
}
