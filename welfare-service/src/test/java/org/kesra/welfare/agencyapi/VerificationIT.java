package org.kesra.welfare.agencyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.devinfra.ApiClient;
import org.kesra.welfare.WelfareApiIntegrationBase;
import tools.jackson.databind.JsonNode;

class VerificationIT extends WelfareApiIntegrationBase {

    @Test
    void anAgencyLearnsWhetherANikIsAnActiveBeneficiaryAndNothingElse() {
        HouseholdRegistered card = family();
        String head = card.members().get(0).nik();
        String child = card.members().get(2).nik();
        String since = LocalDate.now().minusMonths(2).toString();
        assertThat(enrol("dinsos.operator", "PKH", head, since, null).status()).isEqualTo(201);
        assertThat(enrol("dinsos.operator", "SEMBAKO", head, "2020-01-01", "2020-12-31").status()).isEqualTo(201);

        ApiClient.Response answer = verify(head, agencyToken(), Map.of("X-Purpose", "pemadanan data kependudukan"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(fieldNames(answer.body())).containsExactlyInAnyOrder("nik", "date", "programmes");
        JsonNode pkh = programme(answer.body(), "PKH");
        assertThat(fieldNames(pkh)).containsExactlyInAnyOrder("programme", "name", "activeBeneficiary", "since");
        assertThat(pkh.path("activeBeneficiary").asBoolean()).isTrue();
        assertThat(pkh.path("since").asString()).isEqualTo(since);
        assertThat(programme(answer.body(), "SEMBAKO").path("activeBeneficiary").asBoolean())
                .as("the 2020 enrolment is over").isFalse();
        assertThat(answer.text()).doesNotContain("SUPARMAN").doesNotContain(card.kkNumber());

        assertThat(programme(verify(child, agencyToken(), Map.of()).body(), "PKH").path("activeBeneficiary").asBoolean())
                .as("a member of an enrolled family").isTrue();
        JsonNode stranger = verify("1872015005900001", agencyToken(), Map.of()).body();
        assertThat(stranger.path("programmes").findValuesAsString("activeBeneficiary")).containsOnly("false");
    }

    @Test
    void onlyTheVerificationScopeGetsAnAnswer() {
        String nik = family().members().get(0).nik();
        assertThat(verify(nik, otherAgencyToken(), Map.of()).status()).isEqualTo(403);
        assertThat(verify(nik, token("dinsos.operator"), Map.of()).status()).isEqualTo(403);
        assertThat(verify(nik, null, Map.of()).status()).isEqualTo(401);
        ApiClient.Response malformed = verify("18720150059", agencyToken(), Map.of());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("code").asString()).isEqualTo("WF-NIK-TIDAK-VALID");
    }

    @Test
    void everyAnswerIsInTheAccessLogWhichAuditorsReadAndNobodyEdits() {
        HouseholdRegistered card = family();
        String nik = card.members().get(1).nik();
        verify(nik, agencyToken(), Map.of("X-Purpose", "verifikasi bantuan daerah", "X-Request-Id", "uji-akses-0001"));
        verify(nik, otherAgencyToken(), Map.of());
        verify(nik, agencyToken(), Map.of());

        ApiClient.Response log = api.send("POST", "/api/v1/verifications/access-log/search",
                token("inspektorat.auditor"), "{\"nik\":\"" + nik + "\"}", Map.of());
        assertThat(log.status()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        log.body().forEach(rows::add);
        assertThat(rows).as("the refused call read nothing and is not a personal-data access").hasSize(2);
        JsonNode first = rows.get(1);
        assertThat(first.path("clientId").asString()).isEqualTo("agency-dukcapil");
        assertThat(first.path("purpose").asString()).isEqualTo("verifikasi bantuan daerah");
        assertThat(first.path("requestId").asString()).isEqualTo("uji-akses-0001");
        assertThat(first.path("personId").asString()).isEqualTo(card.members().get(1).personId().toString());
        assertThat(first.path("endpoint").asString()).isEqualTo("GET /api/v1/verifications/{nik}");

        assertThat(api.get("/api/v1/verifications/access-log", token("dinsos.admin")).status()).isEqualTo(403);
        // No row of the access table allows DELETE here: refused before any handler, even for an auditor.
        assertThat(api.send("DELETE", "/api/v1/verifications/access-log", token("inspektorat.auditor"), null, Map.of())
                .status()).isEqualTo(403);
        assertThatThrownBy(() -> jdbc.sql("UPDATE verification_access SET purpose = 'diubah' WHERE nik = ?")
                .param(nik).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM verification_access WHERE nik = ?").param(nik).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void concurrentAnswersShareCommitsAndEachHasItsOwnLogRow() throws Exception {
        String nik = family().members().get(0).nik();
        String token = agencyToken();
        int calls = 60;
        List<java.util.concurrent.Future<ApiClient.Response>> answers = new ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            for (int i = 0; i < calls; i++) {
                String requestId = "uji-bersamaan-" + i;
                answers.add(pool.submit(() -> verify(nik, token, Map.of("X-Request-Id", requestId))));
            }
            for (var answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> logged = jdbc.sql("SELECT request_id FROM verification_access WHERE nik = ?")
                .param(nik).query(String.class).list();
        assertThat(logged).hasSize(calls)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, calls)
                        .mapToObj(i -> "uji-bersamaan-" + i).toList());
    }

    @Test
    void noAnswerLeavesWhenItsLogRowCannotBeWritten() {
        String nik = family().members().get(0).nik();
        // The database refuses this NIK's log rows: the answer must not leave without one.
        jdbc.sql("""
                CREATE FUNCTION refuse_test_log() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'log row refused for the test'; END $$""").update();
        jdbc.sql("CREATE TRIGGER refuse_test_log BEFORE INSERT ON verification_access FOR EACH ROW"
                + " WHEN (NEW.nik = '" + nik + "') EXECUTE FUNCTION refuse_test_log()").update();
        try {
            ApiClient.Response refused = verify(nik, agencyToken(), Map.of());
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body().path("code").asString()).isEqualTo("WF-CATATAN-AKSES-GAGAL");
            assertThat(refused.text()).doesNotContain("activeBeneficiary");
        } finally {
            jdbc.sql("DROP TRIGGER refuse_test_log ON verification_access").update();
            jdbc.sql("DROP FUNCTION refuse_test_log()").update();
        }
        assertThat(verify(nik, agencyToken(), Map.of()).status()).as("the log is writable again").isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM verification_access WHERE nik = ?").param(nik)
                .query(Long.class).single()).isEqualTo(1);
    }

    private ApiClient.Response verify(String nik, String token, Map<String, String> headers) {
        return api.send("GET", "/api/v1/verifications/" + nik, token, null, headers);
    }

    private static JsonNode programme(JsonNode answer, String code) {
        for (JsonNode programme : answer.path("programmes")) {
            if (programme.path("programme").asString().equals(code)) {
                return programme;
            }
        }
        throw new AssertionError("no " + code + " in " + answer);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
