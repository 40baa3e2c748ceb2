package org.kesra.contracts.household;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A death was recorded; consumers review the person's active enrolments (nothing is removed automatically). */
public record PersonDied(UUID personId, String nik, UUID householdId, LocalDate dateOfDeath, String reason,
                         Instant recordedAt) {
}
