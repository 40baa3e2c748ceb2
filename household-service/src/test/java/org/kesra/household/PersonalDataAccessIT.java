package org.kesra.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Reads of one person's or one household's full record are logged, nothing else is; only auditors read the log. */
class PersonalDataAccessIT extends RegistryApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void logsFullRecordReadsWithWhoAndPurposeAndNothingElse() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        String householdId = household.path("id").asString();
        String personId = member(household, "BAYU SAPUTRA").path("id").asString();
        String auditor = token("inspektorat.auditor");

        // Searches, lists, history and writes are not reads of a full record.
        assertThat(api.get("/api/v1/persons?household=" + householdId, token("dinsos.verifier")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/households?kelurahan=" + MULYOJATI, token("dinsos.verifier")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/persons/" + personId + "/history", token("dinsos.verifier")).status()).isEqualTo(200);
        assertThat(log("person=" + personId, auditor).path("totalItems").asLong()).isZero();
        assertThat(log("household=" + householdId, auditor).path("totalItems").asLong()).isZero();

        ApiClient.Response read = api.send("GET", "/api/v1/persons/" + personId, token("dinsos.verifier"), null,
                Map.of("X-Purpose", "verifikasi calon KPM PKH"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/households/" + householdId, token(KELURAHAN_OPERATOR)).status()).isEqualTo(200);
        // A read that finds nothing (outside the caller's region) shows nothing and logs nothing.
        assertThat(api.get("/api/v1/persons/" + personId, token("rejomulyo.operator")).status()).isEqualTo(404);

        JsonNode personLog = log("person=" + personId, auditor);
        assertThat(personLog.path("totalItems").asLong()).isEqualTo(1);
        JsonNode entry = personLog.path("items").get(0);
        assertThat(entry.path("actor").asString()).isEqualTo("dinsos.verifier");
        assertThat(entry.path("endpoint").asString()).isEqualTo("GET /api/v1/persons/{id}");
        assertThat(entry.path("purpose").asString()).isEqualTo("verifikasi calon KPM PKH");
        assertThat(entry.path("requestId").asString()).isEqualTo(read.header("X-Request-Id"));
        assertThat(entry.path("accessedAt").asString()).isNotBlank();

        JsonNode householdLog = log("household=" + householdId, auditor);
        assertThat(householdLog.path("totalItems").asLong()).isEqualTo(1);
        assertThat(householdLog.path("items").get(0).path("actor").asString()).isEqualTo(KELURAHAN_OPERATOR);
        assertThat(householdLog.path("items").get(0).path("purpose").isNull()).isTrue();

        assertThat(api.get("/api/v1/personal-data-access?person=" + personId, token("dinsos.admin")).status())
                .isEqualTo(403);
    }

    @Test
    void theLogCannotBeChangedEvenFromInsideTheDatabase() {
        JsonNode household = registered(KELURAHAN_OPERATOR, family(MULYOJATI));
        api.get("/api/v1/households/" + household.path("id").asString(), token(KELURAHAN_OPERATOR));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM personal_data_access").update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("UPDATE personal_data_access SET actor = 'x'").update())
                .hasMessageContaining("append-only");
    }

    private JsonNode log(String query, String token) {
        ApiClient.Response response = api.get("/api/v1/personal-data-access?" + query, token);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }
}
