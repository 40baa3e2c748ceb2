package org.kesra.contracts.welfare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * welfare-service's figures of one kelurahan for a period, for performance-service's indicators (IKU "Persentase
 * PPKS yang ditangani") and reporting: PPKS found in the period and those among them served by its end, and the
 * beneficiaries (KPM) with an enrolment running in the period per programme. A later publication for the same
 * kelurahan and period replaces the earlier one (compare {@code publishedAt}).
 */
public record KelurahanIndicatorsPublished(String kelurahanCode, LocalDate periodFrom, LocalDate periodTo,
                                           long ppksTerdata, long ppksDitangani, List<ProgrammeKpm> programmes,
                                           Instant publishedAt) {
}
