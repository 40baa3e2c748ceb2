package org.kesra.reporting.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kesra.devinfra.Digests.sha256;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.performance.AgreementAgreed;
import org.kesra.contracts.performance.AgreementItem;
import org.kesra.contracts.performance.PlanIndicator;
import org.kesra.contracts.performance.PlanVersionPublished;
import org.kesra.contracts.performance.RealisationEntry;
import org.kesra.contracts.performance.RealisationSnapshot;
import org.kesra.contracts.performance.YearTarget;
import org.kesra.devinfra.ApiClient;
import org.kesra.reporting.ReportingApiIntegrationBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Kept report files (issue 23 item 4): a Laporan Kinerja Triwulan of Kelurahan Mulyojati for Q2 2025, fed as
 * performance-service's events through Kafka (plan, agreement, realisation submitted and approved, due 5 July 2025),
 * generated asynchronously to DONE, downloaded (bytes, SHA-256 in ETag and Repr-Digest, the download log), generated
 * again and verified; another region's file is unknown; bad input per rule; a generation left running by a stopped
 * instance is marked failed; the schedule keeps the quarter's report after its deadline, once per review step.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportGenerationIT extends ReportingApiIntegrationBase {

    static final String UNIT = "18.72.03.1001";
    static final String PATH = "/api/v1/reports/generations";
    static final UUID AGREEMENT = UUID.randomUUID();
    static final UUID REALISATION = UUID.randomUUID();
    static final String QUARTERLY = "{\"type\":\"quarterly\",\"parameters\":{\"unit\":\"" + UNIT
            + "\",\"tahun\":\"2025\",\"triwulan\":2},\"format\":\"pdf\"}";
    private static boolean sent;

    @Autowired
    ReportGenerations generations;
    @Autowired
    ScheduledQuarterlyReports scheduled;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void mulyojatiQuarterTwo() {
        if (sent) {
            return;
        }
        sent = true;
        Instant start = Instant.parse("2025-01-03T01:00:00Z");
        UUID plan = UUID.randomUUID();
        events.performance(EventCatalog.PLAN_VERSION_PUBLISHED, plan, UNIT, new PlanVersionPublished(plan, 1, UNIT,
                "Renstra Kelurahan Mulyojati 2021-2026", 2021, 2026, null, List.of(new PlanIndicator(
                UUID.randomUUID(), "SASARAN", "1", "Meningkatnya pelayanan kelurahan",
                "Persentase layanan administrasi selesai tepat waktu", "%", "HIGHER", "PERCENTAGE", "LAST",
                List.of(new YearTarget(2025, "90", null, 15_000_000L)))), start));
        events.performance(EventCatalog.AGREEMENT_AGREED, AGREEMENT, UNIT, new AgreementAgreed(AGREEMENT, 1, UNIT,
                2025, "ESELON_IV", "Lurah Mulyojati", null, List.of(
                new AgreementItem(0, "Meningkatnya pelayanan kelurahan",
                        "Persentase layanan administrasi selesai tepat waktu", "%", "HIGHER", "90", null, null, null),
                new AgreementItem(1, "Terselenggaranya musyawarah kelurahan", "Jumlah musyawarah kelurahan",
                        "kegiatan", "HIGHER", "4", null, 15_000_000L, null)), start.plusSeconds(86_400)));
        Instant submitted = Instant.parse("2025-07-02T02:00:00Z");
        events.performance(EventCatalog.REALISATION_SUBMITTED, REALISATION, UNIT,
                snapshot("SUBMITTED", null, submitted));
        events.performance(EventCatalog.REALISATION_APPROVED, REALISATION, UNIT,
                snapshot("APPROVED", 1, submitted.plusSeconds(7_200)));
    }

    static RealisationSnapshot snapshot(String status, Integer approved, Instant at) {
        List<RealisationEntry> entries = new ArrayList<>();
        entries.add(new RealisationEntry(0, "Persentase layanan administrasi selesai tepat waktu", "%", "92", null,
                null, "90", null, null, null, null, "102.22", "92", "102.22"));
        entries.add(new RealisationEntry(1, "Jumlah musyawarah kelurahan", "kegiatan", "2", null, null, "4", null,
                15_000_000L, 6_000_000L, "40", "50", "2", "50"));
        return new RealisationSnapshot(REALISATION, UNIT, 2025, 2, AGREEMENT, 1, status, 1, approved,
                LocalDate.of(2025, 7, 5), Instant.parse("2025-07-02T02:00:00Z"), 0, null, List.of(),
                "Musyawarah triwulan III dan IV terjadwal.", "Koordinasi dengan LPM.", entries, at);
    }

    /** Waits until the approval has reached the read model, so every generation here reads the same data. */
    private void approved() {
        String report = "/api/v1/reports/quarterly-performance?unit=" + UNIT + "&tahun=2025&triwulan=2";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode body = api.get(report, token("bappeda.planner")).body();
            return body.path("sections").size() == 1
                    && body.at("/sections/0/decision/status").asString().equals("APPROVED");
        });
    }

    /** Asks for a file and waits until it is DONE or FAILED; returns its final status. */
    private JsonNode generated(String user, String request) {
        ApiClient.Response accepted = api.post(PATH, token(user), request);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(location).isEqualTo(PATH + "/" + accepted.body().path("id").asString());
        assertThat(accepted.body().path("state").asString()).isIn("QUEUED", "RUNNING", "DONE");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                List.of("DONE", "FAILED").contains(api.get(location, token(user)).body().path("state").asString()));
        return api.get(location, token(user)).body();
    }

    @Test
    void aQuarterlyReportIsGeneratedAsynchronouslyKeptWithItsShaDownloadedLoggedAndReproduced() throws Exception {
        approved();
        JsonNode first = generated("mulyojati.operator", QUARTERLY);
        assertThat(first.path("state").asString()).as(first.toString()).isEqualTo("DONE");
        assertThat(first.path("type").asString()).isEqualTo("quarterly");
        assertThat(first.path("parameters").path("unit").asString()).isEqualTo(UNIT);
        assertThat(first.path("parameters").path("triwulan").asString()).isEqualTo("2");
        assertThat(first.path("requestedBy").asString()).isEqualTo(subject("mulyojati.operator"));
        assertThat(first.path("fileName").asString()).isEqualTo("laporan-kinerja-triwulan-" + UNIT + "-2025-Q2.pdf");
        assertThat(first.path("dataVersion").get(0).path("topic").asString()).isEqualTo("performance.events");
        assertThat(first.path("dataVersion").get(0).path("eventsApplied").asLong()).isPositive();
        assertThat(first.path("dataAsOf").asString()).isNotBlank();
        String id = first.path("id").asString();

        HttpResponse<byte[]> file = bytes(PATH + "/" + id + "/file", token("mulyojati.operator"), Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        String sha = sha256(file.body());
        assertThat(sha).isEqualTo(first.path("sha256").asString());
        assertThat(file.body().length).isEqualTo(first.path("sizeBytes").asInt());
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("laporan-kinerja-triwulan-" + UNIT + "-2025-Q2.pdf");
        assertThat(file.headers().firstValue("ETag").orElseThrow()).isEqualTo("\"" + sha + "\"");
        assertThat(file.headers().firstValue("Repr-Digest").orElseThrow()).isEqualTo("sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha)) + ":");
        // Kept to be looked at (pdftoppm -r 60 -png target/generated-quarterly.pdf ...).
        java.nio.file.Files.write(java.nio.file.Path.of("target/generated-quarterly.pdf"), file.body());
        try (PDDocument pdf = Loader.loadPDF(file.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Mulyojati").contains("Triwulan II 2025");
        }

        // The same data asked for again, by a city-wide reader: the same bytes.
        JsonNode second = generated("bappeda.planner", QUARTERLY);
        assertThat(second.path("state").asString()).isEqualTo("DONE");
        assertThat(second.path("id").asString()).isNotEqualTo(id);
        assertThat(second.path("dataVersion")).isEqualTo(first.path("dataVersion"));
        assertThat(second.path("sha256").asString()).isEqualTo(sha);

        // A kecamatan operator reads the kelurahan's file too (it lies within 18.72.03); each download is logged.
        assertThat(bytes(PATH + "/" + id + "/file", token("metrobarat.operator"), Map.of()).statusCode())
                .isEqualTo(200);
        assertThat(bytes(PATH + "/" + id + "/file", token("mulyojati.operator"), Map.of()).statusCode())
                .isEqualTo(200);
        ApiClient.Response log = api.get(PATH + "/" + id + "/downloads", token("inspektorat.auditor"));
        assertThat(log.status()).as(log.text()).isEqualTo(200);
        assertThat(log.body().size()).isEqualTo(3);
        assertThat(log.body().get(0).path("downloadedBy").asString()).isEqualTo(subject("mulyojati.operator"));
        assertThat(log.body().get(1).path("downloadedBy").asString()).isEqualTo(subject("metrobarat.operator"));
        assertThat(log.body().get(1).path("roles").toString()).contains("kecamatan-operator");
        assertThat(log.body().get(2).path("downloadedAt").asString()).isNotBlank();
        assertThat(log.text()).doesNotContain("mulyojati.operator");
        assertThat(jdbc.sql("SELECT count(*) FROM report_generation_download WHERE generation_id = ?")
                .param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(3);
        assertThat(api.get(PATH + "/" + id + "/downloads", token("platform.admin")).status()).isEqualTo(200);
        assertThat(api.get(PATH + "/" + id + "/downloads", token("mulyojati.operator")).status()).isEqualTo(403);

        // Regenerated with the kept parameters and scope: the same SHA-256.
        ApiClient.Response verified = api.post(PATH + "/" + id + "/verifications", token("inspektorat.auditor"), "");
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        assertThat(verified.body().path("result").asString()).isEqualTo("MATCH");
        assertThat(verified.body().path("regeneratedSha256").asString()).isEqualTo(sha);

        // The history: the caller's files, newest first, filtered by type and unit.
        ApiClient.Response history = api.get(PATH + "?type=quarterly&unit=" + UNIT + "&size=1",
                token("mulyojati.operator"));
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(history.body().path("items").size()).isEqualTo(1);
        assertThat(history.body().path("items").get(0).path("id").asString()).isEqualTo(second.path("id").asString());
        assertThat(api.get(PATH + "?type=quarterly&unit=" + UNIT + "&size=1&page=1", token("mulyojati.operator"))
                .body().path("items").get(0).path("id").asString()).isEqualTo(id);
    }

    @Test
    void aVerificationAfterTheReadModelMovedOnSaysSoInsteadOfClaimingAMismatch() {
        approved();
        JsonNode kept = generated("bappeda.planner", QUARTERLY.replace("\"pdf\"", "\"xlsx\""));
        assertThat(kept.path("state").asString()).isEqualTo("DONE");
        assertThat(kept.path("mediaType").asString()).isEqualTo(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String id = kept.path("id").asString();
        // The kept data version made older than the read model: as if events had been applied since.
        jdbc.sql("""
                UPDATE report_generation SET data_version = jsonb_set(data_version, '{0,eventsApplied}',
                    to_jsonb((data_version -> 0 ->> 'eventsApplied')::bigint - 1)),
                    sha256 = repeat('0', 64) WHERE id = ?""").param(UUID.fromString(id)).update();
        ApiClient.Response verified = api.post(PATH + "/" + id + "/verifications", token("bappeda.planner"), "");
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        assertThat(verified.body().path("result").asString()).isEqualTo("DATA_CHANGED");
        assertThat(verified.body().path("message").asString()).contains("Data sumber telah bertambah");
        assertThat(verified.body().path("currentDataVersion").get(0).path("eventsApplied").asLong())
                .isEqualTo(verified.body().path("keptDataVersion").get(0).path("eventsApplied").asLong() + 1);
    }

    @Test
    void anotherRegionsFileIsUnknownAndARequestOutsideTheRegionIs403() {
        approved();
        JsonNode kelurahan = generated("mulyojati.operator", QUARTERLY);
        String id = kelurahan.path("id").asString();
        String other = token("rejomulyo.operator");
        ApiClient.Response status = api.get(PATH + "/" + id, other);
        ApiClient.Response missing = api.get(PATH + "/" + UUID.randomUUID(), other);
        assertProblem(status, 404, "RP-BERKAS-LAPORAN-TIDAK-DIKENAL", null);
        assertProblem(missing, 404, "RP-BERKAS-LAPORAN-TIDAK-DIKENAL", null);
        assertProblem(api.get(PATH + "/" + id + "/file", other), 404, "RP-BERKAS-LAPORAN-TIDAK-DIKENAL", null);
        assertProblem(api.post(PATH + "/" + id + "/verifications", other, ""), 404,
                "RP-BERKAS-LAPORAN-TIDAK-DIKENAL", null);
        assertThat(api.get(PATH + "?type=quarterly", other).text()).doesNotContain(id);
        assertThat(jdbc.sql("SELECT count(*) FROM report_generation_download WHERE generation_id = ?")
                .param(UUID.fromString(id)).query(Long.class).single()).as("refused downloads are not logged")
                .isZero();
        // Asking for the other region's report: 403, as its GET, whether the unit exists or not.
        assertProblem(api.post(PATH, other, QUARTERLY), 403, "RP-DI-LUAR-WILAYAH", null);
        assertProblem(api.post(PATH, other, QUARTERLY.replace(UNIT, "18.72.03.1999")), 403, "RP-DI-LUAR-WILAYAH",
                null);

        // The city's recap kept by a planner is not for a kecamatan operator; their own kecamatan's recap is, but a
        // kelurahan operator does not see the whole kecamatan's rows.
        JsonNode city = generated("bappeda.planner",
                "{\"type\":\"recap\",\"parameters\":{\"period\":\"2025-Q2\"},\"format\":\"xlsx\"}");
        assertThat(city.path("state").asString()).as(city.toString()).isEqualTo("DONE");
        assertProblem(api.get(PATH + "/" + city.path("id").asString(), token("metrobarat.operator")), 404,
                "RP-BERKAS-LAPORAN-TIDAK-DIKENAL", null);
        JsonNode kecamatan = generated("metrobarat.operator",
                "{\"type\":\"recap\",\"parameters\":{\"period\":\"2025-Q2\",\"kecamatan\":\"18.72.03\"},"
                        + "\"format\":\"pdf\"}");
        assertThat(kecamatan.path("state").asString()).isEqualTo("DONE");
        assertThat(kecamatan.path("unit").asString()).isEqualTo("18.72.03");
        assertProblem(api.get(PATH + "/" + kecamatan.path("id").asString(), token("mulyojati.operator")), 404,
                "RP-BERKAS-LAPORAN-TIDAK-DIKENAL", null);
        assertThat(api.get(PATH + "/" + kecamatan.path("id").asString(), token("inspektorat.auditor")).status())
                .isEqualTo(200);
    }

    @Test
    void badInputIsAProblemDetailWithAPointerAndKeepsNothing() {
        String planner = token("bappeda.planner");
        long before = jdbc.sql("SELECT count(*) FROM report_generation").query(Long.class).single();
        assertProblem(api.post(PATH, planner, "{\"type\":\"neraca\",\"format\":\"pdf\"}"), 404,
                "RP-JENIS-LAPORAN-TIDAK-DIKENAL", null);
        assertProblem(api.post(PATH, planner, "{\"format\":\"pdf\"}"), 400, "RP-PARAMETER-TIDAK-SAH", "/type");
        assertProblem(api.post(PATH, planner, "{\"type\":7,\"format\":\"pdf\"}"), 400, "RP-PARAMETER-TIDAK-SAH",
                "/type");
        assertProblem(api.post(PATH, planner, QUARTERLY.replace("\"pdf\"", "\"docx\"")), 400,
                "RP-PARAMETER-TIDAK-SAH", "/format");
        assertProblem(api.post(PATH, planner, QUARTERLY.replace(",\"format\":\"pdf\"", "")), 400,
                "RP-PARAMETER-TIDAK-SAH", "/format");
        assertProblem(api.post(PATH, planner, "{\"type\":\"dashboard\",\"parameters\":{\"tahun\":\"2025\"},"
                + "\"format\":\"pdf\"}"), 400, "RP-PARAMETER-TIDAK-SAH", "/format");
        assertProblem(api.post(PATH, planner, QUARTERLY.replace("\"triwulan\"", "\"bulan\"")), 400,
                "RP-PARAMETER-TIDAK-SAH", "/parameters/bulan");
        assertProblem(api.post(PATH, planner, QUARTERLY.replace("\"2025\"", "\"dua ribu\"")), 400,
                "RP-PARAMETER-TIDAK-SAH", "/parameters/tahun");
        assertProblem(api.post(PATH, planner, QUARTERLY.replace("\"2025\"", "[2025]")), 400,
                "RP-PARAMETER-TIDAK-SAH", "/parameters/tahun");
        assertProblem(api.post(PATH, planner, QUARTERLY.replace("triwulan\":2", "triwulan\":5")), 400,
                "RP-PARAMETER-TIDAK-SAH", "/parameters/triwulan");
        assertProblem(api.post(PATH, planner, "{\"type\":\"quarterly\",\"parameters\":[1],\"format\":\"pdf\"}"),
                400, "RP-PARAMETER-TIDAK-SAH", "/parameters");
        assertProblem(api.post(PATH, planner, "[]"), 400, "RP-PARAMETER-TIDAK-SAH", null);
        assertProblem(api.post(PATH, planner, QUARTERLY.replace(UNIT, "18.72.03.1999")), 404,
                "RP-UNIT-TIDAK-DIKENAL", null);
        assertProblem(api.post(PATH, planner, QUARTERLY.replace("\"2025\"", "\"2040\"")), 400,
                "RP-PERIODE-DI-LUAR-RENSTRA", "/parameters/tahun");
        assertProblem(api.post(PATH, planner, "{\"type\":\"recap\",\"parameters\":{\"period\":\"2025-Q9\"},"
                + "\"format\":\"pdf\"}"), 400, "RP-PARAMETER-TIDAK-SAH", "/parameters/period");
        // the kinds kept since the demo mode: their own rules, pointers under /parameters
        assertProblem(api.post(PATH, planner, "{\"type\":\"sembako\",\"parameters\":{\"tahun\":\"2019\"},"
                + "\"format\":\"docx\"}"), 400, "RP-PARAMETER-TIDAK-SAH", "/format");
        assertProblem(api.post(PATH, planner, "{\"type\":\"pkh\",\"parameters\":{\"tahun\":\"21\"},"
                + "\"format\":\"xlsx\"}"), 400, "RP-PARAMETER-TIDAK-SAH", "/parameters/tahun");
        assertProblem(api.post(PATH, planner, "{\"type\":\"pkh\",\"parameters\":{\"tahun\":\"2021\","
                + "\"unit\":\"dinsos\"},\"format\":\"xlsx\"}"), 400, "RP-PARAMETER-TIDAK-SAH", "/parameters/unit");
        assertProblem(api.post(PATH, planner, "{\"type\":\"renstra\",\"parameters\":{\"unit\":\"dinkes\"},"
                + "\"format\":\"pdf\"}"), 404, "RP-UNIT-TIDAK-DIKENAL", null);
        assertProblem(api.post(PATH, planner, "{\"type\":\"renstra\",\"parameters\":{\"unit\":\"dinsos\","
                + "\"versi\":\"0\"},\"format\":\"pdf\"}"), 400, "RP-PARAMETER-TIDAK-SAH", "/parameters/versi");
        assertProblem(api.post(PATH, token("metrobarat.operator"), "{\"type\":\"pkh\",\"parameters\":"
                + "{\"tahun\":\"2021\"},\"format\":\"pdf\"}"), 403, "RP-DI-LUAR-WILAYAH", null);
        assertProblem(api.get(PATH + "?page=-1", planner), 400, "RP-PARAMETER-TIDAK-SAH", "/page");
        assertProblem(api.get(PATH + "?size=1000", planner), 400, "RP-PARAMETER-TIDAK-SAH", "/size");
        assertProblem(api.get(PATH + "?type=neraca", planner), 400, "RP-PARAMETER-TIDAK-SAH", "/type");
        assertProblem(api.get(PATH + "/not-an-id", planner), 404, "RP-BERKAS-LAPORAN-TIDAK-DIKENAL", null);
        assertThat(jdbc.sql("SELECT count(*) FROM report_generation").query(Long.class).single())
                .as("nothing kept for a refused request").isEqualTo(before);
    }

    @Test
    void aGenerationLeftRunningByAStoppedInstanceIsMarkedFailedAndAFileNotMadeIsNotDownloadable() {
        UUID stale = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        Instant now = Instant.now();
        for (UUID id : List.of(stale, recent)) {
            jdbc.sql("""
                    INSERT INTO report_generation (id, report_type, format, parameters, origin, requested_by,
                        requested_at, state, started_at, data_version)
                    VALUES (?, 'lakip', 'pdf', '{"unit":"dinsos","tahun":"2025"}', 'REQUEST', 'test', ?, 'RUNNING', ?,
                        '[]')""").params(id, Timestamp.from(id == stale ? now.minusSeconds(3_600) : now),
                    Timestamp.from(id == stale ? now.minusSeconds(3_600) : now)).update();
        }
        assertThat(generations.failStale()).isGreaterThanOrEqualTo(1);
        JsonNode failed = api.get(PATH + "/" + stale, token("platform.admin")).body();
        assertThat(failed.path("state").asString()).isEqualTo("FAILED");
        assertThat(failed.path("problem").path("code").asString()).isEqualTo("RP-PEMBUATAN-TERPUTUS");
        assertThat(failed.path("problem").path("title").asString()).isEqualTo("Pembuatan laporan terputus");
        assertThat(api.get(PATH + "/" + recent, token("platform.admin")).body().path("state").asString())
                .as("a generation younger than stale-after may still be running elsewhere").isEqualTo("RUNNING");
        assertProblem(api.get(PATH + "/" + recent + "/file", token("platform.admin")), 409, "RP-BERKAS-BELUM-SIAP",
                null);
        assertProblem(api.get(PATH + "/" + stale + "/file", token("platform.admin")), 409, "RP-BERKAS-BELUM-SIAP",
                null);
        assertProblem(api.get(PATH + "/" + recent, token("metrobarat.operator")), 404,
                "RP-BERKAS-LAPORAN-TIDAK-DIKENAL", null);
        jdbc.sql("UPDATE report_generation SET state = 'FAILED' WHERE id = ?").param(recent).update();
    }

    @Test
    @Order(99) // last: it re-opens the realisation the other tests read as approved
    void theScheduleKeepsEachUnitsQuarterlyReportAfterItsDeadlineOncePerReviewStep() throws Exception {
        approved();
        String filter = PATH + "?type=quarterly&unit=" + UNIT + "&size=100";
        scheduled.generateDue();
        List<JsonNode> kept = scheduledFiles(filter);
        assertThat(kept).hasSize(1);
        JsonNode file = kept.get(0);
        assertThat(file.path("state").asString()).as(file.toString()).isEqualTo("DONE");
        assertThat(file.path("requestedBy").asString()).isEqualTo("scheduler");
        assertThat(file.path("format").asString()).isEqualTo("pdf");
        assertThat(file.path("parameters").path("tahun").asString()).isEqualTo("2025");
        assertThat(file.path("parameters").path("triwulan").asString()).isEqualTo("2");
        HttpResponse<byte[]> bytes = bytes(PATH + "/" + file.path("id").asString() + "/file",
                token("mulyojati.operator"), Map.of());
        assertThat(sha256(bytes.body())).isEqualTo(file.path("sha256").asString());

        scheduled.generateDue();
        assertThat(scheduledFiles(filter)).as("nothing changed: nothing new").hasSize(1);

        // A later review step (re-opened) after the deadline: the report as it now stands is kept as well.
        events.performance(EventCatalog.REALISATION_REOPENED, REALISATION, UNIT,
                snapshot("REOPENED", 1, Instant.parse("2025-08-01T03:00:00Z")));
        String report = "/api/v1/reports/quarterly-performance?unit=" + UNIT + "&tahun=2025&triwulan=2";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                api.get(report, token("bappeda.planner")).body().at("/sections/0/realisation/status").asString()
                        .equals("REOPENED"));
        scheduled.generateDue();
        List<JsonNode> after = scheduledFiles(filter);
        assertThat(after).hasSize(2);
        assertThat(after.get(0).path("sha256").asString()).isNotEqualTo(file.path("sha256").asString());
    }

    private List<JsonNode> scheduledFiles(String filter) {
        List<JsonNode> files = new ArrayList<>();
        api.get(filter, token("bappeda.planner")).body().path("items").forEach(item -> {
            if (item.path("origin").asString().equals("SCHEDULE")) {
                files.add(item);
            }
        });
        return files;
    }

    private static String subject(String user) {
        String payload = token(user).split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .path("sub").asString();
    }
}
