package org.kesra.contracts.household;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person left the city. */
public record PersonMovedAway(UUID personId, String nik, UUID householdId, LocalDate movedOn, String destination,
                              String reason, Instant recordedAt) {
}
