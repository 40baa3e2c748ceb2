package org.kesra.welfare;

import org.kesra.platform.refusal.ProblemType;
import org.kesra.platform.refusal.RefusalKind;

/**
 * Every problem code welfare-service answers with, what kind of refusal it is (the platform's advice turns the kind
 * into the HTTP status) and its Indonesian title. Use cases throw {@code WelfareProblems.X.refuse(detail)}; no code is
 * spelled anywhere else. The platform's own codes (validation, 403, paging) are {@code PlatformProblems}.
 *
 * <p>Three codes have two entries of different kinds, and so two statuses, kept from before this catalogue: the value
 * named in the request's path or the request itself is malformed (400), or a field of a body or the content of a
 * file cannot be used (422). Clients match on the code; the status follows where the fault lies.
 */
public enum WelfareProblems implements ProblemType {

    // Personal data and the agency API
    /** A read that answers with full NIKs without a declared purpose ({@code X-Purpose}). */
    PURPOSE_REQUIRED("WF-TUJUAN-WAJIB", RefusalKind.INVALID, "Tujuan akses wajib diisi"),
    /** A NIK in the path that is not 16 digits. */
    NIK_INVALID("WF-NIK-TIDAK-VALID", RefusalKind.INVALID, "NIK tidak valid"),
    /** A NIK looked up by path that is not in the resident copy of the registry. */
    NIK_NOT_REGISTERED("WF-NIK-TIDAK-TERDAFTAR", RefusalKind.NOT_FOUND, "NIK tidak terdaftar"),
    /** A NIK named in a body (an enrolment) that is not in the resident copy of the registry. */
    NIK_NOT_REGISTERED_FOR_ENROLMENT("WF-NIK-TIDAK-TERDAFTAR", RefusalKind.UNPROCESSABLE, "NIK tidak terdaftar"),
    /** The agency API's access log could not be written, so its answer may not leave. */
    ACCESS_LOG_FAILED("WF-CATATAN-AKSES-GAGAL", RefusalKind.UNAVAILABLE, "Catatan akses gagal ditulis"),
    /** A kelurahan outside the caller's region. */
    OUTSIDE_REGION("WF-DI-LUAR-WILAYAH", RefusalKind.FORBIDDEN, "Di luar wilayah Anda"),

    // Uploaded lists
    /** An upload of zero bytes. */
    FILE_EMPTY("WF-BERKAS-KOSONG", RefusalKind.INVALID, "Berkas kosong"),
    /** A list with a header and no data rows. */
    LIST_EMPTY("WF-BERKAS-KOSONG", RefusalKind.UNPROCESSABLE, "Berkas kosong"),
    FILE_FORMAT("WF-FORMAT-BERKAS", RefusalKind.UNSUPPORTED, "Format berkas tidak didukung"),
    FILE_UNREADABLE("WF-BERKAS-TIDAK-TERBACA", RefusalKind.UNPROCESSABLE, "Berkas tidak terbaca"),
    COLUMNS_MISSING("WF-KOLOM-KURANG", RefusalKind.UNPROCESSABLE, "Kolom wajib tidak ada"),
    /** A query parameter outside its values. */
    PARAMETER_INVALID("WF-PARAMETER-TIDAK-VALID", RefusalKind.INVALID, "Parameter tidak valid"),
    /** A period in the path that is not a quarter ({@code 2024-Q1}). */
    PERIOD_INVALID("WF-PERIODE-TIDAK-VALID", RefusalKind.INVALID, "Periode tidak valid"),
    /** A period in a body that cannot be published. */
    PUBLICATION_PERIOD_INVALID("WF-PERIODE-TIDAK-VALID", RefusalKind.UNPROCESSABLE, "Periode tidak valid"),

    // Catalogue
    PROGRAMME_UNKNOWN("WF-PROGRAM-TIDAK-DIKENAL", RefusalKind.NOT_FOUND, "Program tidak dikenal"),
    PROGRAMME_EXISTS("WF-PROGRAM-SUDAH-ADA", RefusalKind.CONFLICT, "Program sudah ada"),
    CATALOGUE_INVALID("WF-KATALOG-TIDAK-VALID", RefusalKind.UNPROCESSABLE, "Isian katalog tidak valid"),
    /** A version (amount, exclusion) that starts on a date another version of the same thing starts on. */
    VERSION_EXISTS("WF-VERSI-SUDAH-ADA", RefusalKind.CONFLICT, "Versi sudah ada"),

