package org.kesra.welfare.authorization;

import java.util.Set;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.web.Caller;
import org.kesra.welfare.WelfareProblems;

/**
 * Who may do what in the welfare registers, by realm role. Dinas Sosial keeps the registers (operators enter,
 * verifiers decide, admins change the catalogue); auditors and planners read. Agency clients only reach the
 * verification API, by scope, never these registers.
 */
public final class WelfareAccess {

    static final Set<String> READERS = Set.of("dinsos-operator", "dinsos-verifier", "dinsos-admin", "auditor",
            "planner");
    static final Set<String> ENROLLERS = Set.of("dinsos-operator", "dinsos-admin");
    static final Set<String> VERIFIERS = Set.of("dinsos-verifier", "dinsos-admin");
    static final Set<String> CATALOGUE_EDITORS = Set.of("dinsos-admin");

    /** Roles whose work needs the full NIK (they enter, match and verify); planners and auditors read it masked. */
    static final Set<String> FULL_NIK = Set.of("dinsos-operator", "dinsos-verifier", "dinsos-admin");

    /**
     * Kecamatan and kelurahan staff: they read the PPKS and the enrolments (KPM) of their own region only, NIKs
     * masked; musyawarah kelurahan needs to know who is a KPM there to propose removals.
     */
    static final Set<String> REGIONAL_READERS = Set.of("kelurahan-operator", "kecamatan-operator",
            "kecamatan-approver");

    /** Who may propose in a musyawarah kelurahan (inside their region) and who decides; both work with the NIK. */
    public static final Set<String> MUSYAWARAH_PROPOSERS = Set.of("kelurahan-operator", "kecamatan-operator",
            "dinsos-operator", "dinsos-admin");
    public static final Set<String> MUSYAWARAH_APPROVERS = Set.of("dinsos-verifier", "dinsos-admin");

    private WelfareAccess() {
    }

    /**
     * Who reads the NIKs of an endpoint's answer in full: they must say why ({@code X-Purpose}), and their answers
     * are logged; everybody else reads them masked.
     */
    public enum FullNikReaders {
        /** Dinas Sosial staff, as in every register. */
        DINSOS_STAFF,
        /** The parties of a musyawarah kelurahan: proposers (kelurahan and kecamatan staff too) and approvers. */
        MUSYAWARAH_PARTIES;

        public boolean include(Caller caller) {
            return switch (this) {
                case DINSOS_STAFF -> seesFullNik(caller);
                case MUSYAWARAH_PARTIES -> caller.roles().stream()
                        .anyMatch(r -> MUSYAWARAH_PROPOSERS.contains(r) || MUSYAWARAH_APPROVERS.contains(r));
            };
        }
    }

    /** Kelurahan codes inside the reader's region, as a condition on {@code column}, its values added to args. */
    public static String regionCondition(RegionalReader reader, String column, java.util.List<Object> args) {
        return reader.region().isEmpty() ? "TRUE" : regionCondition(reader.region().get(), column, args);
    }

    /** Kelurahan codes inside {@code region} (the code itself or below it), as a condition on {@code column}. */
    public static String regionCondition(String region, String column, java.util.List<Object> args) {
        args.add(region);
        args.add(region + ".%");
        return "(" + column + " = ? OR " + column + " LIKE ?)";
    }

    /**
     * Who reads the PPKS and enrolment registers and how far: city-level readers everything ({@code region} empty),
     * kecamatan and kelurahan staff the kelurahan codes starting with their token's {@code wilayah}. The region goes
     * into the queries, so nothing outside it is ever read.
     */
    public record RegionalReader(Caller caller, java.util.Optional<String> region) {

        public boolean covers(String kelurahanCode) {
            return region.isEmpty() || WelfareAccess.covers(region.get(), kelurahanCode);
        }

