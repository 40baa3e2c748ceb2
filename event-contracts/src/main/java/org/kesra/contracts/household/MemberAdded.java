package org.kesra.contracts.household;

import java.time.Instant;
import java.util.UUID;

/** A person joined a household (birth, marriage, a newly recorded member). */
public record MemberAdded(UUID householdId, String kkNumber, String kelurahanCode, Member member, Instant addedAt) {
}
