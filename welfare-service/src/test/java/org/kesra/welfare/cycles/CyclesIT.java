package org.kesra.welfare.cycles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.TopicReader;
import org.kesra.devinfra.ApiClient;
import org.kesra.welfare.WelfareApiIntegrationBase;
import tools.jackson.databind.JsonNode;

class CyclesIT extends WelfareApiIntegrationBase {

    @Test
    void table21OfTheRenstraReadsBackStageByStage() {
        JsonNode report = api.get("/api/v1/programmes/PKH/cycles", token("bappeda.planner")).body();
        JsonNode cycles = report.path("cycles");
        int fromSeed = 0;
        for (JsonNode cycle : cycles) {
            fromSeed += cycle.path("recordedBy").asString().equals("migrasi:seed-001-tabel-2.1") ? 1 : 0;
        }
        assertThat(fromSeed).as("every row of Tabel 2.1: 5 + 4 + 4 + 4 + 9 + 2").isEqualTo(28);

        JsonNode stage2018 = cycle(report, 2018, "2");
        assertThat(stage2018.path("sp2dKpm").asLong()).isEqualTo(4_876);
        assertThat(stage2018.path("sp2dRupiah").asLong()).isEqualTo(2_438_000_000L);
        assertThat(stage2018.path("realisedKpm").asLong()).isEqualTo(4_774);
        assertThat(stage2018.path("realisedRupiah").asLong()).isEqualTo(2_387_045_800L);
        assertThat(stage2018.path("differenceKpm").asLong()).isEqualTo(102);
        assertThat(stage2018.path("differenceRupiah").asLong()).isEqualTo(50_954_200L);

        assertThat(cycle(report, 2016, "4.1 SATURASI").path("sp2dKpm").asLong()).isEqualTo(703);
        assertThat(cycle(report, 2020, "JULI").path("kind").asString()).isEqualTo("BULAN");
        JsonNode typo = cycle(report, 2021, "1");
        assertThat(typo.path("sp2dRupiah").asLong()).as("the seed's missing zeros, corrected and said so")
                .isEqualTo(2_773_050_000L);
        assertThat(typo.path("note").asString()).contains("2.773.050");

        JsonNode year2019 = api.get("/api/v1/programmes/PKH/cycles?tahun=2019", token("dinsos.operator")).body();
        assertThat(year2019.path("cycles").size()).isEqualTo(4);
        JsonNode total = year2019.path("years").get(0);
        assertThat(total.path("sp2dRupiah").asLong()).isEqualTo(5_748_400_000L + 3_242_000_000L + 3_461_900_000L
                + 2_422_175_000L);
        assertThat(total.path("realisedRupiah").asLong()).isEqualTo(5_709_300_000L + 3_222_650_000L
                + 3_443_150_000L + 2_368_275_000L);
        assertThat(total.path("realisationPercent").asDouble()).isEqualTo(99.12);
    }

    /**
     * The rounds the seed migrations wrote were recorded before welfare-service published round events; migration
     * V202612081200 publishes them once, so reporting's Tabel 2.1 has them too.
     */
    @Test
    void theSeededRoundsArePublishedAsRoundEvents() {
        String saturation = jdbc.sql("SELECT id::text FROM benefit_cycle WHERE programme_code = 'PKH' AND year = 2016"
                + " AND label = '4.1 SATURASI'").query(String.class).single();
        String misprint = jdbc.sql("SELECT id::text FROM benefit_cycle WHERE programme_code = 'PKH' AND year = 2021"
                + " AND label = '1'").query(String.class).single();
        List<ConsumerRecord<String, byte[]>> published = TopicReader.read("welfare.events",
                r -> "welfare.benefit-cycle.opened".equals(TopicReader.header(r, "ce_type"))
                        && (saturation.equals(r.key()) || misprint.equals(r.key())), 2, Duration.ofSeconds(60));
        assertThat(published).hasSize(2);
        for (ConsumerRecord<String, byte[]> record : published) {
            JsonNode round = JSON.readTree(record.value());
            assertThat(TopicReader.header(record, "ce_subject")).isEqualTo("PKH");
            if (record.key().equals(saturation)) {
                assertThat(round.path("kind").asString()).isEqualTo("SATURASI");
                assertThat(round.path("sp2dKpm").asLong()).isEqualTo(703);
                assertThat(round.path("realisedRupiah").asLong()).isEqualTo(187_149_877L);
                assertThat(round.path("periodStart").asString()).startsWith("2016-");
            } else {
                assertThat(round.path("sp2dRupiah").asLong()).as("as corrected by the seed migration")
                        .isEqualTo(2_773_050_000L);
                assertThat(round.path("realisedKpm").asLong()).isEqualTo(4_062);
                assertThat(round.path("openedAt").asString()).endsWith("Z");
            }
        }
    }

