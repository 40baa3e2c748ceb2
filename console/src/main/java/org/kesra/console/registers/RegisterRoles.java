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

    /**
     * Who reads the musyawarah kelurahan proposals through these pages: Dinas Sosial staff and auditors the whole
     * city's, kelurahan and kecamatan staff their region's (the API scopes the list and refuses another region's
     * proposal).
     */
    public static final List<String> MUSYAWARAH_READERS = List.of("dinsos-operator", "dinsos-verifier",
            "dinsos-admin", "auditor", "kelurahan-operator", "kecamatan-operator");
    /**
     * Who proposes (POST /api/v1/musyawarah-proposals), of the readers above: the musyawarah is held in the kelurahan,
     * so its staff enter the result; Dinas Sosial may enter one it received on paper.
     */
    public static final List<String> MUSYAWARAH_PROPOSERS = List.of("kelurahan-operator", "kecamatan-operator",
            "dinsos-operator", "dinsos-admin");
    /** Who decides a proposal (POST .../decision); never its own proposer (the API's four-eyes rule). */
    public static final List<String> MUSYAWARAH_DECIDERS = List.of("dinsos-verifier", "dinsos-admin");
    /** Who uploads the national deciles of a period (POST /api/v1/deciles/{period}). */
    public static final List<String> DECILE_UPLOADERS = List.of("dinsos-admin");

    /** Who reads the programme catalogue, its amounts, exclusions and expansions (GET /api/v1/programmes/...). */
    public static final List<String> CATALOGUE_READERS = READERS;
    /**
     * Who changes the catalogue (POST /api/v1/programmes, .../amounts, .../exclusions) and publishes the kelurahan
     * indicators (POST /api/v1/indicators/publication): welfare-service's catalogue editor.
     */
    public static final List<String> CATALOGUE_EDITORS = List.of("dinsos-admin");
    /** Who asks a person's decile eligibility (GET /api/v1/eligibility/{nik}): the full-NIK readers of Dinas Sosial. */
    public static final List<String> ELIGIBILITY_CHECKERS = List.of("dinsos-operator", "dinsos-verifier",
            "dinsos-admin");

    private RegisterRoles() {
    }
}
