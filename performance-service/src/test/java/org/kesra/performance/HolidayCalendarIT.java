package org.kesra.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kesra.performance.RenstraIT.assertProblem;

import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A year's holidays loaded through the API once its decree is out: the deadlines follow at once, every replacement
 * is audited, bad lists are refused whole with a pointer to each wrong place, and only a platform admin may change
 * the calendar. Years 2028 and 2029, which no other test uses.
 */
class HolidayCalendarIT extends PerformanceApiTest {

    @Test
    void aPlatformAdminLoadsAYearAndItsDeadlinesFollow() {
        assertProblem(get(PLANNER, "/api/v1/reporting-deadlines?tahun=2028&triwulan=1"), 422,
                "PF-KALENDER-BELUM-ADA", null);

        ApiClient.Response loaded = put(ADMIN, 2028, "SKB uji 2028", day("2028-01-01", "libur", "Tahun Baru 2028"),
                day("2028-04-05", "cuti_bersama", "Cuti bersama uji"));
        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
        assertThat(loaded.body().path("days")).hasSize(2);
        assertThat(loaded.body().path("lastChange").path("reason").asString()).isEqualTo("SKB uji 2028");
        // Q1 2028 ends on Friday 31 March: five working days are 3, 4, 6, 7 and 10 April, the 5th being leave.
        assertThat(get(PLANNER, "/api/v1/reporting-deadlines?tahun=2028&triwulan=1").body().path("due").asString())
                .isEqualTo("2028-04-10");

        ApiClient.Response corrected = put(ADMIN, 2028, "Koreksi: cuti bersama dibatalkan",
                day("2028-01-01", "libur", "Tahun Baru 2028"));
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
        assertThat(get("metrobarat.operator", "/api/v1/reporting-deadlines?tahun=2028&triwulan=1").body()
                .path("due").asString()).isEqualTo("2028-04-07");
        JsonNode read = get("metrobarat.operator", "/api/v1/holidays/2028").body();
        assertThat(read.path("days").findValuesAsString("date")).containsExactly("2028-01-01");
        assertThat(read.path("days").get(0).path("name").asString()).isEqualTo("Tahun Baru 2028");
        assertThat(read.path("lastChange").path("reason").asString()).isEqualTo("Koreksi: cuti bersama dibatalkan");

        assertThat(jdbc.sql("SELECT jsonb_array_length(days_before) || '>' || jsonb_array_length(days_after)"
                + " FROM holiday_change WHERE year = 2028 ORDER BY id").query(String.class).list())
                .as("each replacement audited with the list before and after").containsExactly("0>2", "2>1");
    }

    @Test
    void aListWithAWrongDateKindOrReasonIsRefusedWholeWithPointers() {
        assertProblem(put(ADMIN, 2029, " ", day("2029-01-01", "libur", null)), 400, "PF-HARI-LIBUR-TIDAK-SAH",
                "/reason");
        ApiClient.Response wrong = put(ADMIN, 2029, "SKB uji", day("2030-01-01", "libur", null),
                day("2029-05-01", "minggu", null), day("2029-05-01", "libur", null));
        assertProblem(wrong, 400, "PF-HARI-LIBUR-TIDAK-SAH", "/days/0/date");
        assertThat(wrong.body().path("errors").findValuesAsString("pointer"))
                .containsExactly("/days/0/date", "/days/1/kind", "/days/2/date");
        assertThat(wrong.body().path("errors").get(0).path("detail").asString()).contains("bukan tahun 2029");
        assertProblem(put(ADMIN, 2029, "SKB uji"), 400, "PF-HARI-LIBUR-TIDAK-SAH", "/days");
        assertProblem(put(ADMIN, 1999, "SKB uji", day("1999-01-01", "libur", null)), 400,
                "PF-HARI-LIBUR-TIDAK-SAH", "/year");

        assertThat(get(ADMIN, "/api/v1/holidays/2029").body().path("days")).as("nothing written").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM holiday_change WHERE year = 2029").query(Long.class).single())
                .isZero();
    }

    @Test
    void onlyAPlatformAdminChangesTheCalendar() {
        for (String user : new String[] {PLANNER, "metrobarat.camat", "disnakertrans.monitor"}) {
            assertThat(put(user, 2029, "SKB uji", day("2029-01-01", "libur", null)).status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(get("inspektorat.auditor", "/api/v1/holidays/2025").body().path("days").size())
                .as("the reference calendar loaded by migration").isEqualTo(28);
    }

    private ApiClient.Response put(String user, int year, String reason, ObjectNode... days) {
        ObjectNode body = JSON.createObjectNode();
        body.put("reason", reason);
        ArrayNode list = body.putArray("days");
        for (ObjectNode day : days) {
            list.add(day);
        }
        return api.send("PUT", "/api/v1/holidays/" + year, token(user), JSON.writeValueAsString(body), java.util.Map.of());
    }

    private static ObjectNode day(String date, String kind, String name) {
        ObjectNode day = JSON.createObjectNode();
        day.put("date", date);
        day.put("kind", kind);
        if (name != null) {
            day.put("name", name);
        }
        return day;
    }
}
