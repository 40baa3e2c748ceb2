package org.kesra.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kesra.performance.RenstraIT.assertProblem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Monitoring through the API with the realm's real users, on Kecamatan Metro Selatan in 2025 (no other test reports
 * there): Rejomulyo submits Q1 (late, waiting for review) and drafts Q2, Margorejo reports nothing. Who has submitted,
 * what is late (working days on the holiday calendar), what waits for review, capaian per indicator and rating, the
 * roll-ups and the chart series; city-wide readers see every unit, kecamatan staff their region only, and a region
 * outside it is answered exactly like one that does not exist.
 */
class MonitoringIT extends PerformanceApiTest {

    static final String KECAMATAN = "18.72.05";
    static final String REJOMULYO = "18.72.05.1001";
    static final String MARGOREJO = "18.72.05.1002";
    static final int YEAR = 2025;
    static final String VIEW = "/api/v1/performance/monitoring?tahun=" + YEAR + "&wilayah=" + KECAMATAN;

    private static JsonNode submittedQ1;

    /** Rejomulyo's agreed 2025 agreement, its Q1 submitted and its Q2 drafted; made once for the class. */
    private synchronized JsonNode reported() {
        if (submittedQ1 == null) {
            ObjectNode agreement = JSON.createObjectNode();
            agreement.put("unit", REJOMULYO);
            agreement.put("year", YEAR);
            agreement.put("position", "HEAD");
            agreement.put("positionTitle", "Lurah Rejomulyo");
            ArrayNode items = agreement.putArray("items");
            item(items, "Indeks Kepuasan Masyarakat", "indeks", "HIGHER", "82");
            item(items, "Jumlah kunjungan pembinaan", "kali", "HIGHER", "40");
            item(items, "Tingkat pengangguran terbuka", "%", "LOWER", "5");
            ApiClient.Response drafted = post(ADMIN, "/api/v1/agreements", agreement);
            assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
            String id = drafted.body().path("id").asString();
            assertThat(send(ADMIN, "POST", "/api/v1/agreements/" + id + "/agreement", "\"1\"", null).status())
                    .isEqualTo(200);
            ApiClient.Response q1 = post("rejomulyo.operator", "/api/v1/realisations",
                    realisation(id, 1, "70", "10", "4"));
            assertThat(q1.status()).as(q1.text()).isEqualTo(201);
            ApiClient.Response submitted = send("rejomulyo.operator", "POST", "/api/v1/realisations/"
                    + q1.body().path("id").asString() + "/submission", "\"1\"", null);
            assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
            ApiClient.Response q2 = post("rejomulyo.operator", "/api/v1/realisations", realisation(id, 2, "70"));
            assertThat(q2.status()).as(q2.text()).isEqualTo(201);
            submittedQ1 = submitted.body();
        }
        return submittedQ1;
    }