    @Test
    void theSembakoMonthsTheSeedStatesReadBackPricedAtTheIndexOfTheirMonth() {
        JsonNode report = api.get("/api/v1/programmes/SEMBAKO/cycles", token("bappeda.planner")).body();
        int fromSeed = 0;
        for (JsonNode cycle : report.path("cycles")) {
            fromSeed += cycle.path("recordedBy").asString().equals("migrasi:seed-001-bsp-sembako") ? 1 : 0;
        }
        assertThat(fromSeed).as("April 2018, April to July 2019, August 2019").isEqualTo(6);
        JsonNode first = cycle(report, 2018, "APRIL");
        assertThat(first.path("kind").asString()).isEqualTo("BULAN");
        assertThat(first.path("sp2dKpm").asLong()).isEqualTo(5_886);
        assertThat(first.path("realisedKpm").asLong()).isEqualTo(5_886);
        assertThat(first.path("sp2dRupiah").asLong()).as("5,886 KPM x Rp 110,000, the BPNT index of 2018")
                .isEqualTo(647_460_000L);
        assertThat(first.path("note").asString()).contains("burekol");
        assertThat(cycle(report, 2019, "JUNI").path("realisedKpm").asLong()).isEqualTo(5_761);
        assertThat(cycle(report, 2019, "AGUSTUS").path("realisedRupiah").asLong()).isEqualTo(5_891L * 110_000);
        JsonNode year2019 = api.get("/api/v1/programmes/SEMBAKO/cycles?tahun=2019", token("dinsos.operator")).body();
        assertThat(year2019.path("years").get(0).path("realisedRupiah").asLong()).isEqualTo((4 * 5_761 + 5_891) * 110_000L);
    }

    @Test
    void table22ExpansionRoundsReadBackAndTheir2020TotalIsTheSeedsOwn() {
        JsonNode report = api.get("/api/v1/programmes/PKH/expansions", token("bappeda.planner")).body();
        assertThat(report.path("rounds").size()).isEqualTo(7);
        JsonNode round2018 = report.path("rounds").get(1);
        assertThat(round2018.path("candidates").asInt()).isEqualTo(3_482);
        assertThat(round2018.path("eligible").asInt()).isEqualTo(2_263);
        assertThat(round2018.path("notEligible").asInt()).isEqualTo(1_219);
        assertThat(report.path("rounds").get(0).path("candidates").isNull()).as("2016 gives only the eligible").isTrue();
        for (JsonNode year : report.path("years")) {
            if (year.path("year").asInt() == 2020) {
                // The seed prints "Total Tahun 2020: 174 / 91 / 83"; computed from its three rows:
                assertThat(year.path("candidates").asLong()).isEqualTo(174);
                assertThat(year.path("eligible").asLong()).isEqualTo(91);
                assertThat(year.path("notEligible").asLong()).isEqualTo(83);
                assertThat(year.path("rounds").asInt()).isEqualTo(3);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM expansion_round WHERE candidates <> eligible + not_eligible")
                .query(Long.class).single()).isZero();
        assertThat(api.get("/api/v1/programmes/BANSOS_X/expansions", token("dinsos.operator")).status()).isEqualTo(404);
    }

    @Test
    void aStageIsRecordedWithTheReasonsForItsShortfall() {
        Map<String, Object> stage = stage("2025", "UJI-" + System.nanoTime() % 100_000, "2025-01-01", "2025-03-31");
        stage.put("gaps", List.of(
                Map.of("reason", "GAGAL_BUKA_REKENING_KOLEKTIF", "kpm", 5, "rupiah", 3_750_000),
                Map.of("reason", "MENINGGAL", "kpm", 2, "rupiah", 1_500_000, "note", "2 pengurus meninggal")));
        ApiClient.Response recorded = post(stage);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        assertThat(recorded.body().path("differenceKpm").asLong()).isEqualTo(10);
        assertThat(recorded.body().path("explainedKpm").asLong()).isEqualTo(7);
        assertThat(recorded.body().path("recordedBy").asString()).isEqualTo("dinsos.operator");

        ApiClient.Response again = post(stage);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("code").asString()).isEqualTo("WF-PENYALURAN-SUDAH-ADA");
    }

