package org.kesra.reporting.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.devinfra.ApiClient;
import org.kesra.reporting.ReportingApiIntegrationBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Offsets, lag in events and regeneration as of a kept file's offsets (issue 23 items 1 and 4), through the real
 * broker and database: a kept PPKS recap records the offsets its data was read at (equal to what the models applied);
 * events published while the live consumers are held show as events behind in the report answer and the metric;
 * after the model moved on, a regeneration replays the topics up to the recorded offsets and gives the kept SHA-256;
 * a regeneration that fails midway leaves no scratch schema and the serving model as it was; refusals.
 */
class RegenerationIT extends ReportingApiIntegrationBase {

    static final String PATH = "/api/v1/reports/generations";
    static final String MULYOJATI = "18.72.03.1001";
    static final String RECAP = "{\"type\":\"recap\",\"parameters\":{\"period\":\"2024-Q3\",\"kecamatan\":\"18.72.03\"},"
            + "\"format\":\"xlsx\"}";
    static final String RECAP_GET = "/api/v1/reports/ppks-recap?period=2024-Q3&kecamatan=18.72.03";
    static final String HOUSEHOLD = "household.events";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void nothingRunning() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.sql(
                "SELECT count(*) FROM report_regeneration WHERE state = 'RUNNING'").query(Long.class).single() == 0
                && jdbc.sql("SELECT count(*) FROM read_model_rebuild WHERE state = 'RUNNING'").query(Long.class)
                .single() == 0);
    }

    @Test
    void aKeptFileIsRegeneratedAsOfItsOffsetsAfterTheModelMovedOnAndGivesTheSameSha() {
        HouseholdRegistered card = events.register(MULYOJATI, 3);
        awaitInModel(card.householdId());
        awaitNothingBehind();
        String planner = token("bappeda.planner");
        JsonNode kept = generated(planner, RECAP);
        assertThat(kept.path("state").asString()).as(kept.toString()).isEqualTo("DONE");
        String id = kept.path("id").asString();

        // The offsets kept with the file are those the models had applied (nothing moved meanwhile).
        JsonNode household = topic(kept.path("sourceOffsets"), HOUSEHOLD);
        Map<Integer, Long> applied = applied(HOUSEHOLD);
        assertThat(applied).isNotEmpty();
        Map<Integer, Long> recorded = new HashMap<>();
        household.path("partitions").forEach(p -> recorded.put(p.path("partition").asInt(),
                p.path("lastOffset").asLong()));
        assertThat(recorded).isEqualTo(applied);
        // and they are the positions of events the inbox holds (read by the live consumer from Kafka)
        Map<Integer, Long> inbox = new HashMap<>();
        jdbc.sql("SELECT kafka_partition, max(kafka_offset) FROM event_inbox WHERE topic = ? GROUP BY kafka_partition")
                .param(HOUSEHOLD).query((rs, n) -> inbox.put(rs.getInt(1), rs.getLong(2))).list();
        assertThat(recorded).isEqualTo(inbox);

        // The model moves on: the recap's figures and data version change, so a plain verification cannot tell.
        HouseholdRegistered later = events.register(MULYOJATI, 5);
        awaitInModel(later.householdId());
        ApiClient.Response verified = api.post(PATH + "/" + id + "/verifications", token("inspektorat.auditor"), "");
        assertThat(verified.body().path("result").asString()).as(verified.text()).isEqualTo("DATA_CHANGED");

        // Regenerated as of the kept offsets: the same bytes.
        JsonNode regenerated = regenerated(token("inspektorat.auditor"), id);
        assertThat(regenerated.path("state").asString()).as(regenerated.toString()).isEqualTo("DONE");
        assertThat(regenerated.path("result").asString()).as(regenerated.toString()).isEqualTo("IDENTICAL");
        assertThat(regenerated.path("regeneratedSha256").asString()).isEqualTo(kept.path("sha256").asString());
        assertThat(regenerated.path("keptSha256").asString()).isEqualTo(kept.path("sha256").asString());
        assertThat(regenerated.path("regeneratedDataVersion")).isEqualTo(kept.path("dataVersion"));
        assertThat(regenerated.path("sourceOffsets")).isEqualTo(kept.path("sourceOffsets"));
        assertThat(regenerated.path("eventsReplayed").asLong()).isPositive();
        assertThat(regenerated.path("requestedBy").asString()).doesNotContain("inspektorat");
        assertThat(scratchSchemas()).as("scratch schema dropped").isZero();
        // The serving model still holds the later household.
        assertThat(jdbc.sql("SELECT count(*) FROM rm_household WHERE household_id = ?").param(later.householdId())
                .query(Long.class).single()).isOne();
    }

    @Test
    void eventsPublishedWhileTheConsumersAreHeldShowAsEventsBehind() throws Exception {
        // In the model first: "nothing behind" alone may be read against ends asked before the event was published
        // (TopicEnds answers from its last background read), and an event not applied before the hold would make 4.
        awaitInModel(events.register(MULYOJATI, 1).householdId());
        awaitNothingBehind();
        try (Connection hold = dataSource.getConnection()) {
            hold.setAutoCommit(false);
            try (Statement statement = hold.createStatement()) {
                // every live consumer transaction starts by writing the inbox: they all wait
                statement.execute("LOCK TABLE public.event_inbox IN EXCLUSIVE MODE");
            }
            for (int i = 0; i < 3; i++) {
                events.register(MULYOJATI, 1);
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                    eventsBehind() == 3L);
            JsonNode source = topic(api.get(RECAP_GET, token("bappeda.planner")).body().path("sources"), HOUSEHOLD);
            assertThat(source.path("eventsBehind").asLong()).isEqualTo(3);
            assertThat(source.path("lagSeconds").isNumber()).as("the seconds figure stays").isTrue();
            assertThat(source.path("offsets").isArray()).isTrue();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                    meters.get("kesra.reporting.source.lag.events").tag("topic", HOUSEHOLD).gauge().value() == 3.0);
            hold.rollback();
        }
        awaitNothingBehind();
        assertThat(meters.get("kesra.reporting.source.lag.events").tag("topic", HOUSEHOLD).gauge().value())
                .isZero();
    }

    @Test
    void aRegenerationThatFailsMidwayLeavesNoScratchSchemaAndTheServingModelAsItWas() {
        HouseholdRegistered card = events.register(MULYOJATI, 2);
        awaitInModel(card.householdId());
        awaitNothingBehind();
        JsonNode kept = generated(token("bappeda.planner"), RECAP.replace("xlsx", "pdf"));
        assertThat(kept.path("state").asString()).as(kept.toString()).isEqualTo("DONE");
        long households = jdbc.sql("SELECT count(*) FROM rm_household").query(Long.class).single();
        // The scratch copy of rm_household takes this constraint along: replaying the card's event throws there.
        jdbc.sql("ALTER TABLE rm_household ADD CONSTRAINT regeneration_it_refuses CHECK (household_id <> '"
                + card.householdId() + "') NOT VALID").update();
        JsonNode failed;
        try {
            failed = regenerated(token("inspektorat.auditor"), kept.path("id").asString());
        } finally {
            jdbc.sql("ALTER TABLE rm_household DROP CONSTRAINT IF EXISTS regeneration_it_refuses").update();
        }
        assertThat(failed.path("state").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.path("problem").path("code").asString()).isEqualTo("RP-REGENERASI-GAGAL");
        assertThat(failed.has("result")).isFalse();
        assertThat(scratchSchemas()).as("no scratch schema left").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM rm_household").query(Long.class).single()).isEqualTo(households);
        assertThat(jdbc.sql("SELECT count(*) FROM rm_household WHERE household_id = ?").param(card.householdId())
                .query(Long.class).single()).as("the serving model kept its rows").isOne();

        // Without the obstacle the same file regenerates.
        JsonNode again = regenerated(token("inspektorat.auditor"), kept.path("id").asString());
        assertThat(again.path("result").asString()).as(again.toString()).isEqualTo("IDENTICAL");
    }

    @Test
    void badInputIsAProblemAndAnotherRegionsFileStaysUnknown() {
        String auditor = token("inspektorat.auditor");
        assertProblem(api.post(PATH + "/" + UUID.randomUUID() + "/regenerations", auditor, ""), 404,
                "RP-BERKAS-LAPORAN-TIDAK-DIKENAL", null);
        assertProblem(api.post(PATH + "/not-a-uuid/regenerations", auditor, ""), 404,
                "RP-BERKAS-LAPORAN-TIDAK-DIKENAL", null);
        awaitNothingBehind();
        JsonNode kept = generated(token("metrobarat.operator"), RECAP);
        String id = kept.path("id").asString();
        // Another region's operator: the same answer as for a file that does not exist, and nothing is started.
        long before = jdbc.sql("SELECT count(*) FROM report_regeneration").query(Long.class).single();
        assertProblem(api.post(PATH + "/" + id + "/regenerations", token("rejomulyo.operator"), ""), 404,
                "RP-BERKAS-LAPORAN-TIDAK-DIKENAL", null);
        assertThat(jdbc.sql("SELECT count(*) FROM report_regeneration").query(Long.class).single()).isEqualTo(before);
        assertProblem(api.get(PATH + "/" + id + "/regenerations/" + UUID.randomUUID(), auditor), 404,
                "RP-REGENERASI-TIDAK-DIKENAL", null);
        // A file kept before offsets were recorded cannot be replayed to them.
        jdbc.sql("UPDATE report_generation SET source_offsets = NULL WHERE id = ?").param(UUID.fromString(id)).update();
        assertProblem(api.post(PATH + "/" + id + "/regenerations", auditor, ""), 409, "RP-BERKAS-TANPA-OFFSET", null);
    }

    private JsonNode generated(String token, String request) {
        ApiClient.Response accepted = api.post(PATH, token, request);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String location = accepted.header("Location");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                java.util.List.of("DONE", "FAILED").contains(api.get(location, token).body().path("state").asString()));
        return api.get(location, token).body();
    }

    private JsonNode regenerated(String token, String id) {
        ApiClient.Response accepted = api.post(PATH + "/" + id + "/regenerations", token, "");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        assertThat(accepted.body().path("state").asString()).isIn("RUNNING", "DONE", "FAILED");
        String location = accepted.header("Location");
        assertThat(location).isEqualTo(PATH + "/" + id + "/regenerations/" + accepted.body().path("id").asString());
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                !api.get(location, token).body().path("state").asString().equals("RUNNING"));
        return api.get(location, token).body();
    }

    private static JsonNode topic(JsonNode list, String topic) {
        for (JsonNode item : list) {
            if (item.path("topic").asString().equals(topic)) {
                return item;
            }
        }
        throw new AssertionError("no " + topic + " in " + list);
    }

    private Map<Integer, Long> applied(String topic) {
        Map<Integer, Long> applied = new HashMap<>();
        jdbc.sql("SELECT kafka_partition, last_offset FROM source_offset WHERE topic = ?").param(topic)
                .query((rs, n) -> applied.put(rs.getInt(1), rs.getLong(2))).list();
        return applied;
    }

    private Long eventsBehind() {
        JsonNode source = topic(api.get(RECAP_GET, token("bappeda.planner")).body().path("sources"), HOUSEHOLD);
        return source.path("eventsBehind").isNumber() ? source.path("eventsBehind").asLong() : null;
    }

    private void awaitNothingBehind() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                Long.valueOf(0).equals(eventsBehind()));
    }

    private void awaitInModel(UUID householdId) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> jdbc.sql(
                "SELECT count(*) FROM rm_household WHERE household_id = ?").param(householdId).query(Long.class)
                .single() == 1);
    }

    private long scratchSchemas() {
        return jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'reporting_asof'").query(Long.class)
                .single();
    }
}
