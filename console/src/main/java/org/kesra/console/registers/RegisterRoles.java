package org.kesra.console.registers;

import java.util.List;

/**
 * Who may use the register pages, as welfare-service's access table says (access-rules/welfare-service.csv): the
 * console offers nothing the API would refuse for the role.
 */
public final class RegisterRoles {

    /**
     * Who reads the PPKS cases and enrolments of the whole city, with the catalogue, the categories and the PKH
     * components the pages show beside them. Kecamatan and kelurahan staff may read their region's cases too, but not
     * the programme catalogue or the PKH components: the PPKS recap is their page.
     */
    public static final List<String> READERS = List.of("dinsos-operator", "dinsos-verifier", "dinsos-admin",
            "auditor", "planner");
    /** Who registers cases and services, closes cases, enrols and ends enrolments (POST /api/v1/ppks..., enrolments). */
    public static final List<String> KEEPERS = List.of("dinsos-operator", "dinsos-admin");

    private RegisterRoles() {
    }
}
