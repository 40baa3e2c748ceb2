package org.kesra.welfare.musyawarah;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.devinfra.ApiClient;
import org.kesra.welfare.WelfareApiIntegrationBase;
import tools.jackson.databind.JsonNode;

class MusyawarahIT extends WelfareApiIntegrationBase {

    static final String MULYOJATI = "18.72.03.1001";
    static final String REJOMULYO = "18.72.05.1001";

    @Test
    void aKelurahanProposesADinsosApproverDecidesAndAnAcceptedRemovalEndsTheEnrolment() {
        HouseholdRegistered card = household.registerFamily(MULYOJATI);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM resident WHERE household_id = ?")
                .param(card.householdId()).query(Long.class).single() == 3);
        String head = card.members().get(0).nik();
        String enrolment = enrol("dinsos.operator", "SEMBAKO", head, "2025-01-01", null).body().path("id").asString();
        LocalDate meeting = LocalDate.now().minusDays(5);

        ApiClient.Response proposed = propose("mulyojati.operator", proposal(MULYOJATI, "HAPUS", head, "MAMPU", meeting));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        assertThat(proposed.body().path("status").asString()).isEqualTo("DIUSULKAN");
        String id = proposed.body().path("id").asString();

        ApiClient.Response outside = propose("mulyojati.operator", proposal(REJOMULYO, "HAPUS", head, "MAMPU", meeting));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.body().path("code").asString()).isEqualTo("WF-DI-LUAR-WILAYAH");
        assertThat(api.get("/api/v1/musyawarah-proposals?size=200", token("rejomulyo.operator")).body().path("items")
                .findValuesAsString("id")).as("another kelurahan does not see it").doesNotContain(id);
        assertThat(api.get("/api/v1/musyawarah-proposals?size=200", token("metrobarat.operator")).body().path("items")
                .findValuesAsString("id")).as("its kecamatan does").contains(id);

        String decision = "/api/v1/musyawarah-proposals/" + id + "/decision";
        assertThat(api.post(decision, token("mulyojati.operator"), "{\"decision\":\"DISETUJUI\",\"reason\":\"x\"}")
                .status()).isEqualTo(403);
        assertProblem(api.post(decision, token("dinsos.verifier"), "{\"decision\":\"DISETUJUI\"}"), 422, "/reason",
                "Alasan");
        ApiClient.Response accepted = api.post(decision, token("dinsos.verifier"),
                "{\"decision\":\"DISETUJUI\",\"reason\":\"survei lapangan: usaha keluarga berkembang\"}");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().path("decidedBy").asString()).isEqualTo("dinsos.verifier");
        JsonNode ended = api.get("/api/v1/enrolments/" + enrolment, token("dinsos.operator")).body();
        assertThat(ended.path("status").asString()).isEqualTo("BERAKHIR");
        assertThat(ended.path("periodEnd").asString()).isEqualTo(meeting.toString());
        assertThat(ended.path("endReason").asString()).isEqualTo("MUSYAWARAH_MAMPU");
        assertThat(api.post(decision, token("dinsos.admin"), "{\"decision\":\"DITOLAK\",\"reason\":\"x\"}").status())
                .isEqualTo(409);
    }

    @Test
    void nobodyDecidesTheirOwnProposalAndBadProposalsAreRefused() {
        HouseholdRegistered card = household.registerFamily(MULYOJATI);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM resident WHERE household_id = ?")
                .param(card.householdId()).query(Long.class).single() == 3);
        String wife = card.members().get(1).nik();
        LocalDate meeting = LocalDate.now().minusDays(1);
        long before = jdbc.sql("SELECT count(*) FROM musyawarah_proposal").query(Long.class).single();
        assertProblem(propose("dinsos.admin", proposal(MULYOJATI, "TAMBAH", wife, "MAMPU", meeting)), 422, "/reason",
                "LAYAK");
        assertProblem(propose("dinsos.admin", proposal(MULYOJATI, "HAPUS", "1872034101990001", "PINDAH", meeting)), 422,
                "/nik", "tidak ditemukan");
        assertProblem(propose("dinsos.admin", proposal(MULYOJATI, "TAMBAH", wife, "LAYAK", LocalDate.now().plusDays(3))),
                422, "/meetingDate", "masa depan");
        assertThat(propose("bappeda.planner", proposal(MULYOJATI, "TAMBAH", wife, "LAYAK", meeting)).status())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM musyawarah_proposal").query(Long.class).single()).isEqualTo(before);

        String id = propose("dinsos.admin", proposal(MULYOJATI, "TAMBAH", wife, "LAYAK", meeting)).body().path("id")
                .asString();
        ApiClient.Response own = api.post("/api/v1/musyawarah-proposals/" + id + "/decision", token("dinsos.admin"),
                "{\"decision\":\"DISETUJUI\",\"reason\":\"layak\"}");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.body().path("code").asString()).isEqualTo("WF-EMPAT-MATA");
        assertThat(api.post("/api/v1/musyawarah-proposals/" + id + "/decision", token("dinsos.verifier"),
                "{\"decision\":\"DITOLAK\",\"reason\":\"desil 7\"}").body().path("status").asString()).isEqualTo("DITOLAK");
    }

    private ApiClient.Response propose(String user, Map<String, Object> body) {
        return api.post("/api/v1/musyawarah-proposals", token(user), JSON.writeValueAsString(body));
    }

    private static Map<String, Object> proposal(String kelurahan, String kind, String nik, String reason,
                                                LocalDate meeting) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kelurahanCode", kelurahan);
        body.put("programme", "SEMBAKO");
        body.put("kind", kind);
        body.put("nik", nik);
        body.put("reason", reason);
        body.put("meetingDate", meeting.toString());
        body.put("note", "Berita acara musyawarah kelurahan");
        return body;
    }
}
