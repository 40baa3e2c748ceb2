package org.kesra.household.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.household.registry.RegistryApiIntegrationBase;
import tools.jackson.databind.JsonNode;

/**
 * POST /api/v1/persons/search and /api/v1/households/search: the GET lists' filters in the body (no NIK, KK or name
 * in a URL), with the same region scope, masking, paging, refusals and personal-data access log.
 */
class SearchByBodyIT extends RegistryApiIntegrationBase {

    @Test
    void findsAPersonByNikAndAHouseholdByKkWithTheTermsInTheBody() {
        Map<String, Object> family = family(MULYOJATI);
        JsonNode household = registered(KELURAHAN_OPERATOR, family);
        String nik = member(household, "SUPARMAN").path("nik").asString();

        ApiClient.Response persons = search("/api/v1/persons/search", KELURAHAN_OPERATOR, Map.of("nik", nik));
        assertThat(persons.status()).as(persons.text()).isEqualTo(200);
        assertThat(persons.body().path("items").findValuesAsString("name")).containsExactly("SUPARMAN");

        ApiClient.Response households = search("/api/v1/households/search", KELURAHAN_OPERATOR,
                Map.of("kk", family.get("kkNumber")));
        assertThat(households.status()).as(households.text()).isEqualTo(200);
        assertThat(households.body().path("items").get(0).path("headName").asString()).isEqualTo("SUPARMAN");
        assertThat(households.body().path("items").get(0).path("livingMembers").asInt()).isEqualTo(3);
    }

    @Test
    void logsTheNiksAFullReaderSeesAndRefusesThemWithoutPurpose() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        String nik = member(household, "BAYU SAPUTRA").path("nik").asString();

        ApiClient.Response refused = api.send("POST", "/api/v1/persons/search", token("dinsos.verifier"),
                write(Map.of("nik", nik)), Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("code").asString()).isEqualTo("HH-TUJUAN-WAJIB");

        assertThat(search("/api/v1/persons/search", "dinsos.verifier", Map.of("nik", nik)).status()).isEqualTo(200);
        ApiClient.Response log = api.send("POST", "/api/v1/personal-data-access/search", token("inspektorat.auditor"),
                write(Map.of("nik", nik, "actor", "dinsos.verifier", "size", 100)), Map.of());
        assertThat(log.status()).as(log.text()).isEqualTo(200);
        assertThat(log.body().path("items").findValuesAsString("endpoint"))
                .containsExactly("POST /api/v1/persons/search");
        assertThat(log.body().path("items").findValuesAsString("purpose")).containsOnly(PURPOSE);
    }

    @Test
    void masksNiksAndKeepsTheRegionScope() {
        String marker = "Tjokrosuharto";
        JsonNode household = registered(KELURAHAN_OPERATOR, household(MULYOJATI, List.of(
                person("Ahmad " + marker, LocalDate.of(1970, 1, 1), "L", "KEPALA_KELUARGA"))));
        registered("rejomulyo.operator", household(REJOMULYO, List.of(
                person("Budi " + marker, LocalDate.of(1971, 1, 1), "L", "KEPALA_KELUARGA"))));

        JsonNode mine = search("/api/v1/persons/search", KELURAHAN_OPERATOR, Map.of("name", marker)).body();
        assertThat(mine.path("items").findValuesAsString("name")).containsExactly("AHMAD " + marker.toUpperCase());
        assertThat(search("/api/v1/persons/search", "dinsos.operator", Map.of("name", marker)).body()
                .path("items").findValuesAsString("name")).hasSize(2);

        JsonNode monitor = search("/api/v1/persons/search", "disnakertrans.monitor",
                Map.of("household", household.path("id").asString())).body();
        assertThat(monitor.path("items").findValuesAsString("nik")).isNotEmpty()
                .allMatch(n -> n.contains("******"));

        for (String path : List.of("/api/v1/persons/search", "/api/v1/households/search")) {
            ApiClient.Response outside = search(path, KELURAHAN_OPERATOR, Map.of("kelurahan", REJOMULYO));
            assertThat(outside.status()).as(path).isEqualTo(403);
            assertThat(outside.body().path("code").asString()).isEqualTo("HH-DI-LUAR-WILAYAH");
        }
    }

    @Test
    void pagesByTheCursorInTheBody() {
        String marker = "Hadiwidjojo";
        for (int i = 0; i < 5; i++) {
            registered(KELURAHAN_OPERATOR, household(MULYOJATI, List.of(
                    person("Anggota " + marker, LocalDate.of(1960 + i, 1, 1), "L", "KEPALA_KELUARGA"))));
        }
        Set<String> seen = new HashSet<>();
        String cursor = "";
        for (int page = 0; page < 3; page++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", marker);
            body.put("size", 2);
            body.put("cursor", cursor);
            JsonNode answer = search("/api/v1/persons/search", KELURAHAN_OPERATOR, body).body();
            answer.path("items").forEach(item -> seen.add(item.path("id").asString()));
            cursor = answer.path("nextCursor").isNull() ? null : answer.path("nextCursor").asString();
            if (cursor == null) {
                break;
            }
        }
        assertThat(seen).hasSize(5);
        assertThat(cursor).as("the third page is the last").isNull();
    }

    @Test
    void refusesMalformedTermsWithPointersIntoTheBody() {
        ApiClient.Response badNik = search("/api/v1/persons/search", KELURAHAN_OPERATOR, Map.of("nik", "12345"));
        assertThat(badNik.status()).isEqualTo(400);
        assertThat(badNik.contentType()).startsWith("application/problem+json");
        assertThat(badNik.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/nik");

        ApiClient.Response badKk = search("/api/v1/households/search", KELURAHAN_OPERATOR, Map.of("kk", "12"));
        assertThat(badKk.status()).isEqualTo(400);
        assertThat(badKk.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/kk");

        ApiClient.Response badSize = search("/api/v1/persons/search", KELURAHAN_OPERATOR, Map.of("size", 1000));
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/size");

        ApiClient.Response badDate = search("/api/v1/persons/search", KELURAHAN_OPERATOR,
                Map.of("birthDate", "kemarin"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.contentType()).startsWith("application/problem+json");
    }

    private ApiClient.Response search(String path, String user, Map<String, ?> body) {
        return api.send("POST", path, token(user), write(body), Map.of("X-Purpose", PURPOSE));
    }
}
