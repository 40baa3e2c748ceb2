package org.kesra.contracts.household;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A household (KK) entered the registry with its members.
 *
 * @param source {@code API} or {@code IMPORT:<import id>}
 */
public record HouseholdRegistered(UUID householdId, String kkNumber, String kelurahanCode, String rw, String rt,
                                  List<Member> members, String source, Instant registeredAt) {
}
