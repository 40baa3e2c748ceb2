package org.kesra.performance;

import org.kesra.platform.refusal.ProblemType;
import org.kesra.platform.refusal.RefusalKind;

/**
 * Every refusal performance-service answers with, each a stable {@code PF-} code clients match on, its kind (mapped to
 * an HTTP status once, by platform-web's advice) and the Indonesian title users read. No code is spelled anywhere
 * else in the service. When one request breaks several rules, the answer carries the code of the first rule broken
 * (in the order of the request's fields) and lists every violation in {@code errors}.
 */
public enum PerformanceProblems implements ProblemType {

    // ---- Indicators computed from the registers (issue 22 item 7) ----
    /**
     * A register measure on an indicator entered by staff, an unknown measure, one that does not fit the indicator's
     * kind, or KPM without its programme.
     */
    REGISTER_MEASURE_INVALID("PF-UKURAN-REGISTER-TIDAK-SAH", RefusalKind.INVALID,
            "Ukuran register indikator tidak sah"),
    /** A value, numerator or denominator sent for an indicator computed from a register: staff annotate it only. */
    REGISTER_VALUE_READ_ONLY("PF-NILAI-REGISTER-TIDAK-DAPAT-DIUBAH", RefusalKind.INVALID,
            "Nilai indikator dari register tidak dapat diubah"),
    /** A submission while welfare-service has published no figure of the quarter for a register-fed indicator. */
    REGISTER_FIGURE_MISSING("PF-ANGKA-REGISTER-BELUM-ADA", RefusalKind.UNPROCESSABLE,
            "Angka register triwulan ini belum diterbitkan"),
    // ---- end of register block ----

