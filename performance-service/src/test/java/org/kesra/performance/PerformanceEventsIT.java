package org.kesra.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * performance-service's events as they arrive on the real Kafka topic {@code performance.events}, published through
 * the outbox with the change: a plan version, an agreed agreement, and a realisation's review steps in order.
 */
class PerformanceEventsIT extends PerformanceApiTest {

    private static final String TOPIC = "performance.events";

    @Test
    void aPublishedPlanVersionCarriesItsIndicatorsAndTargets() {
        ObjectNode small = RenstraFixtures.small("18.72.03.1003", 2024, 2026);
        RenstraFixtures.smallSasaranIndicator(small).put("baseline", new java.math.BigDecimal("65.50"))
                .put("source", "REGISTER").put("registerMeasure", "PPKS_HANDLED_SHARE");
        ApiClient.Response plan = post(ADMIN, "/api/v1/renstra", small);
        assertThat(plan.status()).as(plan.text()).isEqualTo(201);
        String planId = plan.body().path("id").asString();

        List<ConsumerRecord<String, byte[]>> events = read(planId, 1);
        assertThat(events).hasSize(1);
        assertThat(TopicReader.header(events.get(0), "ce_type")).isEqualTo("performance.plan-version.published");
        assertThat(TopicReader.header(events.get(0), "ce_subject")).isEqualTo("18.72.03.1003");
        JsonNode published = JSON.readTree(events.get(0).value());
        assertThat(published.path("version").asInt()).isEqualTo(1);
        assertThat(published.path("reason").isNull()).isTrue();
        assertThat(published.path("indicators")).hasSize(2);
        JsonNode ppks = published.at("/indicators/0");
        assertThat(ppks.path("nodeLevel").asString()).isEqualTo("SASARAN");
        assertThat(ppks.path("aggregation").asString()).isEqualTo("RATIO");
        assertThat(ppks.at("/targets/0/year").asInt()).isEqualTo(2024);
        assertThat(ppks.at("/targets/0/target").asString()).isEqualTo("70");
        assertThat(ppks.at("/targets/0/budget").asLong()).isEqualTo(1_000_000L);
        assertThat(published.at("/indicators/1/nodeCode").asString()).isEqualTo("1.06.04.2.01.0001");
        // the kondisi awal in plain notation (Tabel 6.1 column 4, the Renstra matrix prints it); none given: null
        assertThat(ppks.path("baseline").asString()).isEqualTo("65.5");
        assertThat(published.at("/indicators/1/baseline").isNull()).isTrue();
        // which figures nobody typed: the register-fed share, named with its measure; the count is entered
        assertThat(ppks.path("source").asString()).isEqualTo("REGISTER");
        assertThat(ppks.path("registerMeasure").asString()).isEqualTo("PPKS_HANDLED_SHARE");
        assertThat(ppks.path("registerProgramme").isNull()).isTrue();
        assertThat(published.at("/indicators/1/source").asString()).isEqualTo("ENTERED");
        assertThat(published.at("/indicators/1/registerMeasure").isNull()).isTrue();
        // the nodes above each indicator's node, tujuan first: the LAKIP groups kegiatan under their program
        assertThat(ppks.at("/ancestors").toString()).isEqualTo("[{\"level\":\"TUJUAN\",\"code\":null,\"name\":"
                + "\"Meningkatkan kesejahteraan sosial masyarakat\"}]");
        assertThat(published.at("/indicators/1/ancestors").findValuesAsString("level"))
                .containsExactly("TUJUAN", "SASARAN", "PROGRAM", "KEGIATAN");
        assertThat(published.at("/indicators/1/ancestors/2/code").asString()).isEqualTo("1.06.04");
        assertThat(published.at("/indicators/1/ancestors/3/name").asString())
                .isEqualTo("Rehabilitasi Sosial Dasar di Luar Panti Sosial");
    }

