package org.kesra.welfare.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.devinfra.ApiClient;
import org.kesra.welfare.WelfareApiIntegrationBase;
import tools.jackson.databind.JsonNode;

/**
 * welfare-service logs every staff answer that carries a full NIK (who, when, endpoint, which NIKs, purpose), like
 * household-service; answers with masked NIKs are not logged; the lookup by NIK answers only full-NIK readers, with a
 * purpose, and logs the unknown NIKs it was asked about; auditors read the log with the NIKs masked.
 */
class PersonalDataAccessIT extends WelfareApiIntegrationBase {

    static final Map<String, String> PURPOSE = Map.of("X-Purpose", "verifikasi calon KPM");

    @Test
    void logsEveryAnswerThatShowsAFullNikAndNoneThatShowsItMasked() {
        HouseholdRegistered card = family();
        String nik = card.members().get(0).nik();
        ApiClient.Response enrolled = enrol("dinsos.operator", "PKH", nik, "2024-01-01", "2024-12-31");
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        String id = enrolled.body().path("id").asString();

        ApiClient.Response one = api.send("GET", "/api/v1/enrolments/" + id, token("dinsos.verifier"), null, PURPOSE);
        assertThat(one.body().path("nik").asString()).isEqualTo(nik);
        ApiClient.Response list = api.get("/api/v1/enrolments?programme=PKH&kelurahan=" + METRO_PUSAT_KELURAHAN
                + "&size=200", token("dinsos.admin"));
        assertThat(list.status()).isEqualTo(200);
        // Masked for planners and auditors: no full NIK shown, nothing to log.
        assertThat(api.get("/api/v1/enrolments/" + id, token("bappeda.planner")).body().path("nik").asString())
                .contains("******");

        JsonNode log = logByNik(nik);
        List<String> actors = log.path("items").findValuesAsString("actor");
        assertThat(actors).contains("dinsos.operator", "dinsos.verifier").doesNotContain("bappeda.planner");
        JsonNode read = entry(log, "dinsos.verifier");
        assertThat(read.path("endpoint").asString()).isEqualTo("GET /api/v1/enrolments/{id}");
        assertThat(read.path("purpose").asString()).isEqualTo("verifikasi calon KPM");
        assertThat(read.path("requestId").asString()).isEqualTo(one.header("X-Request-Id"));
        assertThat(read.path("status").asInt()).isEqualTo(200);
        assertThat(read.path("niks").get(0).asString()).as("the auditor reads the log masked")
                .isEqualTo(nik.substring(0, 6) + "******" + nik.substring(12));
        assertThat(entry(log, "dinsos.operator").path("endpoint").asString()).isEqualTo("POST /api/v1/enrolments");
        if (list.body().path("items").findValuesAsString("nik").contains(nik)) {
            assertThat(entry(log, "dinsos.admin").path("endpoint").asString()).isEqualTo("GET /api/v1/enrolments");
        }

        assertThat(api.get("/api/v1/personal-data-access?actor=dinsos.verifier", token("dinsos.admin")).status())
                .isEqualTo(403);
        // the same log under the path the gateway routes to welfare-service (the bare one reaches household-service)
        ApiClient.Response routed = api.get("/api/v1/welfare/personal-data-access?actor=dinsos.verifier&size=100",
                token("inspektorat.auditor"));
        assertThat(routed.status()).as(routed.text()).isEqualTo(200);
        assertThat(routed.body().path("items").findValuesAsString("actor")).isNotEmpty().containsOnly("dinsos.verifier");
        assertThat(api.get("/api/v1/welfare/personal-data-access", token("dinsos.admin")).status()).isEqualTo(403);
        ApiClient.Response shortNik = search("inspektorat.auditor", Map.of("nik", "18720"));
        assertProblem(shortNik, 400, "/nik", "NIK harus 16 digit");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM personal_data_access").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void theEligibilityLookupAnswersOnlyFullNikReadersWithAPurposeAndLogsUnknownNiks() {
        HouseholdRegistered card = family();
        String nik = card.members().get(1).nik();

        for (String user : List.of("inspektorat.auditor", "bappeda.planner")) {
            ApiClient.Response refused = api.send("GET", "/api/v1/eligibility/" + nik, token(user), null, PURPOSE);
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        ApiClient.Response noPurpose = api.send("GET", "/api/v1/eligibility/" + nik, token("dinsos.verifier"), null,
                Map.of());
        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.body().path("code").asString()).isEqualTo("WF-TUJUAN-WAJIB");

        assertThat(api.send("GET", "/api/v1/eligibility/" + nik, token("dinsos.verifier"), null, PURPOSE).status())
                .isEqualTo(200);
        String unknown = "1872014101990" + String.format("%03d", (int) (System.nanoTime() % 1000)) ;
        assertThat(api.send("GET", "/api/v1/eligibility/" + unknown, token("dinsos.verifier"), null, PURPOSE)
                .status()).isEqualTo(404);

        JsonNode asked = entry(logByNik(nik), "dinsos.verifier");
        assertThat(asked.path("endpoint").asString()).isEqualTo("GET /api/v1/eligibility/{nik}");
        assertThat(asked.path("status").asInt()).isEqualTo(200);
        JsonNode missing = entry(logByNik(unknown), "dinsos.verifier");
        assertThat(missing.path("status").asInt()).isEqualTo(404);
        assertThat(missing.path("purpose").asString()).isEqualTo("verifikasi calon KPM");
    }

