package org.kesra.console.accountability;

import java.util.List;
import org.kesra.console.planning.PlanningRoles;

/**
 * Who reads a unit's year-on-year comparison and AKIP evaluations and who records an evaluation (performance-service's
 * access table: the year-on-year and AKIP reads are open to the plan readers, the AKIP PUT to auditors and admins).
 */
public final class AccountabilityRoles {

    public static final List<String> READERS = PlanningRoles.READERS;
    /** The evaluators: Inspektorat's auditors record the score, platform admins correct it. */
    public static final List<String> AKIP_RECORDERS = List.of("auditor", "platform-admin");

    private AccountabilityRoles() {
    }
}
