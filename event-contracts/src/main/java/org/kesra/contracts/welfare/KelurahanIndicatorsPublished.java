package org.kesra.contracts.welfare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * welfare-service's figures of one kelurahan for a period, for performance-service's indicators (IKU "Persentase
 * PPKS yang ditangani") and reporting: PPKS found in the period and those among them served by its end, in total and
 * per category ({@code ppksCategories}, added in v1 as an optional field: null in publications made before it), and
 * the beneficiaries (KPM) with an enrolment running in the period per programme. A later publication for the same
 * kelurahan and period replaces the earlier one (compare {@code publishedAt}).
 */
public record KelurahanIndicatorsPublished(String kelurahanCode, LocalDate periodFrom, LocalDate periodTo,
                                           long ppksTerdata, long ppksDitangani,
                                           List<PpksCategoryCount> ppksCategories, List<ProgrammeKpm> programmes,
                                           Instant publishedAt) {

    /** A publication without the per-category counts, as producers wrote them before the field was added. */
    public KelurahanIndicatorsPublished(String kelurahanCode, LocalDate periodFrom, LocalDate periodTo,
                                        long ppksTerdata, long ppksDitangani, List<ProgrammeKpm> programmes,
                                        Instant publishedAt) {
        this(kelurahanCode, periodFrom, periodTo, ppksTerdata, ppksDitangani, null, programmes, publishedAt);
    }
}
