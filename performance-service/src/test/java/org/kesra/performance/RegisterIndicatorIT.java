package org.kesra.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kesra.performance.RenstraIT.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.welfare.KelurahanIndicatorsPublished;
import org.kesra.contracts.welfare.ProgrammeKpm;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Indicators computed from the registers (issue 22 item 7), with welfare-service's
 * {@code welfare.kelurahan-indicators.published} sent onto the real Kafka as its relay does: the realisation shows the
 * value computed from the figures of the unit's kelurahan and quarter; the submitter annotates it but cannot set or
 * overwrite it; a late figure fills it, a correction of an approved one re-opens the approval exactly as an edit does;
 * an older publication changes nothing; a malformed one is dead-lettered with nothing applied.
 */
class RegisterIndicatorIT extends PerformanceApiTest {

    /**
     * Bappeda (an OPD, so its figure is the city's: the sum over every kelurahan): its planner reports, a platform
     * admin decides in the stead of the head of the agency. Its plan of 2025-2029 (RenstraIT) leaves 2024 free.
     */
    static final String UNIT = "bappeda";
    static final String SUBMITTER = PLANNER;
    static final String APPROVER = ADMIN;
    /** The kelurahan welfare's figures are sent for in these tests; no other test sends any. */
    static final String KELURAHAN = "18.72.03.1002";
    static final int YEAR = 2024;

    private static WelfareEvents welfare;
    private static String agreementId;

    @BeforeAll
    static void producer() {
        welfare = new WelfareEvents();
    }

    @AfterAll
    static void closeProducer() {
        welfare.close();
    }

    /** The kelurahan's 2025 plan with two register-fed indicators and its agreed Perjanjian Kinerja, once. */
    private synchronized String agreement() {
        if (agreementId == null) {
            ObjectNode plan = JSON.createObjectNode();
            plan.put("unit", UNIT);
            plan.put("title", "Renstra uji indikator register " + UNIT);
            plan.put("startYear", YEAR);
            plan.put("endYear", YEAR);
            ObjectNode tujuan = plan.putArray("tujuan").addObject();
            tujuan.put("name", "Meningkatkan kesejahteraan sosial masyarakat");
            ObjectNode sasaran = tujuan.putArray("sasaran").addObject();
            sasaran.put("name", "Meningkatnya penanganan PPKS");
            ArrayNode indicators = sasaran.putArray("indicators");
            ObjectNode share = registerIndicator(indicators, "Persentase PPKS yang ditangani", "%", "PERCENTAGE",
                    "RATIO", "PPKS_HANDLED_SHARE", "70");
            share.put("numeratorDefinition", "PPKS terdata pada triwulan yang ditangani hingga akhir triwulan");
            share.put("denominatorDefinition", "PPKS terdata pada triwulan");
            registerIndicator(indicators, "Jumlah KPM PKH", "KPM", "COUNT", "LAST", "KPM", "100")
                    .put("registerProgramme", "PKH");
            ApiClient.Response stored = post(ADMIN, "/api/v1/renstra", plan);
            assertThat(stored.status()).as(stored.text()).isEqualTo(201);
            JsonNode kept = stored.body().at("/tujuan/0/children/0/indicators");
            assertThat(kept.at("/0/registerMeasure").asString()).isEqualTo("PPKS_HANDLED_SHARE");
            assertThat(kept.at("/1/registerProgramme").asString()).isEqualTo("PKH");

            ObjectNode body = JSON.createObjectNode();
            body.put("unit", UNIT);
            body.put("year", YEAR);
            body.put("position", "HEAD");
            body.put("positionTitle", "Kepala Bappeda (uji indikator register)");
            ArrayNode items = body.putArray("items");
            item(items, "Persentase PPKS yang ditangani", "%", "70").put("renstraIndicatorId",
                    kept.at("/0/id").asString());
            item(items, "Jumlah KPM PKH", "KPM", "100").put("renstraIndicatorId", kept.at("/1/id").asString());
            item(items, "Jumlah kunjungan pembinaan", "kali", "12").put("budget", 6_000_000L);
            ApiClient.Response drafted = post(ADMIN, "/api/v1/agreements", body);
            assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
            String id = drafted.body().path("id").asString();
            ApiClient.Response agreed = send(ADMIN, "POST", "/api/v1/agreements/" + id + "/agreement", "\"1\"", null);
            assertThat(agreed.status()).as(agreed.text()).isEqualTo(200);
            agreementId = id;
        }
        return agreementId;
    }

