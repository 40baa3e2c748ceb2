package org.kesra.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.seeds.SeedPlans;
import tools.jackson.databind.JsonNode;

/**
 * Seed 004 (LAKIP Kecamatan Metro Barat 2022) entered through the API as a Renstra, and its printed IKU capaian coming
 * back out of the API: 82 vs 70 -> 85.37; 85 % vs 63.57 % -> 74.79; 85 vs 85 -> 100.
 */
class Seed004IkuIT extends PerformanceApiTest {

    @Test
    void metroBaratIkuIsStoredAndItsCapaianComesOutAsTheSeedPrintsIt() {
        ApiClient.Response created = post(ADMIN, "/api/v1/renstra", SeedPlans.metroBaratIku2021To2026());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode plan = created.body();
        String id = plan.path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/renstra/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(plan.path("version").asInt()).isEqualTo(1);
        assertThat(plan.path("unit").path("kind").asString()).isEqualTo("KECAMATAN");
        assertThat(plan.path("unit").path("name").asString()).isEqualTo("Kecamatan Metro Barat");
        JsonNode sasaran = plan.at("/tujuan/0/children/0");
        assertThat(sasaran.path("level").asString()).isEqualTo("SASARAN");
        assertThat(sasaran.path("indicators").size()).isEqualTo(4);
        JsonNode sub = sasaran.at("/children/0/children/0/children/0");
        assertThat(sub.path("level").asString()).isEqualTo("SUB_KEGIATAN");
        assertThat(sub.path("code").asString()).as("2-digit sub-kegiatan stored in the 4-digit form")
                .isEqualTo("7.01.03.2.02.0001");
        assertThat(sub.at("/indicators/0/targets/0/budget").asLong()).isEqualTo(12_897_600L);
        assertThat(sub.at("/indicators/0/targets").size()).isEqualTo(6);

        JsonNode read = get("inspektorat.auditor", "/api/v1/renstra/" + id).body();
        assertThat(read).isEqualTo(plan);

        String base = "/api/v1/renstra/" + id + "/versions/1/indicators/";
        List<String> iku = new ArrayList<>();
        sasaran.path("indicators").forEach(i -> iku.add(i.path("id").asString()));
        JsonNode ikm = get("metrobarat.camat", base + iku.get(0) + "/capaian?tahun=2022&realisasi=70").body();
        assertThat(ikm.path("capaian").decimalValue()).isEqualByComparingTo("85.37");
        assertThat(ikm.path("target").decimalValue()).isEqualByComparingTo("82");
        assertThat(ikm.path("rating").asString()).isEqualTo("Tinggi");
        assertThat(ikm.path("hasRatio").asBoolean()).isTrue();
        assertThat(ikm.path("met").asBoolean()).isFalse();
        JsonNode participation = get("metrobarat.operator", base + iku.get(1) + "/capaian?tahun=2022&realisasi=85")
                .body();
        assertThat(participation.path("capaian").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(participation.path("rating").asString()).isEqualTo("Sangat Tinggi");
        JsonNode pbb = get(PLANNER, base + iku.get(2) + "/capaian?tahun=2022&realisasi=63.57").body();
        assertThat(pbb.path("capaian").decimalValue()).isEqualByComparingTo("74.79");
        assertThat(pbb.path("rating").asString()).isEqualTo("Sedang");
        JsonNode ikm2021 = get(PLANNER, base + iku.get(0) + "/capaian?tahun=2021&realisasi=76").body();
        assertThat(ikm2021.path("target").decimalValue()).isEqualByComparingTo("80");
        assertThat(ikm2021.path("capaian").decimalValue()).isEqualByComparingTo("95.00");
        JsonNode conflict = get("disnakertrans.monitor", base + iku.get(3) + "/capaian?tahun=2022&realisasi=100")
                .body();
        assertThat(conflict.path("capaian").decimalValue()).isEqualByComparingTo("100.00");
        // sakip-rules.md: a value between bands falls to the band whose lower bound it reaches (90.5 -> Tinggi)
        String[][] bands = {{"91", "Sangat Tinggi"}, {"90.5", "Tinggi"}, {"76", "Tinggi"}, {"75.5", "Sedang"},
            {"65.5", "Rendah"}, {"51", "Rendah"}, {"50.5", "Sangat Rendah"}};
        for (String[] band : bands) {
            JsonNode rated = get(PLANNER, base + iku.get(3) + "/capaian?tahun=2022&realisasi=" + band[0]).body();
            assertThat(rated.path("rating").asString()).as("capaian " + band[0]).isEqualTo(band[1]);
        }

        yearOnYearOfTabel32ComesOutOfTheApi(plan);
    }

    /**
     * Seed 004 Tabel 3.1/3.2 year on year: the camat's Perjanjian Kinerja 2021 and 2022 agreed, each year's fourth
     * quarter submitted by the operator and approved by the camat, then the comparison of 2022 with 2021 per IKU.
     */
    private void yearOnYearOfTabel32ComesOutOfTheApi(JsonNode plan) {
        String agreement2021 = agreedAndReported(plan, 2021);
        String agreement2022 = agreedAndReported(plan, 2022);

        ApiClient.Response answer = get("metrobarat.operator",
                "/api/v1/performance/units/" + SeedPlans.METRO_BARAT + "/year-on-year?tahun=2022");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().path("previousYear").asInt()).isEqualTo(2021);
        JsonNode ours = null;
        for (JsonNode agreement : answer.body().path("agreements")) {
            if (agreement.path("agreementId").asString().equals(agreement2022)) {
                ours = agreement;
            }
        }
        assertThat(ours).as("the camat's agreement 2022 is listed: %s", answer.text()).isNotNull();
        assertThat(ours.path("positionTitle").asString()).isEqualTo("Camat Metro Barat");
        String[][] expected = {{"85.37", "95.00", "-9.63"}, {"100.00", "82.35", "17.65"},
                {"74.79", "81.18", "-6.39"}, {"100.00", "100.00", "0.00"}};
        assertThat(ours.path("items").size()).isEqualTo(4);
        for (int i = 0; i < expected.length; i++) {
            JsonNode item = ours.path("items").get(i);
            assertThat(item.at("/current/capaian/percent").decimalValue()).as(item.toString())
                    .isEqualByComparingTo(expected[i][0]);
            assertThat(item.at("/current/approved").asBoolean()).isTrue();
            assertThat(item.at("/current/quarter").asInt()).isEqualTo(4);
            assertThat(item.at("/previous/year").asInt()).isEqualTo(2021);
            assertThat(item.at("/previous/agreementId").asString()).isEqualTo(agreement2021);
            assertThat(item.at("/previous/capaian/percent").decimalValue()).as(item.toString())
                    .isEqualByComparingTo(expected[i][1]);
            assertThat(item.path("changePoints").decimalValue()).as(item.toString())
                    .isEqualByComparingTo(expected[i][2]);
            assertThat(item.path("note").isNull()).isTrue();
        }
        assertThat(ours.at("/items/0/current/value").decimalValue()).isEqualByComparingTo("70");
        assertThat(ours.at("/items/0/previous/value").decimalValue()).isEqualByComparingTo("76");
        assertThat(ours.at("/items/0/current/capaian/rating").asString()).isEqualTo("Tinggi");

        // 2021 has no 2020 to compare with: previous null with a note, never an error.
        JsonNode first = get(PLANNER, "/api/v1/performance/units/" + SeedPlans.METRO_BARAT
                + "/year-on-year?tahun=2021").body();
        for (JsonNode agreement : first.path("agreements")) {
            if (agreement.path("agreementId").asString().equals(agreement2021)) {
                assertThat(agreement.at("/items/0/current/capaian/percent").decimalValue())
                        .isEqualByComparingTo("95.00");
                assertThat(agreement.at("/items/0/previous").isNull()).isTrue();
                assertThat(agreement.at("/items/0/changePoints").isNull()).isTrue();
                assertThat(agreement.at("/items/0/note").asString()).contains("2020");
            }
        }

        // Refusals: a year that is no number or out of range, an unknown unit, a unit outside the caller's region
        // answered word for word like an unknown one.
        String base = "/api/v1/performance/units/";
        RenstraIT.assertProblem(get(PLANNER, base + SeedPlans.METRO_BARAT + "/year-on-year?tahun=dua"), 400,
                "PF-TAHUN-TIDAK-SAH", "/tahun");
        RenstraIT.assertProblem(get(PLANNER, base + SeedPlans.METRO_BARAT + "/year-on-year"), 400,
                "PF-TAHUN-TIDAK-SAH", "/tahun");
        RenstraIT.assertProblem(get(PLANNER, base + SeedPlans.METRO_BARAT + "/year-on-year?tahun=1999"), 400,
                "PF-TAHUN-TIDAK-SAH", "/tahun");
        ApiClient.Response unknown = get("rejomulyo.operator", base + "18.72.99/year-on-year?tahun=2022");
        ApiClient.Response outside = get("rejomulyo.operator", base + SeedPlans.METRO_BARAT
                + "/year-on-year?tahun=2022");
        RenstraIT.assertProblem(unknown, 404, "PF-UNIT-TIDAK-DITEMUKAN", null);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.body().path("code").asString()).isEqualTo(unknown.body().path("code").asString());
        assertThat(outside.body().path("title").asString()).isEqualTo(unknown.body().path("title").asString());
    }

    /** The camat's agreement of {@code year} agreed, its Q4 (seed 004) submitted and approved; its id. */
    private String agreedAndReported(JsonNode plan, int year) {
        ApiClient.Response drafted = post(ADMIN, "/api/v1/agreements", SeedPlans.metroBaratAgreement(plan, year));
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        String id = drafted.body().path("id").asString();
        ApiClient.Response agreed = send(ADMIN, "POST", "/api/v1/agreements/" + id + "/agreement", "\"1\"");
        assertThat(agreed.status()).as(agreed.text()).isEqualTo(200);
        ApiClient.Response reported = post("metrobarat.operator", "/api/v1/realisations",
                SeedPlans.metroBaratQ4(id, year));
        assertThat(reported.status()).as(reported.text()).isEqualTo(201);
        String path = "/api/v1/realisations/" + reported.body().path("id").asString();
        ApiClient.Response submitted = send("metrobarat.operator", "POST", path + "/submission",
                reported.header("ETag"));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        ApiClient.Response approved = send("metrobarat.camat", "POST", path + "/approval", submitted.header("ETag"));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return id;
    }

    private ApiClient.Response send(String user, String method, String path, String ifMatch) {
        return api.send(method, path, token(user), null, java.util.Map.of("If-Match", ifMatch));
    }

    @Test
    void capaianOfATargetOfZeroSaysThereIsNoRatioAndACapIsShownBesideTheRawValue() {
        var plan = RenstraFixtures.small("18.72.01.1003", 2024, 2026);
        var indicator = RenstraFixtures.smallSasaranIndicator(plan);
        indicator.put("direction", "LOWER");
        indicator.put("kind", "MONTHS");
        indicator.put("unitOfMeasure", "bulan");
        indicator.remove("numeratorDefinition");
        indicator.remove("denominatorDefinition");
        indicator.put("aggregation", "LAST");
        ((tools.jackson.databind.node.ObjectNode) indicator.at("/targets/0")).put("target", 7);
        ((tools.jackson.databind.node.ObjectNode) indicator.at("/targets/1")).put("target", 0);
        ApiClient.Response created = post(ADMIN, "/api/v1/renstra", plan);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String base = "/api/v1/renstra/" + created.body().path("id").asString() + "/versions/1/indicators/"
                + created.body().at("/tujuan/0/children/0/indicators/0/id").asString() + "/capaian";

        JsonNode lower = get(PLANNER, base + "?tahun=2024&realisasi=6.5&batas=100").body();
        assertThat(lower.path("capaian").decimalValue()).as("sakip-rules.md: 7 months vs 6.5").isEqualByComparingTo("107.14");
        assertThat(lower.path("capaianCapped").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(lower.path("met").asBoolean()).isTrue();

        ApiClient.Response zero = get(PLANNER, base + "?tahun=2025&realisasi=1");
        assertThat(zero.status()).as(zero.text()).isEqualTo(200);
        assertThat(zero.body().path("hasRatio").asBoolean()).isFalse();
        assertThat(zero.body().path("capaian").isNull()).isTrue();
        assertThat(zero.body().path("note").asString()).contains("Target 0");

        ApiClient.Response outside = get(PLANNER, base + "?tahun=2030&realisasi=1");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body().path("code").asString()).isEqualTo("PF-TAHUN-DI-LUAR-PERIODE");
        ApiClient.Response negative = get(PLANNER, base + "?tahun=2024&realisasi=-1");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().path("code").asString()).isEqualTo("PF-REALISASI-TIDAK-SAH");
        ApiClient.Response badCap = get(PLANNER, base + "?tahun=2024&realisasi=1&batas=0");
        assertThat(badCap.body().path("code").asString()).isEqualTo("PF-BATAS-CAPAIAN-TIDAK-SAH");
        ApiClient.Response unknown = get(PLANNER, "/api/v1/renstra/" + created.body().path("id").asString()
                + "/versions/1/indicators/" + java.util.UUID.randomUUID() + "/capaian?tahun=2024&realisasi=1");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("code").asString()).isEqualTo("PF-INDIKATOR-TIDAK-DITEMUKAN");
    }
}