        /** A kelurahan the request names must lie inside the region: 403 otherwise. */
        public void requireCovers(String kelurahanCode) {
            if (kelurahanCode != null && !covers(kelurahanCode)) {
                throw outsideRegion(kelurahanCode, region.orElse(""));
            }
        }
    }

    public static RegionalReader regionalReader() {
        Caller caller = Caller.current();
        if (caller.roles().stream().anyMatch(READERS::contains)) {
            return new RegionalReader(caller, java.util.Optional.empty());
        }
        require(REGIONAL_READERS, "Peran Anda tidak mengizinkan akses ke data kesejahteraan sosial.");
        return new RegionalReader(caller, java.util.Optional.of(region(caller)));
    }

    private static final java.util.regex.Pattern REGION_CODE =
            java.util.regex.Pattern.compile("[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?");

    /** The caller's region code from the token ({@code wilayah}); the kelurahan codes inside it start with it. */
    public static String region(Caller caller) {
        return caller.wilayah().filter(w -> REGION_CODE.matcher(w).matches())
                .orElseThrow(() -> PlatformProblems.FORBIDDEN.refuse("Token Anda tidak menyebutkan wilayah kerja."));
    }

    public static boolean covers(String region, String kelurahanCode) {
        return kelurahanCode.equals(region) || kelurahanCode.startsWith(region + ".");
    }

    public static Refusal outsideRegion(String kelurahanCode, String region) {
        return WelfareProblems.OUTSIDE_REGION.refuse(
                "Kelurahan " + kelurahanCode + " berada di luar wilayah Anda (" + region + ").");
    }

    /** The caller, if one of the roles may read the registers; 403 otherwise. */
    public static Caller reader() {
        return require(READERS, "Peran Anda tidak mengizinkan akses ke data kesejahteraan sosial.");
    }

    /**
     * Who reads the list of programmes (codes and names, no person): the register readers, and the musyawarah's
     * proposers, whose proposal names its programme.
     */
    public static Caller programmeListReader() {
        Caller caller = Caller.current();
        if (caller.roles().stream().anyMatch(MUSYAWARAH_PROPOSERS::contains)) {
            return caller;
        }
        return reader();
    }

    public static Caller enroller() {
        return require(ENROLLERS, "Hanya operator atau admin Dinas Sosial yang boleh mendaftarkan penerima manfaat.");
    }

    public static Caller verifier() {
        return require(VERIFIERS, "Hanya verifikator atau admin Dinas Sosial yang boleh memutuskan peninjauan.");
    }

    /** Dinas Sosial staff who run verivali (upload lists and read their results). */
    public static Caller dinsosStaff() {
        return require(FULL_NIK, "Hanya staf Dinas Sosial yang boleh menjalankan verifikasi dan validasi.");
    }

    /**
     * Dinas Sosial staff who read full NIKs: the only ones a lookup by NIK answers, since it would otherwise let a
     * masked reader test guesses of the hidden digits (docs/personal-data.md).
     */
    public static Caller fullNikReader() {
        return require(FULL_NIK, "Hanya staf Dinas Sosial yang melihat NIK lengkap yang boleh mencari menurut NIK.");
    }

    public static Caller catalogueEditor() {
        return require(CATALOGUE_EDITORS, "Hanya admin Dinas Sosial yang boleh mengubah katalog program.");
    }

    public static boolean seesFullNik(Caller caller) {
        return caller.roles().stream().anyMatch(FULL_NIK::contains);
    }

    /** The NIK as a role without {@link #FULL_NIK} reads it: the birth-date part hidden ({@code 187205******0001}). */
    public static String masked(String nik) {
        return nik == null || nik.length() != 16 ? nik : nik.substring(0, 6) + "******" + nik.substring(12);
    }

    private static Caller require(Set<String> roles, String detail) {
        Caller caller = Caller.current();
        if (caller.roles().stream().noneMatch(roles::contains)) {
            throw PlatformProblems.FORBIDDEN.refuse(detail);
        }
        return caller;
    }
}
