package org.kesra.console.verification.web;

import java.util.Map;

/** The Indonesian words for welfare-service's codes on the verification pages. */
final class VerificationLabels {

    /** Why a row is tidak padan (welfare-service's Verivali classification). */
    static final Map<String, String> ROW_REASONS = Map.of(
            "NIK_TIDAK_VALID", "NIK tidak valid",
            "NIK_TIDAK_DIKENAL", "NIK tidak dikenal di registri",
            "NIK_BERBEDA", "NIK berbeda (ada penduduk yang mirip)",
            "NAMA_BERBEDA", "Nama berbeda",
            "ALAMAT_BERBEDA", "Kelurahan berbeda",
            "MENINGGAL", "Meninggal",
            "PINDAH_KELUAR_KOTA", "Pindah keluar kota",
            "TERCANTUM_GANDA", "Tercantum ganda",
            "PROGRAM_BERTENTANGAN", "Menerima program yang tidak boleh bersamaan");

    static final Map<String, String> MATCH = Map.of("PADAN", "Padan", "TIDAK_PADAN", "Tidak padan");

    static final Map<String, String> ROW_DECISIONS = Map.of("DITERIMA", "Diterima", "DITOLAK", "Ditolak");

    static final Map<String, String> LIFE = Map.of("HIDUP", "Hidup", "MENINGGAL", "Meninggal",
            "PINDAH", "Pindah keluar kota");

    /** What changed in the registry that opened an enrolment review. */
    static final Map<String, String> REVIEW_REASONS = Map.of("MENINGGAL", "Meninggal",
            "PINDAH_KELUAR_KOTA", "Pindah keluar kota", "KELUAR_KK", "Keluar dari KK");

    static final Map<String, String> REVIEW_STATUS = Map.of("TERBUKA", "Menunggu keputusan",
            "DIKONFIRMASI", "Dikonfirmasi", "DITOLAK", "Ditolak");

    static final Map<String, String> REVIEW_DECISIONS = Map.of("KONFIRMASI", "Dikonfirmasi", "TOLAK", "Ditolak");

    static final Map<String, String> AMOUNT_PER = Map.of("TAHAP", "per tahap", "BULAN", "per bulan",
            "TAHUN", "per tahun", "KELOMPOK", "per kelompok");

    static final Map<String, String> UNITS = Map.of("KELUARGA", "keluarga", "ORANG", "orang", "KELOMPOK", "kelompok");

    private VerificationLabels() {
    }
}
