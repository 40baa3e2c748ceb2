package org.kesra.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kesra.performance.RenstraIT.assertProblem;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The reporting deadline through the API, on the holiday calendar loaded into the database. */
class DeadlineIT extends PerformanceApiTest {

    @Test
    void theWorkedExamplesOfTheDeadlineRuleHoldThroughTheApi() {
        String[][] examples = {{"2024", "1", "2024-04-05"}, {"2025", "1", "2025-04-14"}, {"2025", "3", "2025-10-07"},
                {"2025", "4", "2026-01-08"}, {"2026", "1", "2026-04-08"}};
        for (String[] example : examples) {
            JsonNode answer = get("metrobarat.operator", "/api/v1/reporting-deadlines?tahun=" + example[0]
                    + "&triwulan=" + example[1]).body();
            assertThat(answer.path("due").asString()).as("Q%s %s", example[1], example[0]).isEqualTo(example[2]);
        }
        JsonNode late = get("metrobarat.camat", "/api/v1/reporting-deadlines?tahun=2024&triwulan=1"
                + "&diserahkan=2024-04-16").body();
        assertThat(late.path("workingDaysLate").asInt()).isEqualTo(1);
        assertThat(late.path("workingDaysLeft").asInt()).as("none left after the due date").isZero();
        // 28 March 2024 (Thursday): Good Friday 29 March and the weekend are not counted; 1-5 April are.
        JsonNode early = get("metrobarat.operator", "/api/v1/reporting-deadlines?tahun=2024&triwulan=1"
                + "&diserahkan=2024-03-28").body();
        assertThat(early.path("workingDaysLeft").asInt()).isEqualTo(5);
        assertThat(early.path("workingDaysLate").asInt()).isZero();
    }

    @Test
    void aQuarterOutsideOneToFourOrAYearWithoutItsHolidaysIsRefused() {
        assertProblem(get(PLANNER, "/api/v1/reporting-deadlines?tahun=2025&triwulan=5"), 400, "PF-TRIWULAN-TIDAK-SAH",
                "/triwulan");
        assertProblem(get(PLANNER, "/api/v1/reporting-deadlines?triwulan=1"), 400, "PF-TRIWULAN-TIDAK-SAH", "/tahun");
        assertProblem(get(PLANNER, "/api/v1/reporting-deadlines?tahun=2026&triwulan=4"), 422, "PF-KALENDER-BELUM-ADA",
                null);
        assertProblem(get(PLANNER, "/api/v1/reporting-deadlines?tahun=2030&triwulan=1"), 422, "PF-KALENDER-BELUM-ADA",
                null);
    }
}