    private static ObjectNode registerIndicator(ArrayNode indicators, String name, String unit, String kind,
                                                String aggregation, String measure, String target) {
        ObjectNode indicator = indicators.addObject();
        indicator.put("name", name);
        indicator.put("unitOfMeasure", unit);
        indicator.put("direction", "HIGHER");
        indicator.put("kind", kind);
        indicator.put("aggregation", aggregation);
        indicator.put("source", "REGISTER");
        indicator.put("registerMeasure", measure);
        ObjectNode t = indicator.putArray("targets").addObject();
        t.put("year", YEAR);
        t.put("target", new java.math.BigDecimal(target));
        return indicator;
    }

    private static ObjectNode item(ArrayNode items, String indicator, String unit, String target) {
        ObjectNode item = items.addObject();
        item.put("sasaran", "Meningkatnya penanganan PPKS");
        item.put("indicator", indicator);
        item.put("unitOfMeasure", unit);
        item.put("direction", "HIGHER");
        item.put("target", new java.math.BigDecimal(target));
        return item;
    }

    private ObjectNode realisation(int quarter) {
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", UNIT);
        body.put("year", YEAR);
        body.put("quarter", quarter);
        body.put("agreementId", agreement());
        body.put("agreementRevision", 1);
        ArrayNode entries = body.putArray("entries");
        ObjectNode visits = entries.addObject();
        visits.put("item", 2);
        visits.put("value", "3");
        return body;
    }

