package org.kesra.contracts.household;

import java.time.Instant;
import java.util.UUID;

/** A household moved within the city; a move across regions usually brings a new KK number. */
public record HouseholdRelocated(UUID householdId, String kkNumber, String previousKkNumber,
                                 String fromKelurahanCode, String toKelurahanCode, String rw, String rt, String reason,
                                 Instant relocatedAt) {
}
