package org.kesra.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.performance.RealisationEntry;
import org.kesra.contracts.performance.RealisationSnapshot;
import org.kesra.contracts.welfare.KelurahanIndicatorsPublished;
import org.kesra.contracts.welfare.PpksCategoryCount;
import org.kesra.contracts.welfare.ProgrammeKpm;
import org.kesra.devinfra.ApiClient;
import org.kesra.reporting.ReportingApiIntegrationBase;
import tools.jackson.databind.JsonNode;

/**
 * The city dashboard's series from events fed through Kafka (welfare figures of two quarters, households, two
 * kecamatan realisations): per region and per quarter as published and summed, the categories of the newest
 * published quarter, capaian per unit and status counts; a year without data; the refusals. Only this class uses
 * Metro Pusat (18.72.01) in 2022.
 */
class CityDashboardIT extends ReportingApiIntegrationBase {

    private static final String METRO = "18.72.01.1001";
    private static final String IMOPURO = "18.72.01.1003";
    private static final int YEAR = 2022;

    @Test
    void seriesOfAKecamatanAndOfTheCityFromWelfareHouseholdAndPerformanceEvents() {
        events.register(METRO, 4);
        events.register(IMOPURO, 2);
        Instant at = Instant.now();
        LocalDate q2 = LocalDate.of(YEAR, 4, 1);
        LocalDate q3 = LocalDate.of(YEAR, 7, 1);
        events.published(new KelurahanIndicatorsPublished(METRO, q2, q2.plusMonths(3).minusDays(1), 5, 2,
                List.of(new PpksCategoryCount("FM", 5, 2)), List.of(new ProgrammeKpm("PKH", 40, null)), at));
        events.published(new KelurahanIndicatorsPublished(METRO, q3, q3.plusMonths(3).minusDays(1), 6, 3,
                List.of(new PpksCategoryCount("FM", 4, 2), new PpksCategoryCount("PGM", 2, 1)),
                List.of(new ProgrammeKpm("PKH", 42, 63_000_000L)), at));
        UUID last = events.published(new KelurahanIndicatorsPublished(IMOPURO, q3, q3.plusMonths(3).minusDays(1),
                4, 4, List.of(new PpksCategoryCount("PGM", 4, 4)), List.of(new ProgrammeKpm("PKH", 8, 12_000_000L)),
                at));
        UUID realisation = UUID.randomUUID();
        events.performance(EventCatalog.REALISATION_APPROVED, realisation, "18.72.01", new RealisationSnapshot(
                realisation, "18.72.01", YEAR, 3, UUID.randomUUID(), 1, "APPROVED", 1, 1, LocalDate.of(YEAR, 10, 7),
                Instant.parse("2022-10-03T02:00:00Z"), 0, null, List.of(), null, null, List.of(
                new RealisationEntry(0, "Persentase PPKS yang ditangani", "%", "76.92", "10", "13", "80", null,
                        null, null, null, "96.15", "76.92", "96.15")), Instant.parse("2022-10-04T02:00:00Z")));
        UUID submitted = UUID.randomUUID();
        events.performance(EventCatalog.REALISATION_SUBMITTED, submitted, IMOPURO, new RealisationSnapshot(
                submitted, IMOPURO, YEAR, 3, UUID.randomUUID(), 1, "SUBMITTED", 1, null, LocalDate.of(YEAR, 10, 7),
                Instant.parse("2022-10-03T02:00:00Z"), 0, null, List.of(), null, null, List.of(
                new RealisationEntry(0, "Persentase PPKS yang ditangani", "%", "100", "4", "4", "80", null,
                        null, null, null, "125", "100", "125")), Instant.parse("2022-10-03T02:00:00Z")));

        String path = "/api/v1/reports/dashboard?tahun=" + YEAR + "&kecamatan=18.72.01";
        String planner = token("bappeda.planner");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode body = api.get(path, planner).body();
            return body.path("quarters").get(2).path("ppksTerdata").asLong() == 10
                    && body.at("/performance/statusCounts").size() == 2
                    && region(body, METRO).path("persons").asLong() == 4;
        });
        ApiClient.Response answer = api.get(path, planner);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(body.path("regionLevel").asString()).isEqualTo("kelurahan");
        assertThat(body.path("shownPeriodLabel").asString()).isEqualTo("Triwulan III 2022");
        assertThat(body.path("regions")).hasSize(5);
        JsonNode metro = region(body, METRO);
        assertThat(metro.path("households").asLong()).isEqualTo(1);
        assertThat(metro.path("ppksTerdata").asLong()).isEqualTo(6);
        assertThat(metro.path("ppksDitanganiPersen").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(metro.path("kpm").get(0).path("kpm").asLong()).isEqualTo(42);
        assertThat(body.path("total").path("ppksDitangani").asLong()).isEqualTo(7);
        assertThat(body.path("total").path("kpm").get(0).path("realisedRupiah").asLong()).isEqualTo(75_000_000L);
        // Quarters: Q1 and Q4 not published; Q2 and Q3 as published, summed.
        assertThat(body.path("quarters").valueStream().map(q -> q.path("published").asBoolean()).toList())
                .containsExactly(false, true, true, false);
        assertThat(body.path("quarters").get(1).path("ppksTerdata").asLong()).isEqualTo(5);
        assertThat(body.path("quarters").get(2).path("ppksDitanganiPersen").decimalValue())
                .isEqualByComparingTo("70.00");
        assertThat(body.path("quarters").get(2).path("kpm").get(0).path("kpm").asLong()).isEqualTo(50);
        // Categories of the quarter shown, all 26.
        assertThat(body.path("ppksCategories")).hasSize(26);
        assertThat(category(body, "PGM").path("terdata").asLong()).isEqualTo(6);
        assertThat(category(body, "FM").path("terdata").asLong()).isEqualTo(4);
        // Performance: the kecamatan and its kelurahan, capaian as performance-service published it.
        assertThat(body.at("/performance/units")).hasSize(6);
        JsonNode kecamatanUnit = body.at("/performance/units/0");
        assertThat(kecamatanUnit.path("code").asString()).isEqualTo("18.72.01");
        assertThat(kecamatanUnit.at("/realisations/0/statusLabel").asString()).isEqualTo("Disetujui");
        assertThat(kecamatanUnit.at("/realisations/0/items/0/capaian").decimalValue())
                .isEqualByComparingTo("96.15");
        assertThat(body.at("/performance/statusCounts").valueStream().map(c -> c.path("quarter").asInt() + " "
                + c.path("status").asString() + " " + c.path("count").asLong()).toList())
                .containsExactly("3 APPROVED 1", "3 SUBMITTED 1");
        assertThat(body.path("sources")).hasSize(3);
        assertThat(body.path("sources").get(1).path("eventsApplied").asLong()).isPositive();

        // The city: one series point per kecamatan; Metro Pusat's as the kecamatan view's total.
        JsonNode city = api.get("/api/v1/reports/dashboard?tahun=" + YEAR, planner).body();
        assertThat(city.path("regionLevel").asString()).isEqualTo("kecamatan");
        assertThat(city.path("regions")).hasSize(5);
        JsonNode pusat = city.path("regions").get(0);
        assertThat(pusat.path("code").asString()).isEqualTo("18.72.01");
        assertThat(pusat.path("ppksTerdata").asLong()).isEqualTo(10);
        assertThat(city.at("/performance/units")).hasSize(5);
        assertThat(last).isNotNull();
    }

    @Test
    void aYearWithoutDataIsAValidAnswerThatSaysSo() {
        ApiClient.Response answer = api.get("/api/v1/reports/dashboard?tahun=2011&kecamatan=18.72.01",
                token("dinsos.operator"));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().path("figuresPublished").asBoolean()).isFalse();
        assertThat(answer.body().path("quarters")).hasSize(4);
        assertThat(answer.body().path("notes").get(0).asString()).contains("belum menerbitkan");
        assertThat(answer.body().path("notes").valueStream().map(JsonNode::asString).toList())
                .anyMatch(n -> n.startsWith("Belum ada realisasi kinerja tahun 2011"));
    }

    @Test
    void badInputAndRegionsOutsideTheCallersGetProblemDetails() {
        String operator = token("dinsos.operator");
        assertProblem(api.get("/api/v1/reports/dashboard", operator), 400, "RP-PARAMETER-TIDAK-SAH", "/tahun");
        assertProblem(api.get("/api/v1/reports/dashboard?tahun=20x4", operator), 400, "RP-PARAMETER-TIDAK-SAH",
                "/tahun");
        assertProblem(api.get("/api/v1/reports/dashboard?tahun=1999", operator), 400, "RP-PARAMETER-TIDAK-SAH",
                "/tahun");
        assertProblem(api.get("/api/v1/reports/dashboard?tahun=2022&kecamatan=metro", operator), 400,
                "RP-PARAMETER-TIDAK-SAH", "/kecamatan");
        assertProblem(api.get("/api/v1/reports/dashboard?tahun=2022&kecamatan=18.72.09", operator), 404,
                "RP-WILAYAH-TIDAK-DIKENAL", null);
        String metroBarat = token("metrobarat.operator");
        ApiClient.Response outside = api.get("/api/v1/reports/dashboard?tahun=2022&kecamatan=18.72.01", metroBarat);
        assertProblem(outside, 403, "RP-DI-LUAR-WILAYAH", null);
        assertThat(outside.text()).doesNotContain("Metro Pusat");
        assertProblem(api.get("/api/v1/reports/dashboard?tahun=2022&kecamatan=18.72.09", metroBarat), 403,
                "RP-DI-LUAR-WILAYAH", null);
        ApiClient.Response own = api.get("/api/v1/reports/dashboard?tahun=2022", metroBarat);
        assertThat(own.status()).as(own.text()).isEqualTo(200);
        assertThat(own.body().path("area").path("code").asString()).isEqualTo("18.72.03");
        assertThat(own.body().path("regionLevel").asString()).isEqualTo("kelurahan");
    }

    private static JsonNode region(JsonNode body, String code) {
        for (JsonNode row : body.path("regions")) {
            if (row.path("code").asString().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no region " + code + " in " + body);
    }

    private static JsonNode category(JsonNode body, String abbrev) {
        for (JsonNode row : body.path("ppksCategories")) {
            if (row.path("category").asString().equals(abbrev)) {
                return row;
            }
        }
        throw new AssertionError("no category " + abbrev);
    }
}
