package org.kesra.household.authorization;

import java.util.Optional;
import java.util.Set;
import org.kesra.household.HouseholdProblems;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.web.Caller;

/**
 * What a caller may do in the registry: read (and change) households inside their region only, the region being
 * the token's {@code wilayah} claim (a kelurahan operator sees one kelurahan, a kecamatan operator its kelurahan,
 * city staff the whole city). The scope is applied inside the queries, not only here. Full NIKs only for the roles
 * whose work needs them; everyone else reads them masked.
 *
 * @param regionPrefix the caller's region code; every visible kelurahan code starts with it
 */
public record RegistryScope(String regionPrefix, boolean mayWrite, boolean seesFullNik, String actor) {

    /** Roles that register and correct households (data entry). */
    static final Set<String> WRITERS = Set.of("kelurahan-operator", "kecamatan-operator", "dinsos-operator",
            "dinsos-admin");
    /** Roles that read the registry; writers plus those who check it. */
    static final Set<String> READERS = Set.of("kelurahan-operator", "kecamatan-operator", "dinsos-operator",
            "dinsos-admin", "dinsos-verifier", "disnakertrans-monitor", "auditor");
    /** Roles whose work needs the full NIK: they enter, match and verify persons. */
    static final Set<String> FULL_NIK = Set.of("kelurahan-operator", "kecamatan-operator", "dinsos-operator",
            "dinsos-admin", "dinsos-verifier");

    public static RegistryScope of(Caller caller) {
        boolean reader = caller.roles().stream().anyMatch(READERS::contains);
        Optional<String> region = caller.wilayah().filter(w -> w.matches("[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?"));
        if (!reader || region.isEmpty()) {
            throw PlatformProblems.FORBIDDEN.refuse(
                    "Peran atau wilayah Anda tidak mengizinkan akses ke data rumah tangga.");
        }
        return new RegistryScope(region.get(), caller.roles().stream().anyMatch(WRITERS::contains),
                caller.roles().stream().anyMatch(FULL_NIK::contains), caller.name());
    }

    public boolean covers(String kelurahanCode) {
        return kelurahanCode != null && (kelurahanCode.equals(regionPrefix) || kelurahanCode.startsWith(regionPrefix + "."));
    }

    /** The SQL LIKE pattern of the visible kelurahan codes. */
    public String likePattern() {
        return regionPrefix.length() == 13 ? regionPrefix : regionPrefix + ".%";
    }

    public void requireWrite() {
        if (!mayWrite) {
            throw PlatformProblems.FORBIDDEN.refuse(
                    "Peran Anda hanya boleh membaca data rumah tangga, tidak mengubahnya.");
        }
    }

    /**
     * A search naming a kelurahan outside the caller's region is refused rather than answered with an empty page, so
     * that a kelurahan operator learns why nothing came back (the queries are scoped either way).
     */
    public void requireVisibleKelurahan(String kelurahanCode) {
        if (kelurahanCode != null && !covers(kelurahanCode)) {
            throw HouseholdProblems.OUTSIDE_REGION.refuse(
                    "Kelurahan " + kelurahanCode + " berada di luar wilayah Anda (" + regionPrefix + ").");
        }
    }

    /** Writing into a kelurahan: allowed only inside the caller's region. */
    public void requireWritableKelurahan(String kelurahanCode) {
        requireWrite();
        if (!covers(kelurahanCode)) {
            throw HouseholdProblems.OUTSIDE_REGION.refuse(
                    "Kelurahan " + kelurahanCode + " berada di luar wilayah Anda (" + regionPrefix + ").");
        }
    }

    /** The NIK as this caller may read it: whole, or with the birth-date part hidden ({@code 187205******0001}). */
    public String nik(String nik) {
        if (seesFullNik || nik == null || nik.length() != 16) {
            return nik;
        }
        return nik.substring(0, 6) + "******" + nik.substring(12);
    }

    private static final java.util.regex.Pattern SIXTEEN_DIGITS =
            java.util.regex.Pattern.compile("(?<![0-9])[0-9]{16}(?![0-9])");

    /**
     * A free text (an import problem's value or message, "NIK 1872... sudah terdaftar di registri") as this caller may
     * read it: every 16-digit number in it, NIK or KK number, masked like {@link #nik}.
     */
    public String niksIn(String text) {
        if (seesFullNik || text == null) {
            return text;
        }
        return SIXTEEN_DIGITS.matcher(text).replaceAll(m -> nik(m.group()));
    }

    /** The 16-digit numbers (NIKs, or KK numbers that look the same) a free text shows: what an access log records. */
    public static java.util.List<String> niksFoundIn(String text) {
        return text == null ? java.util.List.of()
                : SIXTEEN_DIGITS.matcher(text).results().map(java.util.regex.MatchResult::group).toList();
    }

    /**
     * The KK number as this caller may read it: whole, or masked like a NIK ({@code 187205******0001}). A KK number
     * is the key of a family in every other register (DTSEN deciles, bank lists), so a role that may not identify
     * persons by NIK may not identify families by KK either.
     */
    public String kk(String kkNumber) {
        return nik(kkNumber);
    }

    /**
     * Person fields only the roles with the full NIK read (docs/personal-data.md). The birth date and the sex
     * together give back the six hidden digits of a masked NIK (DDMMYY, day + 40 for women), so a masked reader gets
     * the birth year instead; birth place and health (disability, chronic illness, pregnancy) are not needed for
     * monitoring or audit, and are special-category data under UU 27/2022.
     */
    public static final java.util.List<String> PERSON_FIELDS_OF_FULL_READERS = java.util.List.of("birthDate",
            "birthPlace", "disability", "severeDisability", "chronicIllness", "pregnant");

    /** Household fields only the roles with the full NIK read: the coordinates point at one house. */
    public static final java.util.List<String> HOUSEHOLD_FIELDS_OF_FULL_READERS = java.util.List.of("latitude",
            "longitude");

    /**
     * A search filter that answers whether a NIK, KK number or birth date exists (an oracle): only for the roles that
     * read the full NIK, since with it a masked NIK could be completed by trying the hidden digits.
     */
    public void requireFullReaderFor(String parameter, Object value) {
        if (value != null && !seesFullNik) {
            throw HouseholdProblems.FILTER_NOT_ALLOWED.refuse(
                    "Peran Anda melihat NIK tersamar, sehingga tidak boleh mencari menurut " + parameter
                            + " (pencarian itu akan membuka NIK yang disamarkan).");
        }
    }
}
