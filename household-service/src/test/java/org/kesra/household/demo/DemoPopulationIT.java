package org.kesra.household.demo;

import org.kesra.household.importing.ImportApiIntegrationBase;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.TopicReader;
import org.kesra.household.demo.DemoPopulation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The whole demo population imported through the API; the same file again creates nothing. */
class DemoPopulationIT extends ImportApiIntegrationBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoPopulationImportsThroughTheApiAndASecondImportCreatesNothing() throws Exception {
        Path file = Files.createTempFile("demo-population-", ".csv");
        try {
            DemoPopulation.Summary summary = new DemoPopulation().write(file, 1.0);
            long personsBefore = count("person");
            long householdsBefore = count("household");

            ApiClient.Response started = upload(OPERATOR, file, file.getFileName().toString(), null);
            assertThat(started.status()).isEqualTo(202);
            List<JsonNode> seen = new ArrayList<>();
            JsonNode done = finished(OPERATOR, started.body().path("id").asString(), seen);
            assertThat(seen).as("progress of the running import is visible").anySatisfy(state -> {
                assertThat(state.path("status").asString()).isIn("MEMERIKSA", "MENERAPKAN");
                assertThat(state.path("rowsRead").asLong()).isPositive();
                assertThat(state.path("phaseProgress").asDouble()).isBetween(0.01, 99.99);
            });

            assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SELESAI");
            assertThat(done.path("personsCreated").asLong()).isEqualTo(summary.persons()).isEqualTo(170_000);
            assertThat(done.path("householdsCreated").asLong()).isEqualTo(summary.households()).isEqualTo(50_000);
            assertThat(count("person") - personsBefore).isEqualTo(170_000);
            assertThat(count("household") - householdsBefore).isEqualTo(50_000);
            String id = done.path("id").asString();
            assertThat(jdbc.sql("SELECT count(*) FROM person WHERE import_id = ?::uuid AND kelurahan_code = '18.72.05.1001'")
                    .param(id).query(Long.class).single()).isEqualTo(5_542);
            assertThat(jdbc.sql("SELECT count(*) FROM change_history h JOIN person p ON p.id = h.entity_id "
                            + "WHERE p.import_id = ?::uuid").param(id).query(Long.class).single()).isEqualTo(170_000);
            String source = "\"source\":\"IMPORT:" + id + "\"";
            assertThat(TopicReader.read("household.events", r -> new String(r.value(), StandardCharsets.UTF_8)
                    .contains(source), 50_000, Duration.ofSeconds(90))).hasSize(50_000);

            ApiClient.Response again = upload(OPERATOR, file, "populasi-lagi.csv", null);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body().path("id").asString()).isEqualTo(id);
            assertThat(count("person") - personsBefore).isEqualTo(170_000);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
