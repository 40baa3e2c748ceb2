package org.kesra.console.planning;

import java.util.List;

/** Who reads and who keeps Renstra plans and Perjanjian Kinerja (performance-service's access table). */
public final class PlanningRoles {

    /** Planners keep their own unit's, platform admins any unit's. */
    public static final List<String> KEEPERS = List.of("planner", "platform-admin");
    /** Readers: city-wide for auditors, monitors and planners; regional staff their own region (the API scopes). */
    public static final List<String> READERS = List.of("planner", "platform-admin", "auditor",
            "disnakertrans-monitor", "kecamatan-operator", "kecamatan-approver", "kelurahan-operator");

    private PlanningRoles() {
    }
}
