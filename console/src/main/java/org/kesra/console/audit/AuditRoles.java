package org.kesra.console.audit;

import java.util.List;

/** Who reads the personal-data access logs: auditors only, as household- and welfare-service's access tables say. */
public final class AuditRoles {

    public static final List<String> ACCESS_LOG_READERS = List.of("auditor");

    private AuditRoles() {
    }
}
