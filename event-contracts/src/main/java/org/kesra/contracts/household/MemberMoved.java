package org.kesra.contracts.household;

import java.time.Instant;
import java.util.UUID;

/**
 * A person moved from one household to another, or founded a new one (pecah KK).
 *
 * @param newHousehold the target household was created by this move
 */
public record MemberMoved(UUID personId, String nik, UUID fromHouseholdId, UUID toHouseholdId, String toKkNumber,
                          String toKelurahanCode, String relationship, boolean newHousehold, String reason,
                          Instant movedAt) {
}
