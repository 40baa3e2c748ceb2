package org.kesra.console.menu;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, as the pages show it: name, region code, agency (OPD code, for agency staff such as planners),
 * realm roles (from the access token).
 */
public record ConsoleUser(String username, String name, String wilayah, String opd, List<String> roles) {

    /** Indonesian names of the realm roles. */
    static final Map<String, String> ROLE_NAMES = Map.ofEntries(
            Map.entry("kelurahan-operator", "Operator kelurahan"),
            Map.entry("kecamatan-operator", "Operator kecamatan"),
            Map.entry("kecamatan-approver", "Camat (penyetuju)"),
            Map.entry("dinsos-operator", "Operator Dinas Sosial"),
            Map.entry("dinsos-verifier", "Verifikator Dinas Sosial"),
            Map.entry("dinsos-admin", "Admin Dinas Sosial"),
            Map.entry("disnakertrans-monitor", "Pemantau Disnakertrans"),
            Map.entry("planner", "Perencana Bappeda"),
            Map.entry("auditor", "Auditor Inspektorat"),
            Map.entry("platform-admin", "Admin platform"));

    public static ConsoleUser of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        List<String> roles = authentication.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        String name = user.getFullName() != null && !user.getFullName().isBlank() ? user.getFullName()
                : user.getPreferredUsername();
        return new ConsoleUser(user.getPreferredUsername(), name, user.getClaimAsString("wilayah"),
                user.getClaimAsString("opd"), roles);
    }

    /**
     * The unit whose performance the user reports: a planner reports for their agency (OPD), kecamatan and kelurahan
     * staff for their region.
     */
    public String reportingUnit() {
        return roles.contains("planner") && opd != null && !opd.isBlank() ? opd : wilayah;
    }

    public String roleNames() {
        return String.join(", ", roles.stream().filter(ROLE_NAMES::containsKey).map(ROLE_NAMES::get).toList());
    }

    public boolean hasAnyRole(List<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