    // Enrolment and its reviews
    ENROLMENT_INVALID("WF-KEPESERTAAN-TIDAK-VALID", RefusalKind.UNPROCESSABLE, "Isian kepesertaan tidak valid"),
    ENROLMENT_NOT_FOUND("WF-KEPESERTAAN-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Kepesertaan tidak ditemukan"),
    /** An enrolment that has already ended cannot end again. */
    ENROLMENT_ENDED("WF-KEPESERTAAN-BERAKHIR", RefusalKind.CONFLICT, "Kepesertaan sudah berakhir"),
    ALREADY_ENROLLED("WF-SUDAH-TERDAFTAR", RefusalKind.CONFLICT, "Sudah terdaftar pada periode ini"),
    /** The family is a KPM of a programme the new one excludes. */
    PROGRAMMES_EXCLUSIVE("WF-PROGRAM-BERTENTANGAN", RefusalKind.CONFLICT, "Program saling mengecualikan"),
    RESIDENT_INACTIVE("WF-PENDUDUK-TIDAK-AKTIF", RefusalKind.UNPROCESSABLE, "Penduduk tidak aktif"),
    WITHOUT_FAMILY("WF-TANPA-KELUARGA", RefusalKind.UNPROCESSABLE, "Tidak tercatat dalam KK"),
    NOT_PKH("WF-BUKAN-PKH", RefusalKind.UNPROCESSABLE, "Bukan kepesertaan PKH"),
    /** No amount in force for a component on the date asked. */
    AMOUNT_MISSING("WF-NILAI-BELUM-ADA", RefusalKind.UNPROCESSABLE, "Nilai bantuan belum ada"),
    /** No age rule in force for a component on the date asked. */
    RULE_MISSING("WF-ATURAN-BELUM-ADA", RefusalKind.UNPROCESSABLE, "Aturan belum ada"),
    REVIEW_NOT_FOUND("WF-PENINJAUAN-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Peninjauan tidak ditemukan"),

    // Decisions (reviews, verivali rows, musyawarah proposals)
    DECISION_INVALID("WF-KEPUTUSAN-TIDAK-VALID", RefusalKind.UNPROCESSABLE, "Isian keputusan tidak valid"),
    ALREADY_DECIDED("WF-SUDAH-DIPUTUSKAN", RefusalKind.CONFLICT, "Sudah diputuskan"),
    /** Nobody decides their own proposal. */
    FOUR_EYES("WF-EMPAT-MATA", RefusalKind.FORBIDDEN, "Prinsip empat mata"),

    // Musyawarah
    PROPOSAL_INVALID("WF-USULAN-TIDAK-VALID", RefusalKind.UNPROCESSABLE, "Isian usulan tidak valid"),
    PROPOSAL_NOT_FOUND("WF-USULAN-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Usulan tidak ditemukan"),

    // Verivali and deciles
    VERIVALI_NOT_FOUND("WF-VERIVALI-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Verivali tidak ditemukan"),
    ROW_NOT_FOUND("WF-BARIS-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Baris tidak ditemukan"),
    DECILE_LIST_EXISTS("WF-DESIL-SUDAH-ADA", RefusalKind.CONFLICT, "Daftar desil sudah ada"),
    DECILE_LIST_INVALID("WF-DESIL-TIDAK-VALID", RefusalKind.UNPROCESSABLE, "Daftar desil tidak valid"),

    // Cycles and payments
    CYCLE_INVALID("WF-PENYALURAN-TIDAK-VALID", RefusalKind.UNPROCESSABLE, "Isian penyaluran tidak valid"),
    CYCLE_EXISTS("WF-PENYALURAN-SUDAH-ADA", RefusalKind.CONFLICT, "Penyaluran sudah ada"),
    CYCLE_NOT_FOUND("WF-PENYALURAN-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Penyaluran tidak ditemukan"),
    PAYMENTS_EXIST("WF-PEMBAYARAN-SUDAH-ADA", RefusalKind.CONFLICT, "Pembayaran sudah dicatat"),
    PAYMENTS_INVALID("WF-PEMBAYARAN-TIDAK-VALID", RefusalKind.UNPROCESSABLE, "Daftar pembayaran tidak valid"),

    // PPKS and PSKS
    PPKS_INVALID("WF-PPKS-TIDAK-VALID", RefusalKind.UNPROCESSABLE, "Isian PPKS tidak valid"),
    PPKS_NOT_FOUND("WF-PPKS-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Kasus PPKS tidak ditemukan"),
    PPKS_CLOSED("WF-PPKS-DITUTUP", RefusalKind.CONFLICT, "Kasus PPKS sudah ditutup"),
    SERVICE_INVALID("WF-PELAYANAN-TIDAK-VALID", RefusalKind.UNPROCESSABLE, "Isian pelayanan tidak valid"),
    CLOSING_INVALID("WF-PENUTUPAN-TIDAK-VALID", RefusalKind.UNPROCESSABLE, "Isian penutupan tidak valid"),
    PSKS_INVALID("WF-PSKS-TIDAK-VALID", RefusalKind.UNPROCESSABLE, "Isian PSKS tidak valid"),
    PSKS_NOT_FOUND("WF-PSKS-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "PSKS tidak ditemukan"),
    PSKS_INACTIVE("WF-PSKS-SUDAH-NONAKTIF", RefusalKind.CONFLICT, "PSKS sudah nonaktif");

    private final Definition definition;

    WelfareProblems(String code, RefusalKind kind, String title) {
        definition = new Definition(code, kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