    @Test
    void aMonitorSeesWhoSubmittedWhatIsLateAndWhatWaitsForReview() {
        JsonNode q1 = reported();
        ApiClient.Response response = get("disnakertrans.monitor", VIEW);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode view = response.body();
        assertThat(view.path("region").asString()).isEqualTo(KECAMATAN);
        assertThat(view.at("/units/totalItems").asLong()).as("the kecamatan and its four kelurahan").isEqualTo(5);

        JsonNode rejomulyo = row(view, REJOMULYO);
        JsonNode first = rejomulyo.at("/quarters/0");
        assertThat(first.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(first.path("waitsForReview").asBoolean()).isTrue();
        assertThat(first.path("reports").asInt()).isEqualTo(1);
        assertThat(first.path("late").asBoolean()).isTrue();
        assertThat(first.path("workingDaysLate").asInt()).as("as the realisation states it")
                .isEqualTo(q1.path("workingDaysLate").asInt()).isPositive();
        assertThat(first.path("dueDate").asString()).isEqualTo(q1.path("dueDate").asString());
        assertThat(first.path("indicators").asInt()).isEqualTo(3);
        // 70 of 82 -> 85.37; 10 of 40 -> 25.00; 4 against at most 5 (lower is better) -> 120.00; mean 76.79.
        assertThat(first.path("averageCapaian").decimalValue()).isEqualByComparingTo("76.79");
        assertThat(first.path("rating").asString()).isNotBlank();
        JsonNode second = rejomulyo.at("/quarters/1");
        assertThat(second.path("status").asString()).isEqualTo("DRAFT");
        assertThat(second.path("waitsForReview").asBoolean()).isFalse();
        assertThat(second.path("late").asBoolean()).as("not submitted, due in July 2025").isTrue();
        assertThat(second.path("averageCapaian").decimalValue()).isEqualByComparingTo("85.37");
        JsonNode third = rejomulyo.at("/quarters/2");
        assertThat(third.path("status").asString()).isEqualTo("NOT_STARTED");
        JsonNode deadline = get("disnakertrans.monitor", "/api/v1/reporting-deadlines?tahun=2025&triwulan=3").body();
        assertThat(third.path("dueDate").asString()).isEqualTo(deadline.path("due").asString());
        assertThat(third.path("late").asBoolean()).isTrue();

        JsonNode margorejo = row(view, MARGOREJO).at("/quarters/0");
        assertThat(margorejo.path("status").asString()).isEqualTo("NOT_STARTED");
        assertThat(margorejo.path("late").asBoolean()).isTrue();
        assertThat(margorejo.path("workingDaysLate").asInt()).as("not submitted: late as of today, as a submission today")
                .isEqualTo(first.path("workingDaysLate").asInt());
        assertThat(margorejo.path("averageCapaian").isNull()).isTrue();

        JsonNode whole = rollup(view, "WILAYAH", KECAMATAN).at("/quarters/0");
        assertThat(whole.path("units").asInt()).isEqualTo(5);
        assertThat(whole.path("submitted").asInt()).isEqualTo(1);
        assertThat(whole.path("notStarted").asInt()).isEqualTo(4);
        assertThat(whole.path("late").asInt()).isEqualTo(5);
        assertThat(whole.path("averageCapaian").decimalValue()).isEqualByComparingTo("76.79");
        JsonNode kelurahan = rollup(view, "KELURAHAN", REJOMULYO).at("/quarters/1");
        assertThat(kelurahan.path("units").asInt()).isEqualTo(1);
        assertThat(kelurahan.path("draft").asInt()).isEqualTo(1);
        assertThat(view.path("rollups").size()).as("the kecamatan as a whole and its four kelurahan").isEqualTo(5);

        JsonNode city = get("disnakertrans.monitor", "/api/v1/performance/monitoring?tahun=2025").body();
        JsonNode selatan = rollup(city, "KECAMATAN", KECAMATAN).at("/quarters/0");
        assertThat(selatan.path("units").asInt()).isEqualTo(5);
        assertThat(selatan.path("submitted").asInt()).isEqualTo(1);
        assertThat(rollup(city, "WILAYAH", "18.72").at("/quarters/0/units").asLong())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM unit").query(Long.class).single());
    }

    @Test
    void theChartCarriesOneValuePerQuarterForEveryStatusAndIndicator() {
        reported();
        ApiClient.Response response = get("bappeda.planner", "/api/v1/performance/monitoring/chart?tahun=" + YEAR
                + "&wilayah=" + KECAMATAN);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode chart = response.body();
        assertThat(chart.path("quarters").toString()).isEqualTo("[1,2,3,4]");
        assertThat(values(series(chart.path("unitsByStatus"), "SUBMITTED"))).containsExactly("1", "0", "0", "0");
        assertThat(values(series(chart.path("unitsByStatus"), "DRAFT"))).containsExactly("0", "1", "0", "0");
        assertThat(values(series(chart.path("unitsByStatus"), "NOT_STARTED"))).containsExactly("4", "4", "5", "5");
        JsonNode ikm = series(chart.path("capaianByIndicator"), "Indeks Kepuasan Masyarakat (indeks)");
        assertThat(ikm.path("label").asString()).isEqualTo("Indeks Kepuasan Masyarakat");
        assertThat(ikm.at("/values/0").decimalValue()).isEqualByComparingTo("85.37");
        assertThat(ikm.at("/values/1").decimalValue()).isEqualByComparingTo("85.37");
        assertThat(ikm.at("/values/2").isNull()).isTrue();
        JsonNode tpt = series(chart.path("capaianByIndicator"), "Tingkat pengangguran terbuka (%)");
        assertThat(tpt.at("/values/0").decimalValue()).as("lower is better").isEqualByComparingTo("120.00");
        assertThat(chart.at("/averageCapaian/values/0").decimalValue()).isEqualByComparingTo("76.79");
    }

    @Test
    void aUnitsIndicatorsCarryTheirCapaianAndRatingPerQuarter() {
        JsonNode q1 = reported();
        ApiClient.Response response = get("inspektorat.auditor", "/api/v1/performance/monitoring/units/" + REJOMULYO
                + "?tahun=" + YEAR);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode indicators = response.body().path("indicators");
        assertThat(indicators.size()).isEqualTo(3);
        assertThat(indicators.at("/0/indicator").asString()).isEqualTo("Indeks Kepuasan Masyarakat");
        assertThat(indicators.at("/0/quarters").size()).isEqualTo(2);
        for (int i = 0; i < 3; i++) {
            JsonNode shown = indicators.get(i).at("/quarters/0");
            assertThat(shown.path("capaian").decimalValue()).as("as the realisation computes it")
                    .isEqualByComparingTo(q1.at("/entries/" + i + "/quarter/percent").decimalValue());
            assertThat(shown.path("rating").asString()).isEqualTo(q1.at("/entries/" + i + "/quarter/rating")
                    .asString());
        }
        assertThat(indicators.at("/2/direction").asString()).isEqualTo("LOWER");
    }

    /**
     * The unit predicate (PermenPANRB 88/2021) is of the evaluator's AKIP score: recorded by the auditor, replaced
     * with its history kept, the bounds exclusive (90 A, 90.01 AA, 30 D, 30.01 C), read by everyone who reads the
     * unit and shown in the unit's monitoring; refused for a score that is no number or outside 0-100, a year that is
     * not one, an unknown unit and a role other than the evaluator's.
     */
    @Test
    void theUnitPredicateIsOfTheEvaluatorsAkipScoreWithEveryReplacementKept() {
        reported();
        String path = "/api/v1/performance/units/" + REJOMULYO + "/akip-evaluations/";
        String[][] bounds = {{"90", "A", "Memuaskan"}, {"90.01", "AA", "Sangat Memuaskan"},
                {"30", "D", "Sangat Kurang"}, {"30.01", "C", "Kurang"}, {"0", "D", "Sangat Kurang"},
                {"100", "AA", "Sangat Memuaskan"}};
        String etag = null;
        for (String[] bound : bounds) {
            ApiClient.Response recorded = send("inspektorat.auditor", "PUT", path + "2030", etag,
                    evaluation(bound[0]));
            assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
            etag = recorded.header("ETag");
            assertThat(recorded.body().path("score").decimalValue()).isEqualByComparingTo(bound[0]);
            assertThat(recorded.body().path("predicate").asString()).as(bound[0]).isEqualTo(bound[1]);
            assertThat(recorded.body().path("meaning").asString()).isEqualTo(bound[2]);
        }
        ObjectNode asNumber = evaluation("0");
        asNumber.put("score", new BigDecimal("72.50"));
        ApiClient.Response recorded = send(ADMIN, "PUT", path + YEAR, null, asNumber);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        assertThat(recorded.body().path("predicate").asString()).isEqualTo("BB");
        ApiClient.Response replaced = send("inspektorat.auditor", "PUT", path + YEAR, recorded.header("ETag"),
                evaluation("81.5"));
        assertThat(replaced.body().path("predicate").asString()).isEqualTo("A");
        assertThat(replaced.body().path("recordedBy").asString()).isEqualTo("inspektorat.auditor");
        JsonNode changes = replaced.body().path("changes");
        JsonNode last = changes.get(changes.size() - 1);
        assertThat(last.at("/before/score").decimalValue()).isEqualByComparingTo("72.50");
        assertThat(last.at("/before/predicate").asString()).isEqualTo("BB");
        assertThat(last.at("/after/score").decimalValue()).isEqualByComparingTo("81.50");
        assertThat(last.path("changedBy").asString()).isEqualTo("inspektorat.auditor");
        assertThat(changes.get(changes.size() - 2).path("changedBy").asString()).isEqualTo("platform.admin");

        for (String reader : List.of("rejomulyo.operator", PLANNER, "disnakertrans.monitor")) {
            ApiClient.Response read = get(reader, path + YEAR);
            assertThat(read.status()).as(read.text()).isEqualTo(200);
            assertThat(read.body().path("predicate").asString()).isEqualTo("A");
        }
        JsonNode list = get("rejomulyo.operator", "/api/v1/performance/units/" + REJOMULYO + "/akip-evaluations")
                .body();
        assertThat(list.path("evaluations").findValuesAsString("year")).isNotNull();
        assertThat(list.at("/evaluations/0/year").asInt()).as("newest year first").isEqualTo(2030);
        assertThat(list.at("/evaluations/1/year").asInt()).isEqualTo(YEAR);
        JsonNode monitored = get("inspektorat.auditor", "/api/v1/performance/monitoring/units/" + REJOMULYO
                + "?tahun=" + YEAR).body();
        assertThat(monitored.at("/akipEvaluation/predicate").asString()).isEqualTo("A");
        assertThat(monitored.at("/akipEvaluation/meaning").asString()).isEqualTo("Memuaskan");
        assertThat(monitored.at("/akipEvaluation/score").decimalValue()).isEqualByComparingTo("81.5");

        assertProblem(send("inspektorat.auditor", "PUT", path + YEAR, null, evaluation("100.01")), 400,
                "PF-NILAI-AKIP-TIDAK-SAH", "/score");
        assertProblem(send("inspektorat.auditor", "PUT", path + YEAR, null, evaluation("-1")), 400,
                "PF-NILAI-AKIP-TIDAK-SAH", "/score");
        assertProblem(send("inspektorat.auditor", "PUT", path + YEAR, null, evaluation("sembilan puluh")), 400,
                "PF-NILAI-AKIP-TIDAK-SAH", "/score");
        ObjectNode noEvaluator = evaluation("80");
        noEvaluator.remove("evaluator");
        assertProblem(send("inspektorat.auditor", "PUT", path + YEAR, null, noEvaluator), 400, "PF-ISIAN-WAJIB",
                "/evaluator");
        assertProblem(send("inspektorat.auditor", "PUT", path + "dua-ribu", null, evaluation("80")), 400,
                "PF-TAHUN-TIDAK-SAH", "/year");
        assertProblem(send("inspektorat.auditor", "PUT", path + "1999", null, evaluation("80")), 400,
                "PF-TAHUN-TIDAK-SAH", "/year");
        assertProblem(send("inspektorat.auditor", "PUT", "/api/v1/performance/units/18.72.99/akip-evaluations/"
                + YEAR, null, evaluation("80")), 404, "PF-UNIT-TIDAK-DITEMUKAN", null);
        for (String notEvaluator : List.of(PLANNER, "metrobarat.camat", "rejomulyo.operator")) {
            ApiClient.Response refused = send(notEvaluator, "PUT", path + YEAR, null, evaluation("99"));
            assertThat(refused.status()).as(notEvaluator + ": " + refused.text()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(get(PLANNER, path + YEAR).body().path("score").decimalValue()).as("nothing written by a refusal")
                .isEqualByComparingTo("81.5");
        assertProblem(get(PLANNER, path + "2031"), 404, "PF-EVALUASI-AKIP-TIDAK-DITEMUKAN", null);
        ApiClient.Response outside = get("metrobarat.camat", path + YEAR);
        ApiClient.Response unknown = get("metrobarat.camat", "/api/v1/performance/units/18.72.99/akip-evaluations/"
                + YEAR);
        assertProblem(outside, 404, "PF-UNIT-TIDAK-DITEMUKAN", null);
        assertThat(outside.body().path("detail").asString().replace(REJOMULYO, "X"))
                .isEqualTo(unknown.body().path("detail").asString().replace("18.72.99", "X"));
    }

    /**
     * Two auditors saving one unit's evaluation of a year at once: the first recording of a year goes without If-Match
     * (naming one then is refused, there is nothing to match), every answer carries the version as ETag, a replacement
     * without If-Match is refused with 428 and one based on an older version with 412, neither writing anything; the
     * weak form of the current ETag is accepted.
     */
    @Test
    void aReplacementNamesTheVersionItReadSoTwoAuditorsDoNotOverwriteEachOtherUnseen() {
        String path = "/api/v1/performance/units/" + MARGOREJO + "/akip-evaluations/2023";
        assertProblem(send("inspektorat.auditor", "PUT", path, "\"1\"", evaluation("70")), 412,
                "PF-EVALUASI-AKIP-BERUBAH", null);
        assertProblem(get(PLANNER, path), 404, "PF-EVALUASI-AKIP-TIDAK-DITEMUKAN", null);

        ApiClient.Response first = send("inspektorat.auditor", "PUT", path, null, evaluation("70"));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.body().path("etag").asInt()).isEqualTo(1);
        ApiClient.Response read = get(PLANNER, path);
        assertThat(read.header("ETag")).as("the GET answers the version the form is read at").isEqualTo("\"1\"");

        // Both auditors read version 1; the one who saves first wins, the other is told instead of overwriting.
        ApiClient.Response byOne = send("inspektorat.auditor", "PUT", path, read.header("ETag"), evaluation("80.25"));
        assertThat(byOne.status()).as(byOne.text()).isEqualTo(200);
        assertThat(byOne.header("ETag")).isEqualTo("\"2\"");
        assertThat(byOne.body().path("predicate").asString()).isEqualTo("A");
        ApiClient.Response byOther = send(ADMIN, "PUT", path, read.header("ETag"), evaluation("60"));
        assertProblem(byOther, 412, "PF-EVALUASI-AKIP-BERUBAH", null);
        assertThat(byOther.body().path("detail").asString()).contains("\"2\"");
        assertProblem(send(ADMIN, "PUT", path, null, evaluation("60")), 428, "KESRA-IF-MATCH-WAJIB", null);
        assertProblem(send(ADMIN, "PUT", path, "versi-lama", evaluation("60")), 412, "PF-EVALUASI-AKIP-BERUBAH",
                null);
        JsonNode kept = get(PLANNER, path).body();
        assertThat(kept.path("score").decimalValue()).as("nothing written by a refusal").isEqualByComparingTo("80.25");
        assertThat(kept.path("changes").size()).isEqualTo(2);

        ApiClient.Response weak = send(ADMIN, "PUT", path, "W/\"2\"", evaluation("60"));
        assertThat(weak.status()).as(weak.text()).isEqualTo(200);
        assertThat(weak.header("ETag")).isEqualTo("\"3\"");
        assertThat(weak.body().at("/changes/2/before/score").decimalValue()).isEqualByComparingTo("80.25");
        assertThat(get(PLANNER, path).header("ETag")).isEqualTo("\"3\"");
    }

    private static ObjectNode evaluation(String score) {
        ObjectNode body = JSON.createObjectNode();
        body.put("score", score);
        body.put("evaluator", "Inspektorat Kota Metro");
        body.put("reason", "Laporan hasil evaluasi AKIP");
        return body;
    }

    /**
     * "Who do I chase?": only the units with a report waiting for review, or only those with a quarter past its
     * deadline; the rollups stay those of the whole selection, so the totals do not move with the filter.
     */
    @Test
    void aMonitorNarrowsTheUnitsToThoseWaitingForReviewOrLate() {
        reported();
        JsonNode all = get("disnakertrans.monitor", VIEW).body();
        JsonNode waiting = get("disnakertrans.monitor", VIEW + "&keadaan=MENUNGGU_PENILAIAN").body();
        assertThat(waiting.at("/units/totalItems").asLong()).isEqualTo(1);
        assertThat(waiting.at("/units/items/0/code").asString()).isEqualTo(REJOMULYO);
        assertThat(waiting.path("rollups")).as("totals of the whole kecamatan").isEqualTo(all.path("rollups"));
        JsonNode late = get("disnakertrans.monitor", VIEW + "&keadaan=terlambat").body();
        assertThat(late.at("/units/totalItems").asLong()).as("every 2025 quarter is past its deadline by now")
                .isEqualTo(5);
        assertProblem(get("disnakertrans.monitor", VIEW + "&keadaan=SELESAI"), 400, "PF-SARING-PEMANTAUAN-TIDAK-SAH",
                "/keadaan");
    }

    @Test
    void cityWideReadersSeeEveryUnitAndPageThroughThem() {
        reported();
        long units = jdbc.sql("SELECT count(*) FROM unit").query(Long.class).single();
        for (String user : List.of("disnakertrans.monitor", "bappeda.planner", "inspektorat.auditor", ADMIN)) {
            ApiClient.Response response = get(user, "/api/v1/performance/monitoring?tahun=" + YEAR);
            assertThat(response.status()).as(user + ": " + response.text()).isEqualTo(200);
            assertThat(response.body().path("region").asString()).isEqualTo("18.72");
            assertThat(response.body().at("/units/totalItems").asLong()).as(user).isEqualTo(units);
        }
        JsonNode page = get("bappeda.planner", "/api/v1/performance/monitoring?tahun=" + YEAR + "&size=10&page=1")
                .body();
        assertThat(page.at("/units/items").size()).isEqualTo(10);
        assertThat(page.at("/units/page").asInt()).isEqualTo(1);
        JsonNode firstPage = get("bappeda.planner", "/api/v1/performance/monitoring?tahun=" + YEAR + "&size=10")
                .body();
        assertThat(page.at("/units/items/0/code").asString()).isGreaterThan(
                firstPage.at("/units/items/9/code").asString());
    }

    @Test
    void kecamatanStaffSeeTheirRegionAndNothingRevealsAnotherRegion() {
        reported();
        for (String user : List.of("metrobarat.camat", "metrobarat.operator")) {
            ApiClient.Response own = get(user, "/api/v1/performance/monitoring?tahun=" + YEAR);
            assertThat(own.status()).as(own.text()).isEqualTo(200);
            assertThat(own.body().path("region").asString()).isEqualTo("18.72.03");
            assertThat(own.body().at("/units/totalItems").asLong()).isEqualTo(5);
            assertThat(own.body().at("/units/items").findValuesAsString("code"))
                    .allMatch(code -> code.startsWith("18.72.03"));

            ApiClient.Response other = get(user, VIEW);
            ApiClient.Response nowhere = get(user, "/api/v1/performance/monitoring?tahun=" + YEAR
                    + "&wilayah=18.72.09");
            assertProblem(other, 404, "PF-UNIT-TIDAK-DITEMUKAN", "/wilayah");
            assertProblem(nowhere, 404, "PF-UNIT-TIDAK-DITEMUKAN", "/wilayah");
            assertThat(other.body().path("detail").asString().replace(KECAMATAN, "X"))
                    .isEqualTo(nowhere.body().path("detail").asString().replace("18.72.09", "X"));
            assertProblem(get(user, "/api/v1/performance/monitoring/chart?tahun=" + YEAR + "&wilayah=" + KECAMATAN),
                    404, "PF-UNIT-TIDAK-DITEMUKAN", "/wilayah");
            assertProblem(get(user, "/api/v1/performance/monitoring/units/" + REJOMULYO + "?tahun=" + YEAR), 404,
                    "PF-UNIT-TIDAK-DITEMUKAN", "/wilayah");
        }
        assertThat(get("mulyojati.operator", "/api/v1/performance/monitoring?tahun=" + YEAR).status())
                .as("kelurahan staff do not monitor").isEqualTo(403);
        assertThat(get("dinsos.operator", "/api/v1/performance/monitoring?tahun=" + YEAR).status()).isEqualTo(403);
    }

    /**
     * 2026's fourth quarter falls due in 2027 and 2023 has no calendar at all: their deadlines are unknown, which the
     * views show as such instead of failing (a refusal inside a read once marked the read's transaction for rollback).
     */
    @Test
    void aYearWhoseHolidaysAreNotLoadedIsMonitoredWithoutDeadlines() {
        reported();
        for (int year : new int[] {2026, 2023}) {
            for (String path : List.of("/api/v1/performance/monitoring?tahun=" + year,
                    "/api/v1/performance/monitoring/chart?tahun=" + year,
                    "/api/v1/performance/monitoring/units/" + REJOMULYO + "?tahun=" + year)) {
                ApiClient.Response response = get("disnakertrans.monitor", path);
                assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
            }
        }
    }

    @Test
    void aYearOutsideTheRangeOrNoneIsRefusedWithItsPointer() {
        assertProblem(get("disnakertrans.monitor", "/api/v1/performance/monitoring"), 400,
                "PF-PERIODE-PEMANTAUAN-TIDAK-SAH", "/tahun");
        assertProblem(get("disnakertrans.monitor", "/api/v1/performance/monitoring/chart?tahun=1999"), 400,
                "PF-PERIODE-PEMANTAUAN-TIDAK-SAH", "/tahun");
        assertThat(get("disnakertrans.monitor", "/api/v1/performance/monitoring?tahun=2025&size=500").status())
                .as("above the page size limit").isEqualTo(400);
    }

    private static void item(ArrayNode items, String indicator, String unit, String direction, String target) {
        ObjectNode item = items.addObject();
        item.put("sasaran", "Meningkatnya kualitas pelayanan kelurahan");
        item.put("indicator", indicator);
        item.put("unitOfMeasure", unit);
        item.put("direction", direction);
        item.put("target", new BigDecimal(target));
    }

    private static ObjectNode realisation(String agreementId, int quarter, String... values) {
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", REJOMULYO);
        body.put("year", YEAR);
        body.put("quarter", quarter);
        body.put("agreementId", agreementId);
        body.put("agreementRevision", 1);
        ArrayNode entries = body.putArray("entries");
        for (int i = 0; i < values.length; i++) {
            entries.addObject().put("item", i).put("value", values[i]);
        }
        return body;
    }

    private static JsonNode row(JsonNode view, String code) {
        for (JsonNode row : view.at("/units/items")) {
            if (row.path("code").asString().equals(code)) {
                return row;
            }
        }
        throw new AssertionError(code + " not in " + view);
    }

    private static JsonNode rollup(JsonNode view, String level, String code) {
        for (JsonNode rollup : view.path("rollups")) {
            if (rollup.path("level").asString().equals(level) && rollup.path("code").asString().equals(code)) {
                return rollup;
            }
        }
        throw new AssertionError(level + " " + code + " not in " + view.path("rollups"));
    }

    private static JsonNode series(JsonNode list, String key) {
        for (JsonNode series : list) {
            if (series.path("key").asString().equals(key)) {
                return series;
            }
        }
        throw new AssertionError(key + " not in " + list);
    }

    private static List<String> values(JsonNode series) {
        return series.path("values").valueStream().map(JsonNode::asString).toList();
    }

    private ApiClient.Response send(String user, String method, String path, String ifMatch, JsonNode body) {
        return api.send(method, path, token(user), body == null ? null : JSON.writeValueAsString(body),
                ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }
}
