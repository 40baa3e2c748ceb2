package org.kesra.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.PlatformInfrastructure;
import org.kesra.performance.demo.DemoPlans;
import org.kesra.performance.demo.Seed002;
import org.kesra.seeds.SeedPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The launcher's demo mode: the service started with {@code kesra.demo.population} loads the seeds' plans, agreements
 * and realisations at startup, and loading again (a restart) adds nothing. A database of its own, so the other tests'
 * units stay empty; no event consumer, so it takes no welfare events from the other tests' context.
 */
@PlatformInfrastructure(database = "performance_demo_it")
@SpringBootTest(classes = PerformanceServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kesra.demo.population=true", "kesra.events.consumer.enabled=false"})
class DemoPlansIT extends PerformanceApiTest {

    private static final String AUDITOR = "inspektorat.auditor";

    @Autowired
    DemoPlans demo;

    @Test
    void demoPlansAreLoadedOnceAndReadableThroughTheApi() {
        List<String> again = demo.load();
        assertThat(again).as("the second load finds every unit's plan").isEmpty();

        for (String unit : List.of("dinsos", "disnakertrans", SeedPlans.METRO_BARAT, Seed002.UNIT)) {
            JsonNode plans = get(AUDITOR, "/api/v1/renstra?unit=" + unit).body();
            assertThat(plans.path("totalItems").asLong()).as("plans of %s", unit).isEqualTo(1);
        }
        assertThat(summaries("/api/v1/agreements?unit=" + SeedPlans.METRO_BARAT, "year"))
                .containsExactlyInAnyOrder("2021 AGREED", "2022 AGREED");
        // Seed 004's 2021 and 2022 realisation, historical quarters (before the 2024 calendar): approved, no deadline,
        // and the year's capaian as Tabel 3.1/3.2 print them.
        assertThat(summaries("/api/v1/realisations?unit=" + SeedPlans.METRO_BARAT, "year"))
                .containsExactlyInAnyOrder("2021 APPROVED", "2022 APPROVED");
        String[][] printed = {{"2021", "95", "82.35", "81.18", "100"}, {"2022", "85.37", "100", "74.79", "100"}};
        for (String[] year : printed) {
            JsonNode list = get(AUDITOR, "/api/v1/realisations?unit=" + SeedPlans.METRO_BARAT + "&tahun=" + year[0])
                    .body();
            JsonNode q4 = get(AUDITOR, "/api/v1/realisations/" + list.at("/items/0/id").asString()).body();
            assertThat(q4.path("quarter").asInt()).isEqualTo(4);
            assertThat(q4.path("historical").asBoolean()).as(year[0]).isTrue();
            assertThat(q4.path("dueDate").isNull()).isTrue();
            assertThat(q4.path("workingDaysLate").isNull()).isTrue();
            assertThat(q4.path("approvedBy").asString()).isEqualTo("demo.kecamatan-approver");
            for (int i = 0; i < 4; i++) {
                assertThat(q4.at("/entries/" + i + "/yearToDate/percent").decimalValue())
                        .as("seed 004 %s IKU %d", year[0], i).isEqualByComparingTo(year[i + 1]);
            }
        }
        assertThat(summaries("/api/v1/agreements?unit=" + Seed002.UNIT, "year")).containsExactly("2024 AGREED");
        assertThat(summaries("/api/v1/realisations?unit=" + Seed002.UNIT, "quarter")).containsExactly("1 APPROVED");

        // Seed 004 Tabel 3.1 on the loaded plan: 82 vs 70 -> 85.37, 85 % vs 63.57 % -> 74.79.
        JsonNode metroBarat = get(AUDITOR, "/api/v1/renstra?unit=" + SeedPlans.METRO_BARAT).body();
        JsonNode iku = get(AUDITOR, "/api/v1/renstra/" + metroBarat.at("/items/0/id").asString()).body();
        String capaian = "/api/v1/renstra/" + iku.path("id").asString() + "/versions/1/indicators/";
        JsonNode indicators = iku.at("/tujuan/0/children/0/indicators");
        assertThat(get(AUDITOR, capaian + indicators.at("/0/id").asString() + "/capaian?tahun=2022&realisasi=70")
                .body().path("capaian").decimalValue()).isEqualByComparingTo("85.37");
        assertThat(get(AUDITOR, capaian + indicators.at("/2/id").asString() + "/capaian?tahun=2022&realisasi=63.57")
                .body().path("capaian").decimalValue()).isEqualByComparingTo("74.79");

        // Seed 002 Q1, submitted by the kecamatan's operator and approved by its approver: Tabel 3.1's 67 %.
        JsonNode q1List = get(AUDITOR, "/api/v1/realisations?unit=" + Seed002.UNIT + "&tahun=2024").body();
        JsonNode q1 = get(AUDITOR, "/api/v1/realisations/" + q1List.at("/items/0/id").asString()).body();
        assertThat(q1.path("createdBy").asString()).isEqualTo("demo.kecamatan-operator");
        assertThat(q1.path("approvedBy").asString()).isEqualTo("demo.kecamatan-approver");
        assertThat(q1.at("/entries/0/quarter/percent").decimalValue()).isEqualByComparingTo("67.00");
        // Dinas Sosial: seed 001 Tabel 7.1's IKU, fed from the PPKS register, 81,79 % (2020) -> 100 % (2026), and
        // Tabel 7.2's five indicators of the urusan on the tujuan.
        JsonNode dinsosPlans = get(AUDITOR, "/api/v1/renstra?unit=dinsos").body();
        JsonNode dinsos = get(AUDITOR, "/api/v1/renstra/" + dinsosPlans.at("/items/0/id").asString()).body();
        JsonNode ikuDinsos = dinsos.at("/tujuan/0/children/0/indicators/0");
        assertThat(ikuDinsos.path("name").asString()).startsWith("Persentase Pemerlu Pelayanan Kesejahteraan Sosial");
        assertThat(ikuDinsos.path("source").asString()).isEqualTo("REGISTER");
        assertThat(ikuDinsos.path("registerMeasure").asString()).isEqualTo("PPKS_HANDLED_SHARE");
        assertThat(ikuDinsos.path("baseline").decimalValue()).isEqualByComparingTo("81.79");
        assertThat(ikuDinsos.path("targets").findValues("target").stream().map(JsonNode::decimalValue)
                .map(java.math.BigDecimal::stripTrailingZeros).map(java.math.BigDecimal::toPlainString).toList())
                .containsExactly("85.3", "88.4", "91.5", "94.6", "97.7", "100");
        JsonNode urusan = dinsos.at("/tujuan/0/indicators");
        assertThat(urusan.findValuesAsString("name")).hasSize(5)
                .contains("Jumlah KK yang mendapatkan Perlindungan dan Jaminan Sosial");
        assertThat(urusan.at("/0/baseline").decimalValue()).as("16 PSKS certified in 2020").isEqualByComparingTo("16");
        assertThat(urusan.at("/1/baseline").isNull()).as("the seed prints '-'").isTrue();
        assertThat(urusan.at("/3/targets/5/target").decimalValue()).isEqualByComparingTo("7500");

        // Disnakertrans: TPT 4.34 % -> 3.6 %, lower is better; the 40 training participants.
        JsonNode plans = get(AUDITOR, "/api/v1/renstra?unit=disnakertrans").body();
        ApiClient.Response plan = get(AUDITOR, "/api/v1/renstra/" + plans.at("/items/0/id").asString());
        JsonNode tpt = plan.body().at("/tujuan/0/children/0/indicators/0");
        assertThat(tpt.path("direction").asString()).isEqualTo("LOWER");
        assertThat(tpt.path("baseline").decimalValue()).isEqualByComparingTo("4.34");
        assertThat(tpt.at("/targets/0/target").decimalValue()).isEqualByComparingTo("3.6");
        assertThat(plan.body().findValuesAsString("name")).contains("Jumlah peserta pelatihan kerja",
                "Jumlah pencari kerja terdaftar", "Jumlah kunjungan job canvassing");

        // Disnakertrans kelurahan by kelurahan: every kelurahan's Q1 2024 approved, three indicators each, in the
        // monitoring view of the Disnakertrans monitor; the counts differ by kelurahan.
        long kelurahan = jdbc.sql("SELECT count(*) FROM unit WHERE kind = 'KELURAHAN'").query(Long.class).single();
        JsonNode city = get("disnakertrans.monitor", "/api/v1/performance/monitoring?tahun=2024&size=200").body();
        List<JsonNode> rows = new ArrayList<>();
        city.at("/units/items").forEach(u -> {
            if (u.path("kind").asString().equals("KELURAHAN")) {
                rows.add(u);
            }
        });
        assertThat(rows).hasSize((int) kelurahan);
        assertThat(rows).allSatisfy(u -> {
            assertThat(u.at("/quarters/0/status").asString()).as(u.path("code").asString()).isEqualTo("APPROVED");
            assertThat(u.at("/quarters/0/indicators").asInt()).isEqualTo(3);
        });
        assertThat(rows.stream().map(u -> u.at("/quarters/0/averageCapaian").decimalValue()).distinct().count())
                .as("kelurahan tell apart").isGreaterThan(1);
        JsonNode first = get("disnakertrans.monitor", "/api/v1/performance/monitoring/units/18.72.01.1001?tahun=2024")
                .body();
        assertThat(first.path("indicators").findValuesAsString("indicator")).containsExactly(
                "Jumlah pencari kerja terdaftar", "Jumlah peserta pelatihan kerja", "Jumlah kunjungan job canvassing");
        JsonNode kelurahanQ1 = get(AUDITOR, "/api/v1/realisations?unit=18.72.01.1001&tahun=2024").body();
        JsonNode report = get(AUDITOR, "/api/v1/realisations/" + kelurahanQ1.at("/items/0/id").asString()).body();
        assertThat(report.path("createdBy").asString()).isEqualTo("demo.kelurahan-operator");
        assertThat(report.path("approvedBy").asString()).isEqualTo("demo.kecamatan-approver");
    }

    /** "{field} {status}" of each item of a list answer. */
    private List<String> summaries(String path, String field) {
        ApiClient.Response response = get(AUDITOR, path);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        response.body().path("items").forEach(i -> out.add(i.path(field).asString() + " " + i.path("status").asString()));
        return out;
    }
}
