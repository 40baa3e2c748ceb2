package org.kesra.contracts.household;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Fields of a household (address, socio-economic answers, coordinates) were corrected, with the reason given. */
public record HouseholdCorrected(UUID householdId, String kkNumber, String kelurahanCode, List<FieldChange> changes,
                                 String reason, Instant correctedAt) {
}
