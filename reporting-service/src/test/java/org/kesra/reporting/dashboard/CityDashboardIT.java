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
import org.kesra.contracts.performance.AgreementAgreed;
import org.kesra.contracts.performance.AgreementItem;
import org.kesra.contracts.performance.RealisationEntry;
import org.kesra.contracts.performance.RealisationSnapshot;
import org.kesra.contracts.welfare.BenefitCycleOpened;
import org.kesra.contracts.welfare.KelurahanIndicatorsPublished;
import org.kesra.contracts.welfare.PpksCategoryCount;
import org.kesra.contracts.welfare.ProgrammeKpm;
import org.kesra.devinfra.ApiClient;
import org.kesra.reporting.ReportingApiIntegrationBase;
import org.kesra.reporting.SourceEventsFixture;
import tools.jackson.databind.JsonNode;

/**
 * The city dashboard's series from events fed through Kafka (welfare figures of two quarters, households, two
 * kecamatan realisations): per region and per quarter as published and summed, the categories of the newest
 * published quarter, capaian per unit and status counts; the realisations not submitted after each deadline and the
 * city's PKH and Sembako rounds; a year without data; the refusals. Only this class uses Metro Pusat (18.72.01) in
 * 2022 and 2023 and payment rounds of 2023.
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
    void realisationsNotSubmittedAfterEachDeadlineAndTheCitysPaymentRounds() {
        int year = 2023;
        UUID head = UUID.randomUUID();
        UUID lurah = UUID.randomUUID();
        agreed(head, "18.72.01", year);
        agreed(lurah, METRO, year);
        int nextYear = LocalDate.now().getYear() + 1;
        agreed(UUID.randomUUID(), "18.72.01", nextYear);
        // Q1: the camat's realisation submitted (performance-service's deadline 10 April); the lurah's never
        UUID q1 = UUID.randomUUID();
        events.performance(EventCatalog.REALISATION_SUBMITTED, q1, "18.72.01", new RealisationSnapshot(q1,
                "18.72.01", year, 1, head, 1, "SUBMITTED", 1, null, LocalDate.of(year, 4, 10),
                Instant.parse("2023-04-06T02:00:00Z"), 0, null, List.of(), null, null, List.of(
                new RealisationEntry(0, "Persentase PPKS yang ditangani", "%", "80", "8", "10", "80", null, null,
                        null, null, "100", "80", "100")), Instant.parse("2023-04-06T02:00:00Z")));
        // the city's rounds: two PKH stages and two Sembako months
        opened("PKH", year, "1", "TAHAP", LocalDate.of(year, 1, 1), LocalDate.of(year, 3, 31), 4_000, 2_720_000_000L,
                3_990, 2_713_200_000L);
        opened("PKH", year, "2", "TAHAP", LocalDate.of(year, 4, 1), LocalDate.of(year, 6, 30), 4_010,
                2_726_800_000L, 4_000, 2_720_000_000L);
        opened("SEMBAKO", year, "JANUARI", "BULAN", LocalDate.of(year, 1, 1), LocalDate.of(year, 1, 31), 5_900,
                1_180_000_000L, 5_890, 1_178_000_000L);
        opened("SEMBAKO", year, "FEBRUARI", "BULAN", LocalDate.of(year, 2, 1), LocalDate.of(year, 2, 28), 5_910,
                1_182_000_000L, 5_905, 1_181_000_000L);

        String planner = token("bappeda.planner");
        String path = "/api/v1/reports/dashboard?tahun=" + year + "&kecamatan=18.72.01";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode city = api.get("/api/v1/reports/dashboard?tahun=" + year, planner).body();
            return api.get(path, planner).body().at("/performance/notSubmitted/0/count").asLong() == 1
                    && city.at("/rounds/pkhStages").size() == 2 && city.at("/rounds/sembakoMonths/1/hasRound")
                    .asBoolean();
        });
        JsonNode kecamatan = api.get(path, planner).body();
        JsonNode notSubmitted = kecamatan.at("/performance/notSubmitted");
        assertThat(notSubmitted).hasSize(4);
        JsonNode first = notSubmitted.get(0);
        assertThat(first.path("dueDate").asString()).as("as performance-service published it").isEqualTo("2023-04-10");
        assertThat(first.path("dueDateEstimated").asBoolean()).isFalse();
        assertThat(first.path("deadlinePassed").asBoolean()).isTrue();
        assertThat(first.path("units").valueStream().map(JsonNode::asString).toList()).containsExactly(METRO);
        JsonNode second = notSubmitted.get(1);
        assertThat(second.path("dueDate").asString()).as("30 June 2023 a Friday: five working days after")
                .isEqualTo("2023-07-07");
        assertThat(second.path("dueDateEstimated").asBoolean()).isTrue();
        assertThat(second.path("count").asLong()).isEqualTo(2);
        assertThat(second.path("units").valueStream().map(JsonNode::asString).toList())
                .containsExactly("18.72.01", METRO);
        assertThat(notSubmitted.get(3).path("dueDate").asString()).as("31 December 2023 a Sunday").isEqualTo("2024-01-05");
        assertThat(kecamatan.path("rounds").isNull() || kecamatan.path("rounds").isMissingNode()).isTrue();
        assertThat(kecamatan.path("notes").valueStream().map(JsonNode::asString).toList())
                .anyMatch(n -> n.startsWith("Penyaluran PKH dan Sembako"))
                .anyMatch(n -> n.startsWith("Tenggat triwulan yang belum ada realisasinya diperkirakan"));

        // Before the deadline nothing is counted yet
        JsonNode ahead = api.get("/api/v1/reports/dashboard?tahun=" + nextYear + "&kecamatan=18.72.01", planner)
                .body().at("/performance/notSubmitted");
        assertThat(ahead.valueStream().map(n -> n.path("deadlinePassed").asBoolean() + " " + n.path("count")
                .asLong()).toList()).containsExactly("false 0", "false 0", "false 0", "false 0");

        // The city: its rounds as Tabel 2.1 and the monthly series show them; the kecamatan's missing Q2
        JsonNode city = api.get("/api/v1/reports/dashboard?tahun=" + year, planner).body();
        JsonNode stages = city.at("/rounds/pkhStages");
        assertThat(stages.get(0).path("label").asString()).isEqualTo("1");
        assertThat(stages.get(0).path("realisedRupiah").asLong()).isEqualTo(2_713_200_000L);
        assertThat(stages.get(1).path("nominalPercent").decimalValue()).isEqualByComparingTo("99.75");
        assertThat(city.at("/rounds/pkhTotal/realisedRupiah").asLong()).isEqualTo(5_433_200_000L);
        JsonNode months = city.at("/rounds/sembakoMonths");
        assertThat(months).hasSize(12);
        assertThat(months.get(0).path("realisedKpm").asLong()).isEqualTo(5_890);
        assertThat(months.get(1).path("sp2dKpm").asLong()).isEqualTo(5_910);
        assertThat(months.get(2).path("hasRound").asBoolean()).isFalse();
        assertThat(city.at("/performance/notSubmitted/1/units").valueStream().map(JsonNode::asString).toList())
                .contains("18.72.01").doesNotContain(METRO);
    }

    private static void agreed(UUID id, String unit, int year) {
        events.performance(EventCatalog.AGREEMENT_AGREED, id, unit, new AgreementAgreed(id, 1, unit, year, "HEAD",
                "Kepala unit", null, List.of(new AgreementItem(0, "Meningkatnya penanganan PPKS",
                "Persentase PPKS yang ditangani", "%", "HIGHER", "80", null, null, null)),
                Instant.parse(year + "-02-01T02:00:00Z")));
    }

    private static void opened(String programme, int year, String label, String kind, LocalDate start, LocalDate end,
                               long sp2dKpm, long sp2dRupiah, long realisedKpm, long realisedRupiah) {
        BenefitCycleOpened round = new BenefitCycleOpened(UUID.randomUUID(), programme, year, label, kind, start, end,
                sp2dKpm, sp2dRupiah, realisedKpm, realisedRupiah, Instant.parse(year + "-01-01T00:00:00Z"));
        events.send(SourceEventsFixture.WELFARE, "welfare", UUID.randomUUID(), EventCatalog.BENEFIT_CYCLE_OPENED,
                round.cycleId().toString(), programme, round);
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
