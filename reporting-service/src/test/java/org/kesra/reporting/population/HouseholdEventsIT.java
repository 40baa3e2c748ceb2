package org.kesra.reporting.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.contracts.household.Member;
import org.kesra.reporting.ReportingApiIntegrationBase;
import org.kesra.reporting.SourceEventsFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** household.events into the population read model: an event the handler cannot apply leaves nothing behind. */
class HouseholdEventsIT extends ReportingApiIntegrationBase {

    private static final String KELURAHAN = "18.72.05.1002";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aPoisonEventIsDeadLetteredWithNothingHalfAppliedAndTheCardsNextEventFlows() {
        Member head = SourceEventsFixture.member("KEPALA", LocalDate.of(1975, 3, 3), "L", "KEPALA_KELUARGA");
        Member broken = SourceEventsFixture.member("ANAK", LocalDate.of(2005, 4, 4), "P", "ANAK");
        Member withoutId = new Member(null, broken.nik(), broken.name(), broken.birthDate(), broken.sex(),
                broken.relationship(), broken.maritalStatus(), broken.education(), broken.occupation(),
                broken.disability(), false, false, "HIDUP");
        UUID householdId = UUID.randomUUID();
        // The household row and the head are written before the member without an id fails: all must roll back.
        HouseholdRegistered poison = new HouseholdRegistered(householdId, "1872050000000002", KELURAHAN, "001", "001",
                List.of(head, withoutId), "API", Instant.now());
        UUID poisonId = events.household(EventCatalog.HOUSEHOLD_REGISTERED, householdId, KELURAHAN, poison);
        HouseholdRegistered fixed = new HouseholdRegistered(householdId, "1872050000000002", KELURAHAN, "001", "001",
                List.of(head), "API", Instant.now());
        UUID fixedId = events.household(EventCatalog.HOUSEHOLD_REGISTERED, householdId, KELURAHAN, fixed);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> jdbc.sql(
                "SELECT count(*) FROM event_dead_letter WHERE event_id = ?").param(poisonId.toString())
                .query(Long.class).single() == 1);
        String path = "/api/v1/reports/ppks-recap?period=2025&kecamatan=18.72.05";
        String admin = token("platform.admin");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> jdbc.sql(
                "SELECT count(*) FROM event_inbox WHERE event_id = ?").param(fixedId).query(Long.class).single() == 1);
        JsonNode body = api.get(path, admin).body();
        JsonNode row = null;
        for (JsonNode r : body.path("kelurahan")) {
            if (r.path("code").asString().equals(KELURAHAN)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("households").asLong()).isEqualTo(1);
        assertThat(row.path("persons").asLong()).as("the head once, the broken card never").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM event_inbox WHERE event_id = ?").param(poisonId)
                .query(Long.class).single()).isZero();
        // The lag shows as a metric too, per topic.
        assertThat(meters.get("kesra.reporting.source.lag").tag("topic", "household.events").gauge().value())
                .isGreaterThanOrEqualTo(0);
        assertThat(meters.get("kesra.reporting.source.events.applied").tag("topic", "household.events").gauge()
                .value()).isGreaterThanOrEqualTo(1);
    }
}