    /** A unit code (OPD, kecamatan, kelurahan) in a request body that the service does not know. */
    UNIT_UNKNOWN("PF-UNIT-TIDAK-DIKENAL", RefusalKind.INVALID, "Unit kerja tidak dikenal"),
    /**
     * A unit asked for that does not exist or lies outside what the caller may read: the same answer for both, so
     * that nobody learns whether another unit's data exists.
     */
    UNIT_NOT_FOUND("PF-UNIT-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Unit kerja tidak ditemukan"),
    /** A planner writing the plan of a unit other than their own. */
    UNIT_NOT_YOURS("PF-UNIT-BUKAN-WEWENANG", RefusalKind.FORBIDDEN, "Unit kerja di luar wewenang Anda"),
    /** A required field left empty. */
    REQUIRED("PF-ISIAN-WAJIB", RefusalKind.INVALID, "Isian wajib belum diisi"),
    /** A text longer than its column allows. */
    TOO_LONG("PF-ISIAN-TERLALU-PANJANG", RefusalKind.INVALID, "Isian terlalu panjang"),
    /** A plan period whose end is before its start, or longer than a Renstra runs. */
    PERIOD_INVALID("PF-PERIODE-TIDAK-SAH", RefusalKind.INVALID, "Periode rencana tidak sah"),
    /** A plan of the unit already covers one of the years. */
    PERIOD_OVERLAP("PF-PERIODE-TUMPANG-TINDIH", RefusalKind.CONFLICT, "Periode rencana tumpang tindih"),
    /** A target or budget for a year outside the plan's period. */
    YEAR_OUTSIDE_PERIOD("PF-TAHUN-DI-LUAR-PERIODE", RefusalKind.INVALID, "Tahun di luar periode rencana"),
    /** An indicator without a target for one of the plan's years. */
    TARGET_MISSING("PF-TARGET-TAHUN-KOSONG", RefusalKind.INVALID, "Target tahunan belum lengkap"),
    /** Two targets of one indicator for the same year. */
    YEAR_TWICE("PF-TAHUN-GANDA", RefusalKind.INVALID, "Tahun disebut dua kali"),
    /** An indicative budget below zero. */
    BUDGET_NEGATIVE("PF-ANGGARAN-NEGATIF", RefusalKind.INVALID, "Anggaran tidak boleh negatif"),
    /** A value the indicator's kind does not allow (a negative count, percentage, rupiah or months). */
    VALUE_INVALID("PF-NILAI-TIDAK-SAH", RefusalKind.INVALID, "Nilai tidak sah untuk jenis indikator"),
    /** A direction other than HIGHER, LOWER or RANGE. */
    DIRECTION_UNKNOWN("PF-ARAH-TIDAK-DIKENAL", RefusalKind.INVALID, "Arah indikator tidak dikenal"),
    /** A kind other than PERCENTAGE, COUNT, INDEX, RUPIAH or MONTHS. */
    KIND_UNKNOWN("PF-JENIS-TIDAK-DIKENAL", RefusalKind.INVALID, "Jenis indikator tidak dikenal"),
    /** An aggregation other than SUM, LAST, AVERAGE or RATIO. */
    AGGREGATION_UNKNOWN("PF-AGREGASI-TIDAK-DIKENAL", RefusalKind.INVALID, "Cara agregasi tidak dikenal"),
    /** A source other than ENTERED or REGISTER. */
    SOURCE_UNKNOWN("PF-SUMBER-TIDAK-DIKENAL", RefusalKind.INVALID, "Sumber data indikator tidak dikenal"),
    /** A percentage indicator without numerator and denominator definitions, or a ratio over a non-percentage. */
    PERCENTAGE_DEFINITION("PF-DEFINISI-PERSENTASE", RefusalKind.INVALID, "Definisi pembilang/penyebut tidak sesuai"),
    /** A range target without both bounds, with the upper below the lower, or bounds on a non-range indicator. */
    RANGE_INVALID("PF-RENTANG-TARGET-TIDAK-SAH", RefusalKind.INVALID, "Rentang target tidak sah"),
    /** A nomenclature code in neither of the accepted forms for its level. */
    CODE_FORMAT("PF-KODE-NOMENKLATUR-TIDAK-SAH", RefusalKind.INVALID, "Kode nomenklatur tidak sah"),
    /** A kegiatan code outside its program, a sub-kegiatan code outside its kegiatan. */
    CODE_OUTSIDE_PARENT("PF-KODE-TIDAK-SESUAI-INDUK", RefusalKind.INVALID, "Kode tidak sesuai induknya"),
    /** The same nomenclature code twice in one plan version (in either form). */
    CODE_TWICE("PF-KODE-GANDA", RefusalKind.INVALID, "Kode nomenklatur ganda"),
    /** No plan of that id where the caller may look. */
    PLAN_NOT_FOUND("PF-RENSTRA-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Renstra tidak ditemukan"),
    /** The plan exists but not that version. */
    VERSION_NOT_FOUND("PF-VERSI-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Versi Renstra tidak ditemukan"),
    /** A revision based on a version that is no longer the newest. */
    PLAN_STALE("PF-RENSTRA-BERUBAH", RefusalKind.STALE, "Renstra telah berubah"),
    /** No indicator of that id in the plan version. */
    INDICATOR_NOT_FOUND("PF-INDIKATOR-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Indikator tidak ditemukan"),
    /** A realisation that cannot be measured against a target (negative where the kind forbids it). */
    REALISATION_INVALID("PF-REALISASI-TIDAK-SAH", RefusalKind.INVALID, "Realisasi tidak sah"),
    /** A cap on capaian that is not a positive percentage. */
    CAP_INVALID("PF-BATAS-CAPAIAN-TIDAK-SAH", RefusalKind.INVALID, "Batas capaian tidak sah"),
    /** A position other than HEAD, ESELON_III or ESELON_IV. */
    POSITION_UNKNOWN("PF-JABATAN-TIDAK-DIKENAL", RefusalKind.INVALID, "Jabatan tidak dikenal"),
    /** The unit already has an agreement of that position and title for the year. */
    AGREEMENT_EXISTS("PF-PK-SUDAH-ADA", RefusalKind.CONFLICT, "Perjanjian Kinerja sudah ada"),
    /** No agreement of that id where the caller may look. */
    AGREEMENT_NOT_FOUND("PF-PK-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Perjanjian Kinerja tidak ditemukan"),
    /** The agreement exists but not that revision. */
    AGREEMENT_REVISION_NOT_FOUND("PF-REVISI-PK-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Revisi PK tidak ditemukan"),
    /** A change or agreement based on a revision that is no longer the newest. */
    AGREEMENT_STALE("PF-PK-BERUBAH", RefusalKind.STALE, "Perjanjian Kinerja telah berubah"),
    /** Agreeing a revision that is already agreed. */
    AGREEMENT_ALREADY_AGREED("PF-PK-SUDAH-DISEPAKATI", RefusalKind.UNPROCESSABLE, "Perjanjian Kinerja sudah disepakati"),
    /** An item naming a Renstra indicator that is not the unit's, or of no plan covering the year. */
    RENSTRA_INDICATOR_MISMATCH("PF-INDIKATOR-RENSTRA-TIDAK-SESUAI", RefusalKind.INVALID,
            "Indikator Renstra tidak sesuai"),
    /** A quarter other than 1-4, or a year outside 2000-2100. */
    QUARTER_INVALID("PF-TRIWULAN-TIDAK-SAH", RefusalKind.INVALID, "Triwulan tidak sah"),
    /** A year whose holidays are not loaded yet: its working days cannot be counted honestly. */
    CALENDAR_MISSING("PF-KALENDER-BELUM-ADA", RefusalKind.UNPROCESSABLE, "Kalender hari libur belum tersedia"),
    /**
     * A year's holiday list that cannot be loaded: a date outside the year or twice, an unknown kind, no reason, an
     * empty list.
     */
    HOLIDAY_INVALID("PF-HARI-LIBUR-TIDAK-SAH", RefusalKind.INVALID, "Daftar hari libur tidak sah"),
    /** A realisation figure that is not a number. */
    VALUE_NOT_NUMBER("PF-NILAI-BUKAN-ANGKA", RefusalKind.INVALID, "Nilai harus berupa angka"),
    /** A percentage above 100 for an indicator measured in plain % (a share cannot exceed the whole). */
    PERCENTAGE_OVER_100("PF-PERSENTASE-LEBIH-100", RefusalKind.INVALID, "Persentase melebihi 100"),
    /** A denominator of 0 in a percentage given as its parts. */
    DENOMINATOR_ZERO("PF-PENYEBUT-NOL", RefusalKind.INVALID, "Penyebut tidak boleh 0"),
    /** A realisation entry naming an item the agreement revision does not have. */
    ITEM_UNKNOWN("PF-BUTIR-PK-TIDAK-DIKENAL", RefusalKind.INVALID, "Butir Perjanjian Kinerja tidak dikenal"),
    /** Two entries for the same agreement item. */
    ENTRY_TWICE("PF-BUTIR-GANDA", RefusalKind.INVALID, "Butir disebut dua kali"),
    /** A realisation reported against an agreement revision that is not agreed. */
    AGREEMENT_NOT_AGREED("PF-PK-BELUM-DISEPAKATI", RefusalKind.UNPROCESSABLE, "Perjanjian Kinerja belum disepakati"),
    /** A realisation whose agreement is of another unit or year. */
    AGREEMENT_MISMATCH("PF-PK-TIDAK-SESUAI", RefusalKind.INVALID, "Perjanjian Kinerja tidak sesuai unit atau tahun"),
    /** The unit already has a realisation of that agreement and quarter. */
    REALISATION_EXISTS("PF-REALISASI-SUDAH-ADA", RefusalKind.CONFLICT, "Realisasi triwulan ini sudah ada"),
    /** No realisation of that id where the caller may look. */
    REALISATION_NOT_FOUND("PF-REALISASI-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Realisasi tidak ditemukan"),
    /** The realisation exists but not that content version. */
    REALISATION_VERSION_NOT_FOUND("PF-VERSI-REALISASI-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND,
            "Versi realisasi tidak ditemukan"),
    /** A change or decision based on a state of the realisation that is no longer the newest. */
    REALISATION_STALE("PF-REALISASI-BERUBAH", RefusalKind.STALE, "Realisasi telah berubah"),
    /** A submission without a realisation for every item of the agreement. */
    REALISATION_INCOMPLETE("PF-REALISASI-BELUM-LENGKAP", RefusalKind.INVALID, "Realisasi belum lengkap"),
    /** A step the realisation's status does not allow (approving a draft, editing while under review). */
    TRANSITION_NOT_ALLOWED("PF-STATUS-TIDAK-MEMUNGKINKAN", RefusalKind.UNPROCESSABLE,
            "Status realisasi tidak memungkinkan langkah ini"),
    /** A caller who is not among the unit's submitters. */
    NOT_SUBMITTER("PF-BUKAN-PELAPOR-UNIT", RefusalKind.FORBIDDEN, "Anda bukan pelapor unit kerja ini"),
    /** A caller who is not an approver of the unit's parent. */
    NOT_REVIEWER("PF-BUKAN-ATASAN-PENILAI", RefusalKind.FORBIDDEN, "Anda bukan atasan penilai unit kerja ini"),
    /** The person who submitted a realisation deciding on it. */
    SUBMITTER_DECIDES("PF-PELAPOR-TIDAK-BOLEH-MENILAI", RefusalKind.FORBIDDEN,
            "Pelapor tidak boleh menilai laporannya sendiri"),
    /** A return without a checklist item, with an unknown one, or OTHER without its text. */
    CHECKLIST_INVALID("PF-DAFTAR-PERIKSA-TIDAK-SAH", RefusalKind.INVALID, "Tanggapan atasan tidak sah"),
    /** An evidence file above the size limit. */
    EVIDENCE_TOO_LARGE("PF-BUKTI-TERLALU-BESAR", RefusalKind.TOO_LARGE, "Berkas bukti terlalu besar"),
    /** An evidence file whose content is not one of the allowed types (PDF, PNG, JPEG, XLSX). */
    EVIDENCE_TYPE("PF-BUKTI-JENIS-TIDAK-DIIZINKAN", RefusalKind.UNSUPPORTED, "Jenis berkas bukti tidak diizinkan"),
    /** No evidence file of that id on the realisation. */
    EVIDENCE_NOT_FOUND("PF-BUKTI-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Berkas bukti tidak ditemukan"),
    /** An AKIP evaluation score that is not a number, outside 0-100, or with more than 2 decimals. */
    SCORE_OUT_OF_RANGE("PF-NILAI-AKIP-TIDAK-SAH", RefusalKind.INVALID, "Nilai evaluasi AKIP tidak sah"),
    /** An AKIP evaluation recorded by a role other than the evaluator's (auditor) or platform-admin. */
    AKIP_EVALUATOR_ONLY("PF-EVALUASI-AKIP-BUKAN-WEWENANG", RefusalKind.FORBIDDEN,
            "Hanya evaluator (Inspektorat) yang mencatat evaluasi AKIP"),
    /** An AKIP evaluation asked for a year of a unit that has none recorded. */
    AKIP_EVALUATION_NOT_FOUND("PF-EVALUASI-AKIP-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND,
            "Evaluasi AKIP tidak ditemukan"),
    /**
     * A replacement of an AKIP evaluation based on a state that is no longer the newest (If-Match of an older ETag),
     * or naming an ETag while the unit has no evaluation of the year.
     */
    AKIP_EVALUATION_STALE("PF-EVALUASI-AKIP-BERUBAH", RefusalKind.STALE, "Evaluasi AKIP telah berubah"),
    /** A year (of an AKIP evaluation or a year-on-year comparison) that is not a number within 2000-2100. */
    YEAR_INVALID("PF-TAHUN-TIDAK-SAH", RefusalKind.INVALID, "Tahun tidak sah"),

