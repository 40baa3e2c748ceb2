package org.kesra.household.accesslog;

import org.kesra.household.registry.RegistryApiIntegrationBase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every answer that carries a full NIK is logged with who, when, which NIKs and the declared purpose, as are reads of
 * one record or history and refused attempts on a person; only auditors read the log (docs/personal-data.md).
 */
class PersonalDataAccessIT extends RegistryApiIntegrationBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void logsFullRecordReadsWithWhoAndPurpose() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        String householdId = household.path("id").asString();
        String personId = member(household, "BAYU SAPUTRA").path("id").asString();
        String auditor = token("inspektorat.auditor");

        ApiClient.Response read = api.send("GET", "/api/v1/persons/" + personId, token("dinsos.verifier"), null,
                Map.of("X-Purpose", "verifikasi calon KPM PKH"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read(path(household), KELURAHAN_OPERATOR).status()).isEqualTo(200);

        JsonNode personLog = log("person=" + personId, auditor);
        assertThat(personLog.path("totalItems").asLong()).isEqualTo(1);
        JsonNode entry = personLog.path("items").get(0);
        assertThat(entry.path("actor").asString()).isEqualTo("dinsos.verifier");
        assertThat(entry.path("endpoint").asString()).isEqualTo("GET /api/v1/persons/{id}");
        assertThat(entry.path("purpose").asString()).isEqualTo("verifikasi calon KPM PKH");
        assertThat(entry.path("requestId").asString()).isEqualTo(read.header("X-Request-Id"));
        assertThat(entry.path("accessedAt").asString()).isNotBlank();
        assertThat(entry.path("status").asInt()).isEqualTo(200);
        assertThat(strings(entry.path("niks"))).as("the auditor reads the log's NIKs masked")
                .containsExactly(masked(read.body().path("nik").asString()));

        JsonNode householdLog = log("household=" + householdId + "&actor=" + KELURAHAN_OPERATOR, auditor);
        JsonNode householdRead = householdLog.path("items").get(0);
        assertThat(householdRead.path("endpoint").asString()).isEqualTo("GET /api/v1/households/{id}");
        assertThat(householdRead.path("purpose").asString()).isEqualTo(PURPOSE);
        assertThat(strings(householdRead.path("niks"))).containsExactlyInAnyOrderElementsOf(
                household.path("members").findValuesAsString("nik").stream().map(PersonalDataAccessIT::masked).toList());

        assertThat(api.get("/api/v1/personal-data-access?person=" + personId, token("dinsos.admin")).status())
                .isEqualTo(403);
    }

    @Test
    void logsSearchesAndHistoriesThatShowFullNiks() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        String householdId = household.path("id").asString();
        JsonNode child = member(household, "BAYU SAPUTRA");
        String nik = child.path("nik").asString();
        String personId = child.path("id").asString();
        String verifier = "dinsos.verifier";

        assertThat(read("/api/v1/persons?household=" + householdId, verifier).status()).isEqualTo(200);
        assertThat(read("/api/v1/persons?nik=" + nik, verifier).status()).isEqualTo(200);
        assertThat(read("/api/v1/persons/" + personId + "/history", verifier).status()).isEqualTo(200);
        assertThat(read(path(household) + "/history", verifier).status()).isEqualTo(200);
        // A list of households carries KK numbers, no NIK: not a read of personal data by NIK.
        assertThat(api.get("/api/v1/households?kelurahan=" + MULYOJATI, token(verifier)).status()).isEqualTo(200);

        JsonNode log = logByNik(nik, verifier);
        // The household's own history holds the card's fields, no member NIK: found by household below, not by NIK.
        assertThat(log.path("items").findValuesAsString("endpoint")).containsExactlyInAnyOrder(
                "GET /api/v1/persons", "GET /api/v1/persons", "GET /api/v1/persons/{id}/history");
        assertThat(log.path("items").findValuesAsString("purpose")).containsOnly(PURPOSE);
        JsonNode byHousehold = log("household=" + householdId + "&actor=" + verifier, token("inspektorat.auditor"));
        assertThat(byHousehold.path("items").findValuesAsString("endpoint"))
                .contains("GET /api/v1/persons", "GET /api/v1/households/{id}/history");
    }

    @Test
    void aLoggedReadWithoutPurposeIsRefused() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        String personId = member(household, "SUPARMAN").path("id").asString();
        String nik = member(household, "SUPARMAN").path("nik").asString();

        for (String path : List.of("/api/v1/persons/" + personId, "/api/v1/persons/" + personId + "/history",
                path(household), path(household) + "/history", "/api/v1/persons?nik=" + nik,
                "/api/v1/persons?household=" + household.path("id").asString())) {
            ApiClient.Response refused = api.get(path, token(KELURAHAN_OPERATOR));
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("code").asString()).isEqualTo("HH-TUJUAN-WAJIB");
            assertThat(refused.body().path("detail").asString()).contains("X-Purpose");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM personal_data_access WHERE ? = ANY(niks) AND endpoint LIKE 'GET %'")
                .param(nik).query(Long.class).single()).as("no read happened, only the registration").isZero();
        // A masked reader's list shows no full NIK: no purpose needed.
        assertThat(api.get("/api/v1/persons?household=" + household.path("id").asString(),
                token("disnakertrans.monitor")).status()).isEqualTo(200);
    }

    @Test
    void logsRefusedAttemptsOnAPerson() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        String personId = member(household, "SUPARMAN").path("id").asString();

        // Outside the caller's region: the person is not found for them.
        assertThat(read("/api/v1/persons/" + personId, "rejomulyo.operator").status()).isEqualTo(404);
        // A role the access table refuses outright.
        assertThat(read("/api/v1/persons/" + personId + "/history", "bappeda.planner").status()).isEqualTo(403);

        JsonNode log = log("person=" + personId, token("inspektorat.auditor"));
        assertThat(log.path("totalItems").asLong()).isEqualTo(2);
        JsonNode planner = log.path("items").get(0);
        assertThat(planner.path("actor").asString()).isEqualTo("bappeda.planner");
        assertThat(planner.path("status").asInt()).isEqualTo(403);
        assertThat(planner.path("endpoint").asString()).isEqualTo("GET /api/v1/persons/{id}/history");
        assertThat(strings(planner.path("niks"))).isEmpty();
        JsonNode outside = log.path("items").get(1);
        assertThat(outside.path("actor").asString()).isEqualTo("rejomulyo.operator");
        assertThat(outside.path("status").asInt()).isEqualTo(404);
        assertThat(outside.path("purpose").asString()).isEqualTo(PURPOSE);
    }

    @Test
    void aRegistrationRefusedBecauseTheNikLivesElsewhereIsLoggedAsAnAccessToIt() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        String nik = member(household, "SITI AMINAH").path("nik").asString();
        Map<String, Object> head = person("Joko Susilo", LocalDate.of(1975, 2, 2), "L", "KEPALA_KELUARGA");
        Map<String, Object> wife = person("Siti Aminah", LocalDate.of(1985, 8, 20), "P", "ISTRI");
        wife.put("nik", nik);
        Map<String, Object> elsewhere = household(REJOMULYO, List.of(head, wife));

        ApiClient.Response refused = register("rejomulyo.operator", elsewhere);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("code").asString()).isEqualTo("HH-NIK-TERDAFTAR");
        JsonNode log = logByNik(nik, "rejomulyo.operator");
        assertThat(log.path("totalItems").asLong()).isEqualTo(1);
        assertThat(log.path("items").get(0).path("status").asInt()).isEqualTo(409);
        assertThat(log.path("items").get(0).path("endpoint").asString()).isEqualTo("POST /api/v1/households");
        assertThat(jdbc.sql("SELECT count(*) FROM household WHERE kk_number = ?").param(elsewhere.get("kkNumber"))
                .query(Long.class).single()).as("nothing of the refused card is written").isZero();
    }

    @Test
    void searchesThatWouldUnmaskANikAreOnlyForFullReaders() {
        Map<String, Object> family = family(MULYOJATI);
        JsonNode household = registered(KELURAHAN_OPERATOR, family);
        String nik = member(household, "SUPARMAN").path("nik").asString();

        for (String user : List.of("inspektorat.auditor", "disnakertrans.monitor")) {
            for (String path : List.of("/api/v1/persons?nik=" + nik, "/api/v1/persons?birthDate=1980-05-12",
                    "/api/v1/households?kk=" + family.get("kkNumber"))) {
                ApiClient.Response refused = read(path, user);
                assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.body().path("code").asString()).isEqualTo("HH-FILTER-TIDAK-DIIZINKAN");
            }
        }
        assertThat(read("/api/v1/persons?nik=" + nik, "dinsos.verifier").body().path("totalItems").asInt())
                .isEqualTo(1);
    }

    @Test
    void theLogCannotBeChangedEvenFromInsideTheDatabase() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        read(path(household), KELURAHAN_OPERATOR);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM personal_data_access").update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("UPDATE personal_data_access SET actor = 'x'").update())
                .hasMessageContaining("append-only");
    }

    private static String masked(String nik) {
        return nik.substring(0, 6) + "******" + nik.substring(12);
    }

    private static String path(JsonNode household) {
        return "/api/v1/households/" + household.path("id").asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    /** A NIK filter goes in the body of the log's search, never in its URL. */
    private JsonNode logByNik(String nik, String actor) {
        ApiClient.Response response = api.send("POST", "/api/v1/personal-data-access/search",
                token("inspektorat.auditor"), write(Map.of("nik", nik, "actor", actor, "size", 100)), Map.of());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    private JsonNode log(String query, String token) {
        ApiClient.Response response = api.get("/api/v1/personal-data-access?" + query + "&size=100", token);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }
}
