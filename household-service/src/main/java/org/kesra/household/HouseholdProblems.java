package org.kesra.household;

import org.kesra.platform.refusal.ProblemType;
import org.kesra.platform.refusal.RefusalKind;

/**
 * Every problem household-service answers besides the platform's own ({@code PlatformProblems}): the code clients
 * match on, the kind of refusal (mapped to an HTTP status once, in the platform's advice) and the Indonesian title.
 * A code that clients know under several titles has one entry per title; the code string stays the same.
 * Use cases throw {@code HouseholdProblems.X.refuse(detail[, violations])}; no code is spelled anywhere else.
 */
public enum HouseholdProblems implements ProblemType {
    // Region and personal data
    OUTSIDE_REGION("HH-DI-LUAR-WILAYAH", RefusalKind.FORBIDDEN, "Di luar wilayah Anda"),
    FILTER_NOT_ALLOWED("HH-FILTER-TIDAK-DIIZINKAN", RefusalKind.FORBIDDEN, "Filter tidak diizinkan"),
    PURPOSE_REQUIRED("HH-TUJUAN-WAJIB", RefusalKind.INVALID, "Tujuan akses wajib diisi"),

    // Not found (one code, a title per kind of record)
    HOUSEHOLD_NOT_FOUND("HH-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Rumah tangga tidak ditemukan"),
    PERSON_NOT_FOUND("HH-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Penduduk tidak ditemukan"),
    KELURAHAN_NOT_FOUND("HH-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Kelurahan tidak ditemukan"),
    RW_NOT_FOUND("HH-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "RW tidak ditemukan"),
    REVIEW_NOT_FOUND("HH-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Dugaan data ganda tidak ditemukan"),

    // Registry changes
    VERSION_CHANGED("HH-VERSI-BERUBAH", RefusalKind.STALE, null),
    ALREADY_REGISTERED("HH-SUDAH-TERDAFTAR", RefusalKind.CONFLICT, "Data sudah terdaftar"),
    NIK_REGISTERED("HH-NIK-TERDAFTAR", RefusalKind.CONFLICT, "NIK sudah terdaftar"),
    KK_REGISTERED("HH-KK-TERDAFTAR", RefusalKind.CONFLICT, "Nomor KK sudah dipakai"),
    KK_DISSOLVED("HH-KK-BUBAR", RefusalKind.CONFLICT, "KK sudah bubar"),
    HEAD_EXISTS("HH-KEPALA-KELUARGA", RefusalKind.CONFLICT, "Kepala keluarga sudah ada"),
    HEAD_CANNOT_LEAVE("HH-KEPALA-KELUARGA", RefusalKind.CONFLICT, "Kepala keluarga tidak dapat keluar"),
    /** A card sent with no head or with several: the input itself is wrong, hence 400 rather than 409. */
    HEAD_NOT_ONE("HH-KEPALA-KELUARGA", RefusalKind.INVALID, "Kepala keluarga harus tepat satu"),
    MEMBER_INACTIVE("HH-STATUS", RefusalKind.CONFLICT, "Anggota tidak aktif"),
    TARGET_HOUSEHOLD_UNUSABLE("HH-STATUS", RefusalKind.CONFLICT, "KK tujuan tidak dapat dipakai"),
    NOT_ELIGIBLE_AS_HEAD("HH-STATUS", RefusalKind.CONFLICT, "Tidak dapat menjadi kepala keluarga"),
    LIFE_STATUS_UNCHANGED("HH-STATUS", RefusalKind.CONFLICT, "Status penduduk tidak berubah"),

    // Region units (wilayah)
    RW_EXISTS("HH-RW-ADA", RefusalKind.CONFLICT, "RW sudah ada"),
    RT_EXISTS("HH-RT-ADA", RefusalKind.CONFLICT, "RT sudah ada"),
    DASAWISMA_NAME_TAKEN("HH-DASAWISMA-ADA", RefusalKind.CONFLICT, "Nama dasawisma sudah dipakai"),

    // Imports, their mapping profiles and the duplicate-review queue
    IMPORT_NOT_FOUND("HH-IMPOR-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Impor tidak ditemukan"),
    IMPORT_KEY_USED("HH-IMPOR-KUNCI-DIPAKAI", RefusalKind.CONFLICT, "Idempotency-Key sudah dipakai"),
    IMPORT_COLUMNS_MISSING("HH-IMPOR-KOLOM-WAJIB", RefusalKind.INVALID, "Kolom wajib tidak ada"),
    IMPORT_FILE_UNREADABLE("HH-IMPOR-BERKAS", RefusalKind.INVALID, "Berkas tidak dapat diimpor"),
    IMPORT_FORMAT_UNSUPPORTED("HH-IMPOR-FORMAT", RefusalKind.UNSUPPORTED, "Format berkas tidak didukung"),
    PROFILE_NOT_FOUND("HH-PROFIL-TIDAK-DITEMUKAN", RefusalKind.NOT_FOUND, "Profil tidak ditemukan"),
    PROFILE_CITY_WIDE("HH-PROFIL-KOTA", RefusalKind.FORBIDDEN, "Profil seluruh kota"),
    PROFILE_CREATED_CONCURRENTLY("HH-PROFIL-BERSAMAAN", RefusalKind.CONFLICT, "Profil baru saja dibuat"),
    PROFILE_NOT_OWNED("HH-PROFIL-BUKAN-MILIK", RefusalKind.FORBIDDEN, "Bukan profil Anda"),
    REVIEW_DECIDED("HH-SUDAH-DIPUTUSKAN", RefusalKind.CONFLICT, "Sudah diputuskan");

    private final Definition definition;

    HouseholdProblems(String code, RefusalKind kind, String title) {
        definition = new Definition(code, kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
