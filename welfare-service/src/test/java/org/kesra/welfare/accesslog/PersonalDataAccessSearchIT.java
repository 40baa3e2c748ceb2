package org.kesra.welfare.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.devinfra.ApiClient;
import org.kesra.welfare.WelfareApiIntegrationBase;
import tools.jackson.databind.JsonNode;

/**
 * POST /api/v1/welfare/personal-data-access/search: welfare-service's log of its registers searched with the filters,
 * the NIK among them, in the body (a NIK in a URL would land in the gateway's and the service's request logs), with
 * the GET's role, masking and numbered pages; the GET no longer takes a NIK and says where it goes instead.
 */
class PersonalDataAccessSearchIT extends WelfareApiIntegrationBase {

    static final String SEARCH = "/api/v1/welfare/personal-data-access/search";
    static final String AUDITOR = "inspektorat.auditor";
    static final String VERIFIER = "dinsos.verifier";

    @Test
    void findsTheAnswersAboutOneNikMaskedNewestFirstAndNothingOfAnother() {
        String nik = unknownNik();
        String other = unknownNik();
        asked(nik, "cek pertama");
        asked(other, "cek lain");
        ApiClient.Response last = asked(nik, "cek kedua");

        ApiClient.Response found = search(AUDITOR, Map.of("nik", nik, "actor", VERIFIER));

        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(found.body().path("totalItems").asLong()).isEqualTo(2);
        assertThat(found.body().path("items").findValuesAsString("purpose")).containsExactly("cek kedua", "cek pertama");
        JsonNode newest = found.body().path("items").get(0);
        assertThat(newest.path("endpoint").asString()).isEqualTo("GET /api/v1/eligibility/{nik}");
        assertThat(newest.path("status").asInt()).isEqualTo(404);
        assertThat(newest.path("requestId").asString()).isEqualTo(last.header("X-Request-Id"));
        assertThat(newest.path("niks").get(0).asString()).as("the auditor reads the log masked")
                .isEqualTo(nik.substring(0, 6) + "******" + nik.substring(12));
        assertThat(found.text()).doesNotContain(nik);
        assertThat(search(AUDITOR, Map.of("nik", nik, "actor", "dinsos.admin")).body().path("totalItems").asLong())
                .as("both filters apply").isZero();

        assertThat(jdbc.sql("SELECT count(*) FROM personal_data_access WHERE endpoint LIKE '%personal-data-access%'")
                .query(Long.class).single()).as("reading the log, as with the GET, is not itself logged").isZero();
    }

    @Test
    void pagesByNumberAsTheGetDoes() {
        String nik = unknownNik();
        for (int i = 0; i < 3; i++) {
            asked(nik, "cek " + i);
        }
        Set<Long> seen = new HashSet<>();
        for (int page = 0; page < 2; page++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("nik", nik);
            body.put("page", page);
            body.put("size", 2);
            JsonNode answer = search(AUDITOR, body).body();
            assertThat(answer.path("page").asInt()).isEqualTo(page);
            assertThat(answer.path("totalItems").asLong()).isEqualTo(3);
            assertThat(answer.path("totalPages").asInt()).isEqualTo(2);
            assertThat(answer.path("items").size()).isEqualTo(page == 0 ? 2 : 1);
            answer.path("items").forEach(item -> seen.add(item.path("id").asLong()));
        }
        assertThat(seen).hasSize(3);
    }

    @Test
    void refusesMalformedFiltersWithPointersIntoTheBody() {
        assertProblem(search(AUDITOR, Map.of("nik", "18720")), 400, "/nik", "NIK harus 16 digit");
        assertProblem(search(AUDITOR, Map.of("size", 501)), 400, "/size", "1 sampai 500");
        assertProblem(search(AUDITOR, Map.of("page", -1)), 400, "/page", "mulai dari 0");
        ApiClient.Response notJson = api.send("POST", SEARCH, token(AUDITOR), "{\"nik\":", Map.of());
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theGetNoLongerTakesANikAndSaysWhereItGoes() {
        for (String path : List.of("/api/v1/welfare/personal-data-access", "/api/v1/personal-data-access")) {
            ApiClient.Response refused = api.get(path + "?nik=1872014101990001", token(AUDITOR));
            assertProblem(refused, 400, "/nik", "POST /api/v1/welfare/personal-data-access/search");
        }
        assertThat(api.get("/api/v1/welfare/personal-data-access?actor=" + VERIFIER, token(AUDITOR)).status())
                .as("the actor filter stays on the GET").isEqualTo(200);
    }

    @Test
    void onlyAuditorsMaySearchTheLog() {
        for (String user : List.of("dinsos.admin", VERIFIER, "dinsos.operator", "bappeda.planner")) {
            ApiClient.Response refused = search(user, Map.of("nik", "1872014101990001"));
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.send("POST", SEARCH, null, "{}", Map.of()).status()).isEqualTo(401);
    }

    /** welfare-service's other log, of the agencies' verification API, searched the same way. */
    @Test
    void theVerificationLogIsSearchedByNikInTheBodyToo() {
        HouseholdRegistered card = family();
        String nik = card.members().get(0).nik();
        String other = card.members().get(1).nik();
        for (String asked : List.of(nik, other, nik)) {
            assertThat(api.send("GET", "/api/v1/verifications/" + asked, agencyToken(), null, Map.of()).status())
                    .isEqualTo(200);
        }
        String verifications = "/api/v1/verifications/access-log/search";

        ApiClient.Response found = api.send("POST", verifications, token(AUDITOR),
                JSON.writeValueAsString(Map.of("nik", nik, "client", "agency-dukcapil", "size", 1)), Map.of());
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(found.body().findValuesAsString("nik")).as("one of the two, masked")
                .containsExactly(nik.substring(0, 6) + "******" + nik.substring(12));
        JsonNode second = api.send("POST", verifications, token(AUDITOR),
                JSON.writeValueAsString(Map.of("nik", nik, "page", 1, "size", 1)), Map.of()).body();
        assertThat(second.size()).isEqualTo(1);
        assertThat(second.get(0).path("id").asLong()).isNotEqualTo(found.body().get(0).path("id").asLong());

        assertProblem(api.send("POST", verifications, token(AUDITOR), "{\"nik\":\"18720\"}", Map.of()), 400, "/nik",
                "NIK harus 16 digit");
        assertProblem(api.get("/api/v1/verifications/access-log?nik=" + nik, token(AUDITOR)), 400, "/nik",
                "POST /api/v1/verifications/access-log/search");
        assertThat(api.send("POST", verifications, token("dinsos.admin"), "{}", Map.of()).status()).isEqualTo(403);
    }

    /** A NIK no household has: asking about it is logged (404) with the purpose, as any lookup by NIK is. */
    private static String unknownNik() {
        return "18720141019" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    }

    private ApiClient.Response asked(String nik, String purpose) {
        ApiClient.Response answer = api.send("GET", "/api/v1/eligibility/" + nik, token(VERIFIER), null,
                Map.of("X-Purpose", purpose));
        assertThat(answer.status()).as(answer.text()).isEqualTo(404);
        return answer;
    }

    private ApiClient.Response search(String user, Map<String, ?> body) {
        return api.send("POST", SEARCH, token(user), JSON.writeValueAsString(body), Map.of());
    }
}
