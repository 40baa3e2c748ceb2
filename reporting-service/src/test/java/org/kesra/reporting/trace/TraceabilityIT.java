package org.kesra.reporting.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.EventDefinition;
import org.kesra.contracts.performance.AgreementAgreed;
import org.kesra.contracts.performance.AgreementItem;
import org.kesra.contracts.performance.PlanIndicator;
import org.kesra.contracts.performance.PlanVersionPublished;
import org.kesra.contracts.performance.RealisationEntry;
import org.kesra.contracts.performance.RealisationSnapshot;
import org.kesra.contracts.performance.YearTarget;
import org.kesra.devinfra.ApiClient;
import org.kesra.reporting.ReportingApiIntegrationBase;
import org.kesra.reporting.SourceEventsFixture;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Traceability of a performance report's figures (issue 23 item 5): Kecamatan Metro Utara's second quarter of 2025
 * fed as performance-service's events through Kafka (plan, the camat's Perjanjian Kinerja, and the realisation's
 * review: submitted, returned, submitted again, approved, re-opened with an edit, submitted, approved). The trace
 * of a figure names each event in order with its topic, partition and offset, who submitted and who approved the
 * version shown, and gives the figure the quarterly report and the LAKIP show; a redelivered event adds nothing; a
 * read-model rebuild gives the same trace; the refusals are the reports'.
 */
class TraceabilityIT extends ReportingApiIntegrationBase {

    static final String UNIT = "18.72.02";
    static final String QUARTERLY = "/api/v1/reports/quarterly-performance?unit=" + UNIT + "&tahun=2025&triwulan=2";
    static final String TRACES = "/api/v1/reports/traces?unit=" + UNIT + "&tahun=2025";
    static final String TRACE = TRACES + "&report=quarterly&triwulan=2&item=1&figure=realisasi";
    static final UUID PLAN = UUID.randomUUID();
    static final UUID INDICATOR = UUID.randomUUID();
    static final UUID AGREEMENT = UUID.randomUUID();
    static final UUID REALISATION = UUID.randomUUID();
    static final String INDICATOR_NAME = "Persentase PPKS yang ditangani di kecamatan";
    static final String OPERATOR = "metroutara.operator";
    static final String CAMAT = "metroutara.camat";
    /** The realisation's events in the order they were published: type, event id, value of item 1 they carried. */
    static final List<Object[]> STEPS = new ArrayList<>();
    private static boolean sent;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void review() {
        if (sent) {
            return;
        }
        sent = true;
        events.performance(EventCatalog.PLAN_VERSION_PUBLISHED, PLAN, UNIT, new PlanVersionPublished(PLAN, 1, UNIT,
                "Renstra Kecamatan Metro Utara 2025-2029", 2025, 2029, null, List.of(new PlanIndicator(INDICATOR,
                "SASARAN", "1", "Meningkatnya penanganan PPKS", INDICATOR_NAME, "%", "HIGHER", "PERCENTAGE", "LAST",
                List.of(new YearTarget(2025, "80", null, null), new YearTarget(2029, "90", null, null)))),
                Instant.parse("2025-01-06T02:00:00Z")));
        events.performance(EventCatalog.AGREEMENT_AGREED, AGREEMENT, UNIT, new AgreementAgreed(AGREEMENT, 1, UNIT,
                2025, "HEAD", "Camat Metro Utara", null, List.of(
                new AgreementItem(0, "Meningkatnya penanganan PPKS", INDICATOR_NAME, "%", "HIGHER", "80", null, null,
                        INDICATOR),
                new AgreementItem(1, "Terlaksananya pemberdayaan masyarakat", "Jumlah kegiatan pemberdayaan",
                        "kegiatan", "HIGHER", "4", null, 10_000_000L, null)),
                Instant.parse("2025-01-20T02:00:00Z")));
        Instant at = Instant.parse("2025-07-01T02:00:00Z");
        step(EventCatalog.REALISATION_SUBMITTED, "SUBMITTED", 1, null, "70", 2_000_000L, OPERATOR, at);
        step(EventCatalog.REALISATION_RETURNED, "RETURNED", 1, null, "70", 2_000_000L, CAMAT, at.plusSeconds(3_600));
        step(EventCatalog.REALISATION_SUBMITTED, "SUBMITTED", 1, null, "75", 2_500_000L, OPERATOR,
                at.plusSeconds(7_200));
        step(EventCatalog.REALISATION_APPROVED, "APPROVED", 1, 1, "75", 2_500_000L, CAMAT, at.plusSeconds(10_800));
        step(EventCatalog.REALISATION_REOPENED, "DRAFT", 2, 1, "78", 2_600_000L, OPERATOR, at.plusSeconds(86_400));
        step(EventCatalog.REALISATION_SUBMITTED, "SUBMITTED", 2, 1, "78", 2_600_000L, OPERATOR,
                at.plusSeconds(90_000));
        step(EventCatalog.REALISATION_APPROVED, "APPROVED", 2, 2, "78", 2_600_000L, CAMAT, at.plusSeconds(93_600));
    }

