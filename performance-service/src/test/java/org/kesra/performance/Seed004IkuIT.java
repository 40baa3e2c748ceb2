package org.kesra.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.performance.demo.SeedPlans;
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