    // --- Import of the Renstra matrix (Tabel 6.1) from a spreadsheet ---
    /** An upload without a file, an empty file, or a sheet with a header and no rows. */
    SHEET_EMPTY("PF-BERKAS-KOSONG", RefusalKind.INVALID, "Berkas kosong"),
    /** A file that is neither XLSX nor CSV (judged from its content and name). */
    SHEET_TYPE("PF-BERKAS-JENIS-TIDAK-DIDUKUNG", RefusalKind.UNSUPPORTED, "Jenis berkas tidak didukung"),
    /** An XLSX or CSV file that cannot be read to its end (damaged, truncated, unclosed quote). */
    SHEET_UNREADABLE("PF-BERKAS-TIDAK-TERBACA", RefusalKind.INVALID, "Berkas tidak dapat dibaca"),
    /** A column the matrix needs (code, programme/kegiatan, indicator) is not in the header. */
    COLUMN_MISSING("PF-KOLOM-TIDAK-ADA", RefusalKind.INVALID, "Kolom wajib tidak ada"),
    /** A year of the period without its target or Rp column, or a year column outside the period. */
    YEAR_COLUMN_MISSING("PF-KOLOM-TAHUN-TIDAK-ADA", RefusalKind.INVALID, "Kolom tahun tidak lengkap"),
    /** A row whose level has no parent above it (a kegiatan before any program, a program before any sasaran). */
    ROW_WITHOUT_PARENT("PF-BARIS-TANPA-INDUK", RefusalKind.INVALID, "Baris tidak memiliki induk"),
    /** A row whose responsible unit is not the unit whose Renstra is imported. */
    RESPONSIBLE_UNIT_MISMATCH("PF-PENANGGUNG-JAWAB-TIDAK-SESUAI", RefusalKind.INVALID,
            "Perangkat daerah penanggung jawab tidak sesuai"),

    // --- Consistency checks and monitoring (issue 22 items 6 and 8) ---
    /** A realised budget marked as intentionally above the pagu without the reason, or a reason without the mark. */
    BUDGET_OVERRIDE_WITHOUT_REASON("PF-MELEBIHI-PAGU-TANPA-ALASAN", RefusalKind.INVALID,
            "Realisasi melebihi pagu wajib disertai alasan"),
    /** A monitoring view asked for a year outside 2000-2100 or a quarter other than 1-4. */
    MONITORING_PERIOD_INVALID("PF-PERIODE-PEMANTAUAN-TIDAK-SAH", RefusalKind.INVALID,
            "Tahun atau triwulan pemantauan tidak sah"),
    /** A monitoring view asked to show only units in a state it does not know. */
    MONITORING_FILTER_INVALID("PF-SARING-PEMANTAUAN-TIDAK-SAH", RefusalKind.INVALID,
            "Saringan keadaan pemantauan tidak sah");

    private final Definition definition;

    PerformanceProblems(String code, RefusalKind kind, String title) {
        definition = new Definition(code, kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