    @Test
    void everyReadThatShowsFullNiksNeedsAPurposeBeforeAnythingIsReadAndMaskedReadsDoNot() {
        String unknown = "00000000-0000-0000-0000-000000000000";
        Map<String, String> fullNikReads = new java.util.LinkedHashMap<>();
        for (String path : List.of("/api/v1/enrolments", "/api/v1/enrolments/" + unknown, "/api/v1/enrolment-reviews",
                "/api/v1/ppks", "/api/v1/ppks/" + unknown, "/api/v1/psks",
                "/api/v1/programmes/PKH/cycles/2016/TAHAP-1/payments", "/api/v1/verivali/" + unknown + "/rows",
                "/api/v1/verivali/" + unknown + "/export.csv", "/api/v1/eligibility/1872014101990001")) {
            fullNikReads.put(path, "dinsos.verifier");
        }
        fullNikReads.put("/api/v1/musyawarah-proposals", "rejomulyo.operator");
        fullNikReads.forEach((path, user) -> {
            ApiClient.Response refused = api.send("GET", path, token(user), null, Map.of());
            assertThat(refused.status()).as(path + " as " + user + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("code").asString()).isEqualTo("WF-TUJUAN-WAJIB");
            assertThat(refused.body().path("detail").asString()).contains("X-Purpose");
        });

        // Readers who see the NIKs masked declare nothing: their answers carry no full NIK.
        assertThat(api.send("GET", "/api/v1/enrolments", token("bappeda.planner"), null, Map.of()).status())
                .isEqualTo(200);
        assertThat(api.send("GET", "/api/v1/musyawarah-proposals", token("inspektorat.auditor"), null, Map.of())
                .status()).isEqualTo(200);
    }

    @Test
    void anAuditorReadsMusyawarahProposalsAndTheVerificationLogWithMaskedNiks() {
        HouseholdRegistered card = family();
        String nik = card.members().get(2).nik();
        api.send("GET", "/api/v1/verifications/" + nik, agencyToken(), null, Map.of());

        JsonNode verifications = api.send("POST", "/api/v1/verifications/access-log/search",
                token("inspektorat.auditor"), JSON.writeValueAsString(Map.of("nik", nik)), Map.of()).body();
        assertThat(verifications.findValuesAsString("nik")).isNotEmpty()
                .containsOnly(nik.substring(0, 6) + "******" + nik.substring(12));
        JsonNode proposals = api.get("/api/v1/musyawarah-proposals?size=200", token("inspektorat.auditor")).body();
        assertThat(proposals.path("items").findValuesAsString("nik")).allMatch(n -> n == null || n.contains("******"));
    }

    /** A NIK filter goes in the body of the log's search, never in its URL. */
    private JsonNode logByNik(String nik) {
        ApiClient.Response response = search("inspektorat.auditor", Map.of("nik", nik, "size", 100));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    private ApiClient.Response search(String user, Map<String, ?> body) {
        return api.send("POST", "/api/v1/welfare/personal-data-access/search", token(user),
                JSON.writeValueAsString(body), Map.of());
    }

    private static JsonNode entry(JsonNode log, String actor) {
        List<JsonNode> matching = new ArrayList<>();
        log.path("items").forEach(item -> {
            if (item.path("actor").asString().equals(actor)) {
                matching.add(item);
            }
        });
        assertThat(matching).as("log entries by " + actor + " in " + log).isNotEmpty();
        return matching.get(0);
    }
}