    /** welfare-service's figures of the unit's kelurahan for a quarter of {@link #YEAR}, published at {@code at}. */
    private static KelurahanIndicatorsPublished figures(String kelurahan, int quarter, long terdata, long ditangani,
                                                        long pkh, Instant at) {
        LocalDate from = LocalDate.of(YEAR, 3 * quarter - 2, 1);
        return new KelurahanIndicatorsPublished(kelurahan, from, from.plusMonths(3).minusDays(1), terdata, ditangani,
                List.of(new ProgrammeKpm("BPNT", 15, null), new ProgrammeKpm("PKH", pkh, 120_000_000L)), at);
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql(
                "SELECT count(*) FROM event_inbox WHERE event_id = ?").param(eventId).query(Long.class).single() == 1);
    }

    /**
     * A kecamatan's register-fed figure is its own kelurahan's, summed: counts added, a share as the ratio of the summed
     * parts (not the mean of the kelurahan's shares), and a kelurahan of another kecamatan left out. Metro Timur, Q4
     * 2024: Yosodadi 4 of 5 PPKS handled, Iring Mulyo 1 of 3, Metro Pusat's Hadimulyo Barat 0 of 50.
     */
    @Test
    void aKecamatansRegisterFigureSumsItsOwnKelurahanOnly() {
        String kecamatan = "18.72.04";
        ObjectNode plan = JSON.createObjectNode();
        plan.put("unit", kecamatan);
        plan.put("title", "Renstra uji indikator register kecamatan " + kecamatan);
        plan.put("startYear", YEAR);
        plan.put("endYear", YEAR);
        ObjectNode tujuan = plan.putArray("tujuan").addObject();
        tujuan.put("name", "Meningkatkan kesejahteraan sosial masyarakat");
        ObjectNode sasaran = tujuan.putArray("sasaran").addObject();
        sasaran.put("name", "Meningkatnya penanganan PPKS");
        ArrayNode indicators = sasaran.putArray("indicators");
        registerIndicator(indicators, "Persentase PPKS yang ditangani", "%", "PERCENTAGE", "RATIO",
                "PPKS_HANDLED_SHARE", "70")
                .put("numeratorDefinition", "PPKS terdata pada triwulan yang ditangani hingga akhir triwulan")
                .put("denominatorDefinition", "PPKS terdata pada triwulan");
        registerIndicator(indicators, "Jumlah PPKS terdata", "orang", "COUNT", "SUM", "PPKS_FOUND", "20");
        ApiClient.Response stored = post(ADMIN, "/api/v1/renstra", plan);
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        JsonNode kept = stored.body().at("/tujuan/0/children/0/indicators");
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", kecamatan);
        body.put("year", YEAR);
        body.put("position", "HEAD");
        body.put("positionTitle", "Camat Metro Timur (uji indikator register)");
        ArrayNode items = body.putArray("items");
        item(items, "Persentase PPKS yang ditangani", "%", "70").put("renstraIndicatorId", kept.at("/0/id").asString());
        item(items, "Jumlah PPKS terdata", "orang", "20").put("renstraIndicatorId", kept.at("/1/id").asString());
        ApiClient.Response drafted = post(ADMIN, "/api/v1/agreements", body);
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        String agreement = drafted.body().path("id").asString();
        assertThat(send(ADMIN, "POST", "/api/v1/agreements/" + agreement + "/agreement", "\"1\"", null).status())
                .isEqualTo(200);

        Instant now = Instant.now();
        awaitProcessed(welfare.published(figures("18.72.04.1001", 4, 5, 4, 10, now)));
        awaitProcessed(welfare.published(figures("18.72.04.1003", 4, 3, 1, 10, now)));
        awaitProcessed(welfare.published(figures("18.72.01.1001", 4, 50, 0, 10, now)));

        ObjectNode realisation = JSON.createObjectNode();
        realisation.put("unit", kecamatan);
        realisation.put("year", YEAR);
        realisation.put("quarter", 4);
        realisation.put("agreementId", agreement);
        realisation.put("agreementRevision", 1);
        realisation.putArray("entries");
        ApiClient.Response report = post(ADMIN, "/api/v1/realisations", realisation);
        assertThat(report.status()).as(report.text()).isEqualTo(201);
        JsonNode share = report.body().at("/entries/0");
        assertThat(share.path("numerator").decimalValue()).as("4 + 1 handled").isEqualByComparingTo("5");
        assertThat(share.path("denominator").decimalValue()).as("5 + 3 found").isEqualByComparingTo("8");
        assertThat(share.path("value").decimalValue()).as("5 of 8, not the mean of 80 % and 33,33 %")
                .isEqualByComparingTo("62.5");
        JsonNode found = report.body().at("/entries/1");
        assertThat(found.path("source").asString()).isEqualTo("REGISTER");
        assertThat(found.path("value").decimalValue()).as("Metro Pusat's 50 left out").isEqualByComparingTo("8");
    }

    @Test
    void aRegisterIndicatorNamesItsFigureAndOnlyARegisterIndicatorHasOne() {
        ObjectNode plan = RenstraFixtures.small("18.72.01.1005", 2025, 2026);
        ObjectNode share = RenstraFixtures.smallSasaranIndicator(plan);
        share.put("source", "REGISTER");
        String at = "/tujuan/0/sasaran/0/indicators/0";
        assertProblem(post(ADMIN, "/api/v1/renstra", plan), 400, "PF-ISIAN-WAJIB", at + "/registerMeasure");
        share.put("registerMeasure", "KPM");
        assertProblem(post(ADMIN, "/api/v1/renstra", plan), 400, "PF-UKURAN-REGISTER-TIDAK-SAH",
                at + "/registerProgramme");
        share.put("registerMeasure", "PPKS_SEMUA");
        assertProblem(post(ADMIN, "/api/v1/renstra", plan), 400, "PF-UKURAN-REGISTER-TIDAK-SAH",
                at + "/registerMeasure");
        share.put("source", "ENTERED");
        share.put("registerMeasure", "PPKS_HANDLED_SHARE");
        assertProblem(post(ADMIN, "/api/v1/renstra", plan), 400, "PF-UKURAN-REGISTER-TIDAK-SAH",
                at + "/registerMeasure");
        assertThat(plansOf("18.72.01.1005")).as("nothing written").isZero();
    }

    @Test
    void theSubmitterSeesTheComputedValueMayAnnotateItAndCannotOverwriteIt() {
        String agreement = agreement();
        UUID published = welfare.published(figures(KELURAHAN, 2, 8, 6, 40, Instant.now()));
        awaitProcessed(published);

        ObjectNode overwrite = realisation(2);
        ObjectNode own = ((ArrayNode) overwrite.get("entries")).addObject();
        own.put("item", 0);
        own.put("value", "100");
        long before = jdbc.sql("SELECT count(*) FROM realisation WHERE agreement_id = ?::uuid").param(agreement)
                .query(Long.class).single();
        assertProblem(post(SUBMITTER, "/api/v1/realisations", overwrite), 400, "PF-NILAI-REGISTER-TIDAK-DAPAT-DIUBAH",
                "/entries/1/value");
        assertThat(jdbc.sql("SELECT count(*) FROM realisation WHERE agreement_id = ?::uuid").param(agreement)
                .query(Long.class).single()).as("nothing written").isEqualTo(before);

        ObjectNode annotated = realisation(2);
        ObjectNode note = ((ArrayNode) annotated.get("entries")).addObject();
        note.put("item", 0);
        note.put("note", "Dua PPKS dirujuk ke panti pada awal triwulan berikutnya");
        note.put("budgetRealised", 400_000L);
        ApiClient.Response drafted = post(SUBMITTER, "/api/v1/realisations", annotated);
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        JsonNode ppks = drafted.body().at("/entries/0");
        assertThat(ppks.path("source").asString()).isEqualTo("REGISTER");
        assertThat(ppks.path("numerator").decimalValue()).isEqualByComparingTo("6");
        assertThat(ppks.path("denominator").decimalValue()).isEqualByComparingTo("8");
        assertThat(ppks.path("value").decimalValue()).as("6 of 8 PPKS handled").isEqualByComparingTo("75");
        assertThat(ppks.at("/quarter/percent").decimalValue()).as("75 against 70").isEqualByComparingTo("107.14");
        assertThat(ppks.path("note").asString()).startsWith("Dua PPKS");
        assertThat(ppks.path("budgetRealised").asLong()).isEqualTo(400_000L);
        assertThat(ppks.path("registerPublishedAt").asString()).isNotBlank();
        JsonNode kpm = drafted.body().at("/entries/1");
        assertThat(kpm.path("source").asString()).isEqualTo("REGISTER");
        assertThat(kpm.path("value").decimalValue()).as("PKH's KPM, not BPNT's").isEqualByComparingTo("40");
        assertThat(drafted.body().at("/entries/2/source").asString()).isEqualTo("ENTERED");

        String path = "/api/v1/realisations/" + drafted.body().path("id").asString();
        ObjectNode change = JSON.createObjectNode();
        ArrayNode entries = change.putArray("entries");
        ObjectNode parts = entries.addObject();
        parts.put("item", 0);
        parts.put("numerator", "8");
        parts.put("denominator", "8");
        ObjectNode kpmValue = entries.addObject();
        kpmValue.put("item", 1);
        kpmValue.put("value", "55");
        ApiClient.Response refused = send(SUBMITTER, "PUT", path, "\"1\"", change);
        assertProblem(refused, 400, "PF-NILAI-REGISTER-TIDAK-DAPAT-DIUBAH", "/entries/0/numerator");
        assertThat(refused.body().path("errors").findValuesAsString("pointer"))
                .contains("/entries/0/denominator", "/entries/1/value");
        JsonNode unchanged = get(ADMIN, path).body();
        assertThat(unchanged.path("etag").asInt()).isEqualTo(1);
        assertThat(unchanged.at("/entries/0/value").decimalValue()).isEqualByComparingTo("75");
    }

    @Test
    void aLateFigureFillsTheValueAndACorrectionReopensTheApprovalLikeAnEdit() {
        agreement();
        ApiClient.Response drafted = post(SUBMITTER, "/api/v1/realisations", realisation(3));
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        JsonNode waiting = drafted.body().at("/entries/0");
        assertThat(waiting.path("source").asString()).isEqualTo("REGISTER");
        assertThat(waiting.path("value").isNull()).as("nothing published for the quarter yet").isTrue();
        assertThat(waiting.at("/quarter/note").asString()).contains("belum diterbitkan");
        String id = drafted.body().path("id").asString();
        String path = "/api/v1/realisations/" + id;
        assertProblem(send(SUBMITTER, "POST", path + "/submission", "\"1\"", null), 422, "PF-ANGKA-REGISTER-BELUM-ADA",
                "/entries/0");

        Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        welfare.published(figures(KELURAHAN, 3, 10, 5, 42, first));
        JsonNode filled = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(ADMIN, path).body(), view -> !view.at("/entries/0/value").isNull());
        assertThat(filled.at("/entries/0/value").decimalValue()).isEqualByComparingTo("50");
        assertThat(filled.at("/entries/1/value").decimalValue()).isEqualByComparingTo("42");
        assertThat(filled.path("etag").asInt()).as("a draft takes the figure in place, with a new ETag")
                .isEqualTo(2);
        assertThat(filled.path("version").asInt()).isEqualTo(1);

        assertThat(send(SUBMITTER, "POST", path + "/submission", "\"2\"", null).status()).isEqualTo(200);
        ApiClient.Response approved = send(APPROVER, "POST", path + "/approval", "\"3\"", null);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().path("status").asString()).isEqualTo("APPROVED");

        // welfare-service corrects the quarter: two more PPKS served by its end.
        welfare.published(figures(KELURAHAN, 3, 10, 7, 42, first.plusSeconds(60)));
        JsonNode reopened = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(ADMIN, path).body(), view -> view.path("version").asInt() == 2);
        assertThat(reopened.path("status").asString()).as("re-opened like an edit").isEqualTo("DRAFT");
        assertThat(reopened.path("approvedVersion").asInt()).isEqualTo(1);
        assertThat(reopened.path("etag").asInt()).isEqualTo(5);
        assertThat(reopened.at("/entries/0/value").decimalValue()).isEqualByComparingTo("70");
        assertThat(reopened.at("/entries/0/quarter/percent").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(reopened.at("/entries/2/value").decimalValue()).as("the entered figure carried over")
                .isEqualByComparingTo("3");
        assertThat(reopened.path("reason").asString()).contains("register");
        JsonNode asApproved = get("inspektorat.auditor", path + "/versions/1").body();
        assertThat(asApproved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(asApproved.at("/entries/0/value").decimalValue()).as("the approved version stays readable")
                .isEqualByComparingTo("50");
        JsonNode audit = get(ADMIN, path + "/transitions").body();
        assertThat(audit.findValuesAsString("to")).containsExactly("DRAFT", "SUBMITTED", "APPROVED", "DRAFT");
        assertThat(audit.at("/3/from").asString()).isEqualTo("APPROVED");
        assertThat(audit.at("/3/by").asString()).startsWith("welfare-service");
        assertThat(audit.at("/3/version").asInt()).isEqualTo(2);
        List<ConsumerRecord<String, byte[]>> events = TopicReader.read("performance.events",
                r -> id.equals(r.key()), 3, Duration.ofSeconds(20));
        assertThat(events).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly(
                "performance.realisation.submitted", "performance.realisation.approved",
                "performance.realisation.reopened");
        JsonNode reopenedEvent = JSON.readTree(events.get(2).value());
        assertThat(reopenedEvent.path("version").asInt()).isEqualTo(2);
        assertThat(reopenedEvent.at("/entries/0/value").asString()).isEqualTo("70");

        // An older publication arriving late, and the same figures again, change nothing.
        UUID older = welfare.published(figures(KELURAHAN, 3, 10, 1, 42, first.minusSeconds(60)));
        UUID same = welfare.published(figures(KELURAHAN, 3, 10, 7, 42, first.plusSeconds(120)));
        awaitProcessed(older);
        awaitProcessed(same);
        JsonNode after = get(ADMIN, path).body();
        assertThat(after.path("etag").asInt()).isEqualTo(5);
        assertThat(after.path("version").asInt()).isEqualTo(2);
        assertThat(after.at("/entries/0/value").decimalValue()).isEqualByComparingTo("70");
    }

    @Test
    void aMalformedPublicationIsDeadLetteredWithNothingApplied() {
        Instant now = Instant.now();
        UUID moreServedThanFound = welfare.published(figures(KELURAHAN, 4, 3, 5, 42, now));
        UUID unknownKelurahan = welfare.published(figures("18.72.03.1999", 4, 3, 1, 42, now));
        LocalDate from = LocalDate.of(YEAR, 10, 1);
        UUID programmeTwice = welfare.published(new KelurahanIndicatorsPublished(KELURAHAN, from, from.plusMonths(3)
                .minusDays(1), 4, 2, List.of(new ProgrammeKpm("PKH", 10, null), new ProgrammeKpm("PKH", 11, null)),
                now));
        for (UUID eventId : List.of(moreServedThanFound, unknownKelurahan, programmeTwice)) {
            JsonNode letter = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                    () -> deadLetter(eventId), found -> found != null);
            assertThat(letter.path("eventType").asString()).isEqualTo("welfare.kelurahan-indicators.published");
            assertThat(letter.path("originalTopic").asString()).isEqualTo(WelfareEvents.TOPIC);
        }
        assertThat(deadLetter(moreServedThanFound).path("reason").asString()).contains("ppksDitangani");
        assertThat(deadLetter(unknownKelurahan).path("reason").asString()).contains("18.72.03.1999");
        assertThat(jdbc.sql("SELECT count(*) FROM register_figure WHERE period_from = ?").param(from)
                .query(Long.class).single()).as("nothing half-applied").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM event_inbox WHERE event_id IN (?, ?, ?)")
                .params(moreServedThanFound, unknownKelurahan, programmeTwice).query(Long.class).single()).isZero();
    }

    private JsonNode deadLetter(UUID eventId) {
        for (JsonNode letter : get(ADMIN, "/api/v1/ops/dead-letters?size=200").body().path("items")) {
            if (eventId.toString().equals(letter.path("eventId").asString())) {
                return letter;
            }
        }
        return null;
    }

    private ApiClient.Response send(String user, String method, String path, String ifMatch, JsonNode body) {
        return api.send(method, path, token(user), body == null ? null : JSON.writeValueAsString(body),
                ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }
}
