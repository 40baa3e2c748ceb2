package org.kesra.household.search;

import org.kesra.household.registry.RegistryApiIntegrationBase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import tools.jackson.databind.JsonNode;

/** Search by NIK, KK, name variants and region; the region scope is in the query; pages are stable. */
class SearchIT extends RegistryApiIntegrationBase {

    @Test
    void findsAPersonByNikAndAHouseholdByKk() {
        Map<String, Object> family = family(MULYOJATI);
        JsonNode household = registered(KELURAHAN_OPERATOR, family);
        String nik = member(household, "SUPARMAN").path("nik").asString();

        JsonNode persons = read("/api/v1/persons?nik=" + nik, KELURAHAN_OPERATOR).body();
        assertThat(persons.path("totalItems").asInt()).isEqualTo(1);
        assertThat(persons.path("items").get(0).path("name").asString()).isEqualTo("SUPARMAN");

        JsonNode households = api.get("/api/v1/households?kk=" + family.get("kkNumber"), token(KELURAHAN_OPERATOR)).body();
        assertThat(households.path("totalItems").asInt()).isEqualTo(1);
        assertThat(households.path("items").get(0).path("headName").asString()).isEqualTo("SUPARMAN");
        assertThat(households.path("items").get(0).path("livingMembers").asInt()).isEqualTo(3);
    }

    @Test
    void findsNamesAcrossSpellingAndSpacingVariants() {
        String marker = "Kusumawardani";
        registered(KELURAHAN_OPERATOR, household(MULYOJATI, List.of(
                person("Soekarno Djojo " + marker, LocalDate.of(1950, 6, 6), "L", "KEPALA_KELUARGA"),
                person("Nurhasanah " + marker, LocalDate.of(1955, 7, 7), "P", "ISTRI"),
                person("Muhammad Jusuf " + marker, LocalDate.of(1980, 1, 9), "L", "ANAK"))));

        assertThat(names("Sukarno Joyo " + marker)).contains("SOEKARNO DJOJO " + marker.toUpperCase());
        assertThat(names("Nur Hasanah " + marker)).contains("NURHASANAH " + marker.toUpperCase());
        assertThat(names("Moh. Yusuf " + marker)).contains("MUHAMMAD JUSUF " + marker.toUpperCase());
        assertThat(names("Nurhasana " + marker)).as("a missing letter").contains("NURHASANAH " + marker.toUpperCase());
    }

    @Test
    void aKelurahanOperatorSeesOnlyTheirKelurahanAndCityStaffSeeAll() {
        String marker = "Wiryosentono";
        registered(KELURAHAN_OPERATOR, household(MULYOJATI, List.of(
                person("Ahmad " + marker, LocalDate.of(1970, 1, 1), "L", "KEPALA_KELUARGA"))));
        registered("rejomulyo.operator", household(REJOMULYO, List.of(
                person("Budi " + marker, LocalDate.of(1971, 1, 1), "L", "KEPALA_KELUARGA"))));

        assertThat(names(marker, KELURAHAN_OPERATOR)).containsExactly("AHMAD " + marker.toUpperCase());
        assertThat(names(marker, "rejomulyo.operator")).containsExactly("BUDI " + marker.toUpperCase());
        assertThat(names(marker, "dinsos.operator")).hasSize(2);
        ApiClient.Response other = api.get("/api/v1/households?kelurahan=" + REJOMULYO, token(KELURAHAN_OPERATOR));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body().path("code").asString()).isEqualTo("HH-DI-LUAR-WILAYAH");
    }

    @Test
    void listsMaskTheNikForRolesThatDoNotNeedIt() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        String nik = member(household, "BAYU SAPUTRA").path("nik").asString();

        JsonNode monitor = read("/api/v1/persons?household=" + household.path("id").asString(),
                "disnakertrans.monitor").body();
        assertThat(monitor.path("items").findValuesAsString("nik")).allMatch(n -> n.contains("******"));
        JsonNode operator = read("/api/v1/persons?household=" + household.path("id").asString(),
                KELURAHAN_OPERATOR).body();
        assertThat(operator.path("items").findValuesAsString("nik")).contains(nik);
    }

    @Test
    void pagesAreStableAndComplete() {
        String marker = "Pranotocaroko";
        for (int i = 0; i < 5; i++) {
            registered(KELURAHAN_OPERATOR, household(MULYOJATI, List.of(
                    person("Anggota " + marker, LocalDate.of(1960 + i, 1, 1), "L", "KEPALA_KELUARGA"))));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int page = 0; page < 3; page++) {
            JsonNode body = read("/api/v1/persons?name=" + marker + "&size=2&page=" + page,
                    KELURAHAN_OPERATOR).body();
            assertThat(body.path("totalItems").asInt()).isEqualTo(5);
            assertThat(body.path("totalPages").asInt()).isEqualTo(3);
            body.path("items").forEach(item -> seen.add(item.path("id").asString()));
        }
        assertThat(seen).hasSize(5);
    }

    @Test
    void refusesMalformedSearchParameters() {
        ApiClient.Response badNik = api.get("/api/v1/persons?nik=12345", token(KELURAHAN_OPERATOR));
        assertThat(badNik.status()).isEqualTo(400);
        assertThat(badNik.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/nik");

        ApiClient.Response badSize = api.get("/api/v1/persons?size=1000", token(KELURAHAN_OPERATOR));
        assertThat(badSize.status()).isEqualTo(400);
        ApiClient.Response badDate = api.get("/api/v1/persons?birthDate=kemarin", token(KELURAHAN_OPERATOR));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.contentType()).startsWith("application/problem+json");
    }

    private List<String> names(String query) {
        return names(query, KELURAHAN_OPERATOR);
    }

    private List<String> names(String query, String user) {
        JsonNode body = read("/api/v1/persons?name=" + java.net.URLEncoder.encode(query,
                java.nio.charset.StandardCharsets.UTF_8), user).body();
        return body.path("items").findValuesAsString("name");
    }
}
