package org.kesra.contracts.household;

import java.time.Instant;
import java.util.UUID;

/** A person was taken off a household's card without moving to another (recorded in error, for example). */
public record MemberRemoved(UUID householdId, UUID personId, String nik, String reason, Instant removedAt) {
}