    private static void step(EventDefinition type, String status, int version, Integer approved, String value,
                             long rupiah, String actor, Instant at) {
        String capaian = new java.math.BigDecimal(value).multiply(java.math.BigDecimal.valueOf(100))
                .divide(java.math.BigDecimal.valueOf(80), 2, java.math.RoundingMode.HALF_UP).toPlainString();
        List<RealisationEntry> entries = List.of(
                new RealisationEntry(0, INDICATOR_NAME, "%", value, null, null, "80", null, null, null, null,
                        capaian, value, capaian, "Tinggi", "Tinggi"),
                new RealisationEntry(1, "Jumlah kegiatan pemberdayaan", "kegiatan", "2", null, null, "4", null,
                        10_000_000L, rupiah, java.math.BigDecimal.valueOf(rupiah * 100 / 10_000_000L).toPlainString(),
                        "50", "2", "50", "Rendah", "Rendah"));
        boolean returned = "RETURNED".equals(status);
        RealisationSnapshot snapshot = new RealisationSnapshot(REALISATION, UNIT, 2025, 2, AGREEMENT, 1, status,
                version, approved, LocalDate.of(2025, 7, 7), Instant.parse("2025-07-01T02:00:00Z"), 0,
                returned ? "Lampirkan daftar penerima" : type == EventCatalog.REALISATION_REOPENED
                        ? "Angka PPKS dikoreksi" : null, returned ? List.of("RECHECK_CAPAIAN") : List.of(),
                "Tidak ada kendala", "Lanjutkan pendampingan", entries, at, actor);
        UUID id = events.performance(type, REALISATION, UNIT, snapshot);
        STEPS.add(new Object[] {type, id, value, snapshot});
    }

