package org.kesra.contracts.household;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Fields of a person were corrected, with the reason given. */
public record PersonCorrected(UUID personId, String nik, UUID householdId, List<FieldChange> changes, String reason,
                              Instant correctedAt) {
}
