package org.kesra.household.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.household.registry.RegistryApiIntegrationBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * POST /api/v1/personal-data-access/search: the access log's filters, the NIK among them, in the body (a NIK in a URL
 * would land in the gateway's and the service's request logs), with the GET's roles, masking and numbered pages; the
 * GET no longer takes a NIK and says where it goes instead.
 */
class PersonalDataAccessSearchIT extends RegistryApiIntegrationBase {

    static final String AUDITOR = "inspektorat.auditor";
    static final String VERIFIER = "dinsos.verifier";

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsTheReadsOfOneNikMaskedNewestFirstAndNothingOfAnother() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        JsonNode child = member(household, "BAYU SAPUTRA");
        JsonNode head = member(household, "SUPARMAN");
        String nik = child.path("nik").asString();
        assertThat(read("/api/v1/persons/" + child.path("id").asString(), VERIFIER).status()).isEqualTo(200);
        ApiClient.Response last = read("/api/v1/persons/" + child.path("id").asString() + "/history", VERIFIER);
        assertThat(last.status()).isEqualTo(200);
        assertThat(read("/api/v1/persons/" + head.path("id").asString(), VERIFIER).status()).isEqualTo(200);

        ApiClient.Response found = search(AUDITOR, Map.of("nik", nik, "actor", VERIFIER));

        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(found.body().path("totalItems").asLong()).isEqualTo(2);
        JsonNode newest = found.body().path("items").get(0);
        assertThat(newest.path("endpoint").asString()).isEqualTo("GET /api/v1/persons/{id}/history");
        assertThat(newest.path("requestId").asString()).isEqualTo(last.header("X-Request-Id"));
        assertThat(newest.path("personId").asString()).isEqualTo(child.path("id").asString());
        assertThat(found.body().path("items").get(1).path("endpoint").asString()).isEqualTo("GET /api/v1/persons/{id}");
        assertThat(found.body().path("items").findValues("niks")).allSatisfy(niks -> assertThat(niks.get(0).asString())
                .as("the auditor reads the NIKs masked").isEqualTo(nik.substring(0, 6) + "******" + nik.substring(12)));
        assertThat(found.text()).doesNotContain(nik);

        assertThat(read("/api/v1/households/" + household.path("id").asString(), VERIFIER).status()).isEqualTo(200);
        JsonNode byHousehold = search(AUDITOR, Map.of("household", household.path("id").asString(), "actor",
                VERIFIER)).body();
        assertThat(byHousehold.path("items").findValuesAsString("endpoint"))
                .containsExactly("GET /api/v1/households/{id}");
        JsonNode byPerson = search(AUDITOR, Map.of("person", head.path("id").asString(), "actor", VERIFIER)).body();
        assertThat(byPerson.path("items").findValuesAsString("endpoint")).containsExactly("GET /api/v1/persons/{id}");

        assertThat(jdbc.sql("SELECT count(*) FROM personal_data_access WHERE endpoint LIKE '%personal-data-access%'")
                .query(Long.class).single()).as("reading the log, as with the GET, is not itself logged").isZero();
    }

    @Test
    void pagesByNumberAsTheGetDoes() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        JsonNode wife = member(household, "SITI AMINAH");
        for (int i = 0; i < 3; i++) {
            assertThat(read("/api/v1/persons/" + wife.path("id").asString(), VERIFIER).status()).isEqualTo(200);
        }
        Set<Long> seen = new HashSet<>();
        for (int page = 0; page < 2; page++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("nik", wife.path("nik").asString());
            body.put("actor", VERIFIER);
            body.put("page", page);
            body.put("size", 2);
            JsonNode answer = search(AUDITOR, body).body();
            assertThat(answer.path("page").asInt()).isEqualTo(page);
            assertThat(answer.path("size").asInt()).isEqualTo(2);
            assertThat(answer.path("totalItems").asLong()).isEqualTo(3);
            assertThat(answer.path("totalPages").asInt()).isEqualTo(2);
            assertThat(answer.path("items").size()).isEqualTo(page == 0 ? 2 : 1);
            answer.path("items").forEach(item -> seen.add(item.path("id").asLong()));
        }
        assertThat(seen).hasSize(3);
    }

    @Test
    void refusesMalformedFiltersWithPointersIntoTheBody() {
        for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>>of(Map.entry("nik", "18720"),
                Map.entry("size", 501), Map.entry("page", -1), Map.entry("person", "bukan-id"))) {
            ApiClient.Response refused = search(AUDITOR, Map.of(bad.getKey(), bad.getValue()));
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("errors").get(0).path("pointer").asString()).as(bad.toString())
                    .isEqualTo("/" + bad.getKey());
        }
        ApiClient.Response shortNik = search(AUDITOR, Map.of("nik", "18720"));
        assertThat(shortNik.body().path("errors").get(0).path("detail").asString()).isEqualTo("NIK harus 16 digit");
    }

    @Test
    void theGetNoLongerTakesANikAndSaysWhereItGoes() {
        ApiClient.Response refused = api.get("/api/v1/personal-data-access?nik=1872031203120001", token(AUDITOR));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/nik");
        assertThat(refused.body().path("errors").get(0).path("detail").asString())
                .contains("POST /api/v1/personal-data-access/search");
        assertThat(api.get("/api/v1/personal-data-access?actor=" + VERIFIER, token(AUDITOR)).status())
                .as("the other filters stay on the GET").isEqualTo(200);
    }

    @Test
    void onlyAuditorsMaySearchTheLog() {
        for (String user : List.of("dinsos.admin", VERIFIER, KELURAHAN_OPERATOR, "bappeda.planner")) {
            ApiClient.Response refused = search(user, Map.of("nik", "1872031203120001"));
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.send("POST", "/api/v1/personal-data-access/search", null, write(Map.of()), Map.of()).status())
                .isEqualTo(401);
    }

    private ApiClient.Response search(String user, Map<String, ?> body) {
        return api.send("POST", "/api/v1/personal-data-access/search", token(user), write(body), Map.of());
    }
}
