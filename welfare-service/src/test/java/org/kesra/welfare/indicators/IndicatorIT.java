package org.kesra.welfare.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.TopicReader;
import org.kesra.welfare.WelfareApiIntegrationBase;
import tools.jackson.databind.JsonNode;

class IndicatorIT extends WelfareApiIntegrationBase {

    /** Only this class uses Yosomulyo. */
    static final String YOSOMULYO = "18.72.01.1005";

    @Test
    void thePeriodsFiguresLeaveAsOneEventPerKelurahan() {
        HouseholdRegistered card = household.registerFamily(YOSOMULYO);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM resident WHERE household_id = ?")
                .param(card.householdId()).query(Long.class).single() == 3);
        LocalDate from = LocalDate.now().minusDays(30);
        LocalDate to = LocalDate.now();
        assertThat(enrol("dinsos.operator", "PKH", card.members().get(0).nik(), from.minusYears(1).toString(), null)
                .status()).isEqualTo(201);
        assertThat(enrol("dinsos.operator", "PPKS_LAYANAN", card.members().get(1).nik(), from.toString(), null)
                .status()).isEqualTo(201);
        String served = api.post("/api/v1/ppks", token("dinsos.operator"), JSON.writeValueAsString(Map.of(
                "nik", card.members().get(2).nik(), "name", "Bayu", "kelurahanCode", YOSOMULYO,
                "foundOn", from.plusDays(1).toString(), "foundAt", "Pasar Yosomulyo", "categories", List.of("AT"))))
                .body().path("id").asString();
        api.post("/api/v1/ppks/" + served + "/services", token("dinsos.operator"), JSON.writeValueAsString(Map.of(
                "servedOn", from.plusDays(2).toString(), "kind", "pendampingan", "provider", "TKSK Metro Pusat")));
        api.post("/api/v1/ppks", token("dinsos.operator"), JSON.writeValueAsString(Map.of(
                "nik", "1872011111110001", "name", "Tanpa Layanan", "kelurahanCode", YOSOMULYO,
                "foundOn", from.plusDays(3).toString(), "foundAt", "Terminal", "categories", List.of("GLD", "PGM"))));

        // A PKH round begun in the period, with the family's payment on its list.
        String label = "UJI-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        LocalDate roundStart = from.plusDays(1);
        Map<String, Object> round = new java.util.LinkedHashMap<>();
        round.put("year", roundStart.getYear());
        round.put("label", label);
        round.put("kind", "TAHAP");
        round.put("periodStart", roundStart.toString());
        round.put("periodEnd", roundStart.plusDays(5).toString());
        round.put("sp2dKpm", 1);
        round.put("sp2dRupiah", 750_000);
        assertThat(api.post("/api/v1/programmes/PKH/cycles", token("dinsos.operator"), JSON.writeValueAsString(round))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/programmes/PKH/cycles/" + roundStart.getYear() + "/" + label + "/payments",
                token("dinsos.operator"), JSON.writeValueAsString(Map.of("payments", List.of(Map.of(
                        "nik", card.members().get(1).nik(), "status", "DIBAYAR", "rupiah", 750_000))))).status())
                .as("a member's NIK names the enrolled family").isEqualTo(201);

        ApiClient.Response published = api.post("/api/v1/indicators/publication", token("dinsos.admin"),
                JSON.writeValueAsString(Map.of("periodFrom", from.toString(), "periodTo", to.toString())));
        assertThat(published.status()).as(published.text()).isEqualTo(201);
        assertThat(published.body().path("events").asInt()).isEqualTo(22);

        List<ConsumerRecord<String, byte[]>> onTheWire = TopicReader.read("welfare.events",
                r -> "welfare.kelurahan-indicators.published".equals(TopicReader.header(r, "ce_type"))
                        && YOSOMULYO.equals(r.key()) && new String(r.value(), StandardCharsets.UTF_8)
                        .contains("\"periodFrom\":\"" + from + "\""), 1, Duration.ofSeconds(30));
        assertThat(onTheWire).hasSize(1);
        assertThat(TopicReader.header(onTheWire.get(0), "ce_subject")).isEqualTo(YOSOMULYO);
        JsonNode figures = JSON.readTree(onTheWire.get(0).value());
        assertThat(figures.path("ppksTerdata").asLong()).isEqualTo(2);
        assertThat(figures.path("ppksDitangani").asLong()).isEqualTo(1);
        // Per Permensos category, in the categories' order; a case with two categories counts in both.
        List<String> categories = new java.util.ArrayList<>();
        figures.path("ppksCategories").forEach(c -> categories.add(c.path("category").asString() + " "
                + c.path("terdata").asLong() + "/" + c.path("ditangani").asLong()));
        assertThat(categories).containsExactly("AT 1/1", "GLD 1/0", "PGM 1/0");
        Map<String, JsonNode> programmes = new java.util.HashMap<>();
        figures.path("programmes").forEach(p -> programmes.put(p.path("programme").asString(), p));
        assertThat(programmes.get("PKH").path("kpm").asLong()).isEqualTo(1);
        assertThat(programmes.get("PKH").path("realisedRupiah").asLong()).isEqualTo(750_000);
        assertThat(programmes.get("PPKS_LAYANAN").path("kpm").asLong()).isEqualTo(1);
        assertThat(programmes.get("PPKS_LAYANAN").path("realisedRupiah").isNull())
                .as("no payment list recorded: not known, not zero").isTrue();
    }

    @Test
    void aPeriodNotYetOverOrUpsideDownIsRefused() {
        assertProblem(api.post("/api/v1/indicators/publication", token("dinsos.admin"), JSON.writeValueAsString(Map.of(
                "periodFrom", "2026-01-01", "periodTo", LocalDate.now().plusDays(1).toString()))), 422, "/periodTo",
                "belum berakhir");
        assertProblem(api.post("/api/v1/indicators/publication", token("dinsos.admin"), JSON.writeValueAsString(Map.of(
                "periodFrom", "2026-06-30", "periodTo", "2026-01-01"))), 422, "/periodTo", "sebelum awal");
        assertThat(api.post("/api/v1/indicators/publication", token("dinsos.operator"), JSON.writeValueAsString(Map.of(
                "periodFrom", "2026-01-01", "periodTo", "2026-03-31"))).status()).isEqualTo(403);
    }
}