    @Test
    void anAgreementAndEveryReviewStepOfARealisationArePublishedInOrder() {
        ObjectNode agreement = JSON.createObjectNode();
        agreement.put("unit", "18.72.03");
        agreement.put("year", 2025);
        agreement.put("position", "HEAD");
        agreement.put("positionTitle", "Camat Metro Barat (uji peristiwa)");
        ObjectNode item = agreement.putArray("items").addObject();
        item.put("sasaran", "Meningkatnya kualitas pelayanan publik");
        item.put("indicator", "Indeks Kepuasan Masyarakat");
        item.put("unitOfMeasure", "indeks");
        item.put("direction", "HIGHER");
        item.put("target", 82);
        item.put("budget", 22_900_000L);
        ApiClient.Response drafted = post(ADMIN, "/api/v1/agreements", agreement);
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        String agreementId = drafted.body().path("id").asString();
        assertThat(send(ADMIN, "POST", "/api/v1/agreements/" + agreementId + "/agreement", "\"1\"", null).status())
                .isEqualTo(200);
        List<ConsumerRecord<String, byte[]>> agreed = read(agreementId, 1);
        assertThat(agreed).hasSize(1);
        assertThat(TopicReader.header(agreed.get(0), "ce_type")).isEqualTo("performance.agreement.agreed");
        JsonNode frozen = JSON.readTree(agreed.get(0).value());
        assertThat(frozen.path("revision").asInt()).isEqualTo(1);
        assertThat(frozen.at("/items/0/target").asString()).isEqualTo("82");
        assertThat(frozen.at("/items/0/budget").asLong()).isEqualTo(22_900_000L);
        assertThat(frozen.path("agreedAt").asString()).isNotBlank();

        ObjectNode body = JSON.createObjectNode();
        body.put("unit", "18.72.03");
        body.put("year", 2025);
        body.put("quarter", 1);
        body.put("agreementId", agreementId);
        body.put("agreementRevision", 1);
        body.putArray("entries").addObject().put("item", 0).put("value", "70").put("budgetRealised", 5_955_000L);
        ApiClient.Response created = post("metrobarat.operator", "/api/v1/realisations", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.body().path("id").asString();
        String path = "/api/v1/realisations/" + id;
        assertThat(send("metrobarat.operator", "POST", path + "/submission", "\"1\"", null).status()).isEqualTo(200);
        ObjectNode giveBack = JSON.createObjectNode();
        giveBack.putArray("checklist").add("REPORT_TO_FIX");
        assertThat(send("metrobarat.camat", "POST", path + "/return", "\"2\"", giveBack).status()).isEqualTo(200);
        assertThat(send("metrobarat.operator", "POST", path + "/submission", "\"3\"", null).status()).isEqualTo(200);
        assertThat(send("metrobarat.camat", "POST", path + "/approval", "\"4\"", null).status()).isEqualTo(200);
        ObjectNode change = JSON.createObjectNode();
        change.put("reason", "Nilai IKM hasil survei ulang");
        change.putArray("entries").addObject().put("item", 0).put("value", "72").put("budgetRealised", 5_955_000L);
        assertThat(send("metrobarat.operator", "PUT", path, "\"5\"", change).status()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> steps = read(id, 5);
        assertThat(steps.stream().map(r -> TopicReader.header(r, "ce_type")).toList()).containsExactly(
                "performance.realisation.submitted", "performance.realisation.returned",
                "performance.realisation.submitted", "performance.realisation.approved",
                "performance.realisation.reopened");
        JsonNode returned = JSON.readTree(steps.get(1).value());
        assertThat(returned.path("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.path("checklist").toString()).isEqualTo("[\"REPORT_TO_FIX\"]");
        JsonNode approved = JSON.readTree(steps.get(3).value());
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("approvedVersion").asInt()).isEqualTo(1);
        assertThat(approved.path("workingDaysLate").asInt()).isPositive();
        assertThat(approved.at("/entries/0/value").asString()).isEqualTo("70");
        assertThat(approved.at("/entries/0/capaian").asString()).as("seed 004: 70 against 82").isEqualTo("85.37");
        assertThat(approved.at("/entries/0/budgetRealised").asLong()).isEqualTo(5_955_000L);
        assertThat(approved.at("/entries/0/budgetAbsorption").asString()).as("5,955,000 of 22,900,000").isEqualTo("26");
        assertThat(approved.at("/entries/0/rating").asString()).as("85.37: Permendagri 86 band").isEqualTo("Tinggi");
        assertThat(approved.at("/entries/0/yearToDateRating").asString()).isEqualTo("Tinggi");
        assertThat(approved.at("/entries/0/efficiency").asString()).as("85.37 % reached, 26 % spent: 59.37 points")
                .isEqualTo("59.37");
        // who took each step, as the audit names them: reporting-service's trace says who submitted and approved
        assertThat(JSON.readTree(steps.get(0).value()).path("actor").asString()).isEqualTo("metrobarat.operator");
        assertThat(returned.path("actor").asString()).isEqualTo("metrobarat.camat");
        assertThat(approved.path("actor").asString()).isEqualTo("metrobarat.camat");
        JsonNode reopened = JSON.readTree(steps.get(4).value());
        assertThat(reopened.path("status").asString()).isEqualTo("DRAFT");
        assertThat(reopened.path("version").asInt()).isEqualTo(2);
        assertThat(reopened.path("approvedVersion").asInt()).isEqualTo(1);
        assertThat(reopened.path("reason").asString()).isEqualTo("Nilai IKM hasil survei ulang");
        assertThat(reopened.at("/entries/0/value").asString()).isEqualTo("72");
        assertThat(reopened.path("actor").asString()).isEqualTo("metrobarat.operator");
    }

    private static List<ConsumerRecord<String, byte[]>> read(String key, int expected) {
        return TopicReader.read(TOPIC, r -> key.equals(r.key()), expected, Duration.ofSeconds(30));
    }

    private ApiClient.Response send(String user, String method, String path, String ifMatch, JsonNode body) {
        return api.send(method, path, token(user), body == null ? null : JSON.writeValueAsString(body),
                ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }
}
