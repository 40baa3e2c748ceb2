package org.kesra.reporting.access;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kesra.platform.web.Caller;
import org.kesra.reporting.ReportingProblems;

/**
 * Who reads which reports, by realm role, and how far. City-level readers (Dinas Sosial, planners, auditors,
 * Disnakertrans monitors, platform admins) read the whole city; kecamatan and kelurahan staff only the region their
 * token's {@code wilayah} names. The access table (access-rules/reporting-service.csv) lets only these roles through;
 * the region goes into every query, so nothing outside it is read.
 */
public final class ReportingAccess {

    static final Set<String> CITY_READERS = Set.of("platform-admin", "auditor", "disnakertrans-monitor", "planner",
            "dinsos-admin", "dinsos-operator", "dinsos-verifier");
    static final Set<String> REGIONAL_READERS = Set.of("kecamatan-operator", "kecamatan-approver",
            "kelurahan-operator");
    private static final Pattern REGION_CODE = Pattern.compile("[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?");

    private ReportingAccess() {
    }

    /** What a caller may read: everything ({@code region} empty) or the kelurahan codes at or below a region. */
    public record Scope(Optional<String> region) {

        public static Scope city() {
            return new Scope(Optional.empty());
        }

        public boolean covers(String kelurahanCode) {
            return region.isEmpty() || within(kelurahanCode, region.get());
        }

        /**
         * A region the request names (a kecamatan, or a kelurahan) must overlap the caller's: lie inside it, or
         * contain it (a kelurahan operator asking for their kecamatan gets their kelurahan's rows). Otherwise 403,
         * checked before the code is even looked up, so the answer tells nothing about the region.
         */
        public void requireOverlaps(String code) {
            if (code == null || region.isEmpty()) {
                return;
            }
            String own = region.get();
            if (!within(code, own) && !within(own, code)) {
                throw ReportingProblems.OUTSIDE_REGION.refuse(
                        "Wilayah yang diminta berada di luar wilayah kerja Anda (" + own + ").");
            }
        }
    }

    /** The calling user's scope; 403 for a role that reads no report or a regional token without a region. */
    public static Scope reader() {
        Caller caller = Caller.current();
        if (caller.roles().stream().anyMatch(CITY_READERS::contains)) {
            return Scope.city();
        }
        if (caller.roles().stream().noneMatch(REGIONAL_READERS::contains)) {
            throw ReportingProblems.ROLE_NOT_ALLOWED.refuse("Peran Anda tidak mengizinkan membaca laporan.");
        }
        String region = caller.wilayah().filter(w -> REGION_CODE.matcher(w).matches())
                .orElseThrow(() -> ReportingProblems.ROLE_NOT_ALLOWED.refuse(
                        "Token Anda tidak menyebutkan wilayah kerja."));
        return new Scope(Optional.of(region));
    }

    static boolean within(String code, String region) {
        return code.equals(region) || code.startsWith(region + ".");
    }
}
