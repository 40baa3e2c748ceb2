package org.kesra.console.verification;

import java.util.List;

/**
 * Who may use which verification page, as welfare-service's access table says (access-rules/welfare-service.csv):
 * the console offers nothing the API would refuse for the role.
 */
public final class VerificationRoles {

    /** Dinas Sosial staff who upload recipient lists and read their results (POST and GET /api/v1/verivali...). */
    public static final List<String> VERIVALI_STAFF = List.of("dinsos-operator", "dinsos-verifier", "dinsos-admin");
    /** Who decides a row of a list and an enrolment review. */
    public static final List<String> DECIDERS = List.of("dinsos-verifier", "dinsos-admin");
    /** Who reads the enrolment reviews, the PPKS figures per kelurahan and the KPM per programme for the whole city. */
    public static final List<String> WELFARE_READERS = List.of("dinsos-operator", "dinsos-verifier", "dinsos-admin",
            "auditor", "planner");

    private VerificationRoles() {
    }
}