    @Test
    void badStagesAreRefusedFieldByFieldAndNothingIsWritten() {
        long before = jdbc.sql("SELECT count(*) FROM benefit_cycle").query(Long.class).single();

        Map<String, Object> over = stage("2024", "UJI-A", "2024-01-01", "2024-03-31");
        over.put("realisedRupiah", 80_000_000);
        assertProblem(post(over), 422, "/realisedRupiah", "melebihi SP2D");
        Map<String, Object> overKpm = stage("2024", "UJI-B", "2024-01-01", "2024-03-31");
        overKpm.put("realisedKpm", 101);
        assertProblem(post(overKpm), 422, "/realisedKpm", "melebihi SP2D");
        Map<String, Object> negative = stage("2024", "UJI-C", "2024-01-01", "2024-03-31");
        negative.put("sp2dRupiah", -1);
        assertProblem(post(negative), 422, "/sp2dRupiah", "negatif");
        Map<String, Object> fraction = stage("2024", "UJI-D", "2024-01-01", "2024-03-31");
        fraction.put("realisedRupiah", 1_000_000.5);
        assertProblem(post(fraction), 422, "/realisedRupiah", "bilangan bulat");
        assertProblem(post(stage("2005", "UJI-E", "2005-01-01", "2005-03-31")), 422, "/periodStart",
                "di luar masa program");
        assertProblem(post(stage("2099", "UJI-F", "2099-01-01", "2099-03-31")), 422, "/periodStart", "belum dimulai");
        assertProblem(post(stage("2023", "UJI-G", "2024-01-01", "2024-03-31")), 422, "/year", "tidak sesuai");
        Map<String, Object> tooMany = stage("2024", "UJI-H", "2024-01-01", "2024-03-31");
        tooMany.put("gaps", List.of(Map.of("reason", "PINDAH", "kpm", 11, "rupiah", 0)));
        assertProblem(post(tooMany), 422, "/gaps", "hanya 10 KPM");
        Map<String, Object> unknownReason = stage("2024", "UJI-I", "2024-01-01", "2024-03-31");
        unknownReason.put("gaps", List.of(Map.of("reason", "LUPA", "kpm", 1, "rupiah", 0)));
        assertProblem(post(unknownReason), 422, "/gaps/0/reason", "Alasan selisih");
        Map<String, Object> half = stage("2024", "UJI-J", "2024-01-01", "2024-03-31");
        half.remove("realisedRupiah");
        assertProblem(post(half), 422, "/realisedRupiah", "lengkap");

        assertThat(api.post("/api/v1/programmes/PKH/cycles", token("dinsos.verifier"),
                JSON.writeValueAsString(stage("2024", "UJI-K", "2024-01-01", "2024-03-31"))).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/programmes/BANSOS_X/cycles", token("dinsos.operator")).status()).isEqualTo(404);

        assertThat(jdbc.sql("SELECT count(*) FROM benefit_cycle").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM benefit_cycle_gap g JOIN benefit_cycle c ON c.id = g.cycle_id "
                + "WHERE c.label LIKE 'UJI-%' AND c.year = 2024").query(Long.class).single()).isZero();
    }

    private static Map<String, Object> stage(String year, String label, String start, String end) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("year", Integer.parseInt(year));
        stage.put("label", label);
        stage.put("kind", "TAHAP");
        stage.put("periodStart", start);
        stage.put("periodEnd", end);
        stage.put("sp2dKpm", 100);
        stage.put("sp2dRupiah", 75_000_000);
        stage.put("realisedKpm", 90);
        stage.put("realisedRupiah", 67_500_000);
        return stage;
    }

    private ApiClient.Response post(Map<String, Object> stage) {
        return api.post("/api/v1/programmes/PKH/cycles", token("dinsos.operator"), JSON.writeValueAsString(stage));
    }

    private static JsonNode cycle(JsonNode report, int year, String label) {
        for (JsonNode cycle : report.path("cycles")) {
            if (cycle.path("year").asInt() == year && cycle.path("label").asString().equals(label)) {
                return cycle;
            }
        }
        throw new AssertionError("no stage " + label + " of " + year);
    }
}
