package org.kesra.household.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A stored person: data, the card they are on, whether they still live in the city, version (the ETag). */
public record PersonRecord(UUID id, PersonData data, UUID householdId, String kelurahanCode, LifeStatus lifeStatus,
                           LocalDate lifeStatusDate, String movedTo, int version, Instant updatedAt, String updatedBy) {

    public boolean living() {
        return lifeStatus == LifeStatus.HIDUP;
    }

    public boolean isHead() {
        return data.relationship() == Relationship.KEPALA_KELUARGA;
    }
}
