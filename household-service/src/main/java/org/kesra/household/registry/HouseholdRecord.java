package org.kesra.household.registry;

import java.time.Instant;
import java.util.UUID;

/** A stored household: its data, its card status and its version (the ETag). */
public record HouseholdRecord(UUID id, HouseholdData data, String status, int version, Instant updatedAt,
                              String updatedBy) {

    public boolean active() {
        return "AKTIF".equals(status);
    }
}