    private JsonNode trace(String token) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            ApiClient.Response answer = api.get(TRACE, token);
            return answer.status() == 200 && answer.body().path("events").size() == 7
                    && answer.body().at("/approval/version").asInt() == 2;
        });
        return api.get(TRACE, token).body();
    }

    @Test
    void aFigureNamesItsSubmissionApprovalAndEveryEventInOrderWithItsOffset() {
        String auditor = token("inspektorat.auditor");
        JsonNode trace = trace(auditor);
        JsonNode report = api.get(QUARTERLY, auditor).body();
        JsonNode row = report.at("/sections/0/capaian/0");
        assertThat(row.path("no").asString()).isEqualTo("1.");
        assertThat(trace.path("value").decimalValue()).isEqualByComparingTo(row.path("value").decimalValue())
                .isEqualByComparingTo("78");
        assertThat(trace.path("indicator").asString()).isEqualTo(INDICATOR_NAME);
        assertThat(trace.path("periodLabel").asString()).isEqualTo("Triwulan II 2025");
        assertThat(trace.at("/submission/realisationId").asString()).isEqualTo(REALISATION.toString());
        assertThat(trace.at("/submission/version").asInt()).isEqualTo(2);
        assertThat(trace.at("/submission/status").asString()).isEqualTo("APPROVED");
        assertThat(trace.at("/submission/submittedBy").asString()).isEqualTo(OPERATOR);
        assertThat(trace.at("/submission/agreementRevision").asInt()).isEqualTo(1);
        assertThat(trace.at("/approval/approvedBy").asString()).isEqualTo(CAMAT);
        assertThat(trace.at("/approval/eventId").asString()).isEqualTo(STEPS.get(6)[1].toString());
        assertThat(Instant.parse(trace.at("/approval/approvedAt").asString()))
                .isEqualTo(((RealisationSnapshot) STEPS.get(6)[3]).occurredAt());
        assertThat(trace.at("/source/eventId").asString()).isEqualTo(STEPS.get(6)[1].toString());
        assertThat(trace.at("/agreement/agreementId").asString()).isEqualTo(AGREEMENT.toString());
        assertThat(trace.at("/agreement/event/offset").isNumber()).isTrue();

        JsonNode events = trace.path("events");
        assertThat(events.valueStream().map(e -> e.path("step").asString()).toList()).containsExactly("submitted",
                "returned", "submitted", "approved", "reopened", "submitted", "approved");
        long previous = -1;
        int partition = events.get(0).path("partition").asInt();
        for (int i = 0; i < 7; i++) {
            JsonNode e = events.get(i);
            assertThat(e.path("eventId").asString()).isEqualTo(STEPS.get(i)[1].toString());
            assertThat(e.path("type").asString()).isEqualTo(((EventDefinition) STEPS.get(i)[0]).type());
            assertThat(e.path("topic").asString()).isEqualTo(SourceEventsFixture.PERFORMANCE);
            assertThat(e.path("partition").asInt()).as("one realisation, one partition").isEqualTo(partition);
            assertThat(e.path("offset").asLong()).as("published in order").isGreaterThan(previous);
            previous = e.path("offset").asLong();
            assertThat(e.path("value").decimalValue()).isEqualByComparingTo((String) STEPS.get(i)[2]);
            assertThat(e.path("shown").asBoolean()).isEqualTo(i == 6);
            assertThat(e.path("time").isString()).isTrue();
        }
        assertThat(events.get(1).path("actor").asString()).isEqualTo(CAMAT);
        assertThat(events.get(1).path("checklist").get(0).asString()).isEqualTo("RECHECK_CAPAIAN");
        assertThat(events.get(4).path("reason").asString()).isEqualTo("Angka PPKS dikoreksi");
        assertThat(events.get(4).path("version").asInt()).isEqualTo(2);

        // capaian and realised rupiah of the same report, as shown
        JsonNode capaian = api.get(TRACE.replace("figure=realisasi", "figure=capaian"), auditor).body();
        assertThat(capaian.path("value").decimalValue()).isEqualByComparingTo(row.path("capaian").decimalValue())
                .isEqualByComparingTo("97.50");
        JsonNode rupiah = api.get(TRACE.replace("item=1&figure=realisasi", "item=2&figure=anggaran"), auditor)
                .body();
        assertThat(rupiah.path("value").decimalValue()).isEqualByComparingTo(
                report.at("/sections/0/cost/1/budgetRealised").decimalValue()).isEqualByComparingTo("2600000");
        assertThat(rupiah.at("/events/2/value").decimalValue()).isEqualByComparingTo("2500000");
        // a target: the agreement's event first, then the steps; the Renstra target of the year beside it
        JsonNode target = api.get(TRACE.replace("figure=realisasi", "figure=target"), auditor).body();
        assertThat(target.path("value").decimalValue()).isEqualByComparingTo("80");
        assertThat(target.at("/events/0/step").asString()).isEqualTo("agreed");
        assertThat(target.at("/events/0/type").asString()).isEqualTo(EventCatalog.AGREEMENT_AGREED.type());
        assertThat(target.at("/plan/planId").asString()).isEqualTo(PLAN.toString());
        assertThat(target.at("/plan/target").decimalValue()).isEqualByComparingTo("80");
        assertThat(target.at("/plan/event/type").asString()).isEqualTo(EventCatalog.PLAN_VERSION_PUBLISHED.type());
    }

    @Test
    void lakipFigureIsTheYearToDateOfTheLatestQuarterWithItsEvents() {
        String planner = token("bappeda.planner");
        trace(planner);
        JsonNode lakip = api.get("/api/v1/reports/lakip?unit=" + UNIT + "&tahun=2025", planner).body();
        assertThat(lakip.path("iku")).hasSize(1);
        JsonNode trace = api.get(TRACES + "&report=lakip&item=1&figure=capaian", planner).body();
        assertThat(trace.path("report").asString()).isEqualTo("lakip");
        assertThat(trace.path("value").decimalValue()).isEqualByComparingTo(lakip.at("/iku/0/capaian")
                .decimalValue()).isEqualByComparingTo("97.50");
        assertThat(trace.at("/submission/quarter").asInt()).isEqualTo(2);
        assertThat(trace.at("/approval/approvedBy").asString()).isEqualTo(CAMAT);
        assertThat(trace.path("events")).hasSize(7);
        assertThat(trace.at("/source/eventId").asString()).isEqualTo(lakip.at("/iku/0/eventId").asString());
    }

    /**
     * A cell of the Renstra matrix (seed 001 Tabel 6.1 layout): the year-to-date capaian of 2025 with the same
     * submission, approval and events as the LAKIP; the target of a year is the plan's own, from its published event.
     */
    @Test
    void renstraMatrixFigureNamesTheSameEventsAndItsTargetThePlan() {
        String auditor = token("inspektorat.auditor");
        trace(auditor);
        JsonNode matrix = api.get("/api/v1/reports/renstra-matrix?unit=" + UNIT, auditor).body();
        JsonNode cell = matrix.at("/rows/0/years/0");
        assertThat(cell.path("year").asInt()).isEqualTo(2025);
        JsonNode capaian = api.get(TRACES + "&report=renstra&item=1&figure=capaian", auditor).body();
        assertThat(capaian.path("report").asString()).isEqualTo("renstra");
        assertThat(capaian.path("value").decimalValue()).isEqualByComparingTo(cell.path("capaian").decimalValue())
                .isEqualByComparingTo("97.50");
        assertThat(capaian.path("indicator").asString()).isEqualTo(INDICATOR_NAME);
        assertThat(capaian.path("periodLabel").asString()).isEqualTo("Tahun 2025 (Renstra 2025-2029 versi 1)");
        assertThat(capaian.at("/source/eventId").asString()).isEqualTo(cell.path("eventId").asString())
                .isEqualTo(STEPS.get(6)[1].toString());
        assertThat(capaian.at("/submission/realisationId").asString()).isEqualTo(REALISATION.toString());
        assertThat(capaian.at("/approval/approvedBy").asString()).isEqualTo(CAMAT);
        assertThat(capaian.path("events")).hasSize(7);
        assertThat(capaian.at("/events/6/shown").asBoolean()).isTrue();
        assertThat(capaian.at("/events/6/value").decimalValue()).isEqualByComparingTo("97.50");

        JsonNode realisation = api.get(TRACES + "&report=renstra&item=1&figure=realisasi", auditor).body();
        assertThat(realisation.path("value").decimalValue()).isEqualByComparingTo("78");

        JsonNode target = api.get(TRACES.replace("tahun=2025", "tahun=2029") + "&report=renstra&item=1&figure=target",
                auditor).body();
        assertThat(target.path("value").decimalValue()).isEqualByComparingTo("90");
        assertThat(target.at("/plan/planId").asString()).isEqualTo(PLAN.toString());
        assertThat(target.at("/plan/year").asInt()).isEqualTo(2029);
        assertThat(target.path("events")).hasSize(1);
        assertThat(target.at("/events/0/type").asString()).isEqualTo(EventCatalog.PLAN_VERSION_PUBLISHED.type());
        assertThat(target.at("/events/0/offset").isNumber()).isTrue();
        assertThat(target.path("submission").isNull()).isTrue();
    }

    @Test
    void aRedeliveredEventAddsNothing() {
        String planner = token("bappeda.planner");
        JsonNode before = trace(planner);
        Counter duplicates = meters.counter("kesra.events.consumed", "type",
                EventCatalog.REALISATION_APPROVED.type(), "outcome", "duplicate");
        double seen = duplicates.count();
        Object[] approved = STEPS.get(3);
        events.send(SourceEventsFixture.PERFORMANCE, "performance", (UUID) approved[1],
                EventCatalog.REALISATION_APPROVED, REALISATION.toString(), UNIT, (RealisationSnapshot) approved[3]);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> duplicates.count() > seen);
        JsonNode after = api.get(TRACE, planner).body();
        assertThat(after.path("events")).hasSize(7);
        assertThat(after.toString()).isEqualTo(before.toString());
    }

    @Test
    void aReadModelRebuildGivesTheSameTrace() {
        String planner = token("bappeda.planner");
        String admin = token("platform.admin");
        String rebuilds = "/api/v1/ops/read-model-rebuilds";
        JsonNode before = trace(planner);
        String target = TRACE.replace("figure=realisasi", "figure=target");
        String targetBefore = api.get(target, planner).body().toString();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> api.get(
                rebuilds, admin).body().valueStream().noneMatch(r -> r.path("state").asString().equals("RUNNING")));
        ApiClient.Response started = api.post(rebuilds, admin, "{}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String status = rebuilds + "/" + started.body().path("id").asString();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> !api.get(status, admin).body().path("state").asString().equals("RUNNING"));
        assertThat(api.get(status, admin).body().path("state").asString()).isEqualTo("COMPLETED");
        assertThat(api.get(TRACE, planner).body().toString()).isEqualTo(before.toString());
        assertThat(api.get(target, planner).body().toString()).isEqualTo(targetBefore);
    }

    @Test
    void refusalsAreProblemDetailsThatRevealNothingOutsideTheRegion() {
        String planner = token("bappeda.planner");
        trace(planner);
        assertProblem(api.get(TRACE.replace("report=quarterly", "report=recap"), planner), 400,
                "RP-PARAMETER-TIDAK-SAH", "/report");
        assertProblem(api.get(TRACES + "&report=renstra&item=1&figure=anggaran", planner), 400,
                "RP-PARAMETER-TIDAK-SAH", "/figure");
        assertProblem(api.get(TRACES.replace("tahun=2025", "tahun=2030") + "&report=renstra&item=1&figure=target",
                planner), 400, "RP-PERIODE-DI-LUAR-RENSTRA", "/tahun");
        assertProblem(api.get(TRACES.replace("tahun=2025", "tahun=dua") + "&report=renstra&item=1&figure=target",
                planner), 400, "RP-PARAMETER-TIDAK-SAH", "/tahun");
        assertProblem(api.get(TRACES + "&report=renstra&item=2&figure=capaian", planner), 404,
                "RP-BUTIR-TIDAK-DIKENAL", null);
        assertProblem(api.get(TRACES.replace("tahun=2025", "tahun=2026") + "&report=renstra&item=1&figure=capaian",
                planner), 404, "RP-ANGKA-BELUM-ADA", null);
        assertProblem(api.get(TRACE.replace("figure=realisasi", "figure=efisiensi"), planner), 400,
                "RP-PARAMETER-TIDAK-SAH", "/figure");
        assertProblem(api.get(TRACE.replace("item=1", "item=satu"), planner), 400, "RP-PARAMETER-TIDAK-SAH",
                "/item");
        assertProblem(api.get(TRACES + "&report=lakip&item=1&figure=anggaran", planner), 400,
                "RP-PARAMETER-TIDAK-SAH", "/figure");
        assertProblem(api.get(TRACE.replace("triwulan=2", "triwulan=5"), planner), 400, "RP-PARAMETER-TIDAK-SAH",
                "/triwulan");
        assertProblem(api.get(TRACE.replace("tahun=2025", "tahun=2031"), planner), 400,
                "RP-PERIODE-DI-LUAR-RENSTRA", "/tahun");
        assertProblem(api.get(TRACE.replace(UNIT, "18.72.09"), planner), 404, "RP-UNIT-TIDAK-DIKENAL", null);
        assertProblem(api.get(TRACE.replace("item=1", "item=9"), planner), 404, "RP-BUTIR-TIDAK-DIKENAL", null);
        assertProblem(api.get(TRACES + "&report=lakip&item=4&figure=capaian", planner), 404,
                "RP-BUTIR-TIDAK-DIKENAL", null);
        ApiClient.Response empty = api.get(TRACE.replace("triwulan=2", "triwulan=3"), planner);
        assertProblem(empty, 404, "RP-ANGKA-BELUM-ADA", null);
        assertThat(empty.body().path("detail").asString()).contains("Belum ada realisasi Triwulan III 2025");

        String outsider = token("metrobarat.operator");
        ApiClient.Response existing = api.get(TRACE, outsider);
        ApiClient.Response missing = api.get(TRACE.replace(UNIT, "18.72.09"), outsider);
        assertProblem(existing, 403, "RP-DI-LUAR-WILAYAH", null);
        assertProblem(missing, 403, "RP-DI-LUAR-WILAYAH", null);
        assertThat(existing.body().path("detail").asString()).isEqualTo(missing.body().path("detail").asString());
    }
}
