package org.kesra.console.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.console.testing.RenderTestSupport;
import org.kesra.console.testing.StandInGateway;
import org.kesra.console.testing.StandInGateway.Answer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The kept report files (journey 4's report downloads with their generation status) rendered from answers shaped
 * like reporting-service's generations: the form's request, each state's wording, polling only while the file is
 * made, refusals beside their field, the file streamed under the service's name, the download log for auditors.
 */
class ReportArchivePagesRenderTest extends RenderTestSupport {

    static final String QUEUED_ID = "11111111-1111-1111-1111-111111111111";
    static final String RUNNING_ID = "22222222-2222-2222-2222-222222222222";
    static final String DONE_ID = "33333333-3333-3333-3333-333333333333";
    static final String FAILED_ID = "44444444-4444-4444-4444-444444444444";
    static final String MISSING_ID = "55555555-5555-5555-5555-555555555555";
    static final String CHANGED_ID = "66666666-6666-6666-6666-666666666666";
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String PATH = "/api/v1/reports/generations";

    static String status(String id, String state, String extra) {
        return """
                {"id":"%s","type":"quarterly","format":"pdf","parameters":{"unit":"18.72.03","tahun":"2024",
                 "triwulan":"1"},"unit":"18.72.03","origin":"REQUEST","requestedBy":"5b7c-subjek",
                 "requestedAt":"2026-12-07T08:05:00Z","state":"%s"%s}""".formatted(id, state, extra);
    }

    /** A kind the demo mode keeps (and the form offers): labelled in the list. */
    static final String PKH_DONE = """
            {"id":"77777777-7777-7777-7777-777777777777","type":"pkh","format":"xlsx","parameters":{"tahun":"2021",
             "program":"PKH"},"origin":"REQUEST","requestedBy":"demo.platform-admin",
             "requestedAt":"2026-12-07T08:04:00Z","state":"DONE"}""";

    static final String DONE = status(DONE_ID, "DONE", """
            ,"startedAt":"2026-12-07T08:05:01Z","finishedAt":"2026-12-07T08:05:03Z",
             "dataVersion":[{"topic":"performance.events","eventsApplied":1234,"lastEventId":"e1",
               "lastEventType":"performance.realisation.submitted","lastEventTime":"2026-12-07T03:05:00Z"}],
             "dataAsOf":"2026-12-07T03:05:00Z","fileName":"laporan-kinerja-triwulan-18.72.03-2024-Q1.pdf",
             "mediaType":"application/pdf","sizeBytes":23456,"sha256":"%s\"""".formatted(SHA));

    static final StandInGateway gateway = StandInGateway.start()
            .routeByBody("POST " + PATH, (query, body) -> body.contains("\"tahun\":\"1999\"")
                    ? Answer.problem(400, """
                        {"status":400,"title":"Periode di luar Renstra","code":"RP-PERIODE-DI-LUAR-RENSTRA",
                         "detail":"Tahun 1999 tidak tercakup Renstra unit ini.",
                         "errors":[{"pointer":"/parameters/tahun","detail":"Tahun 1999 di luar periode Renstra 2021-2026."}]}""")
                    : new Answer(202, "application/json", Map.of("Location", PATH + "/" + QUEUED_ID),
                        status(QUEUED_ID, "QUEUED", "").getBytes(StandardCharsets.UTF_8)))
            .route("GET " + PATH + "/" + QUEUED_ID, Answer.json(status(QUEUED_ID, "QUEUED", "")))
            .route("GET " + PATH + "/" + RUNNING_ID, Answer.json(status(RUNNING_ID, "RUNNING",
                    ",\"startedAt\":\"2026-12-07T08:05:01Z\"")))
            .route("GET " + PATH + "/" + DONE_ID, Answer.json(DONE))
            .route("GET " + PATH + "/" + CHANGED_ID, Answer.json(DONE.replace(DONE_ID, CHANGED_ID)))
            .route("GET " + PATH + "/" + FAILED_ID, Answer.json(status(FAILED_ID, "FAILED", """
                    ,"problem":{"code":"RP-PEMBUATAN-GAGAL","title":"Pembuatan berkas gagal",
                     "detail":"Berkas laporan tidak dapat dibuat; minta pembuatan ulang."}""")))
            .route("GET " + PATH + "/" + MISSING_ID, Answer.problem(404, """
                    {"status":404,"title":"Berkas laporan tidak dikenal","code":"RP-BERKAS-LAPORAN-TIDAK-DIKENAL",
                     "detail":"Tidak ada berkas laporan dengan id ini yang dapat Anda lihat."}"""))
            .route("GET " + PATH + "/" + MISSING_ID + "/file", Answer.problem(404, """
                    {"status":404,"title":"Berkas laporan tidak dikenal","code":"RP-BERKAS-LAPORAN-TIDAK-DIKENAL",
                     "detail":"Tidak ada berkas laporan dengan id ini yang dapat Anda lihat."}"""))
            .route("GET " + PATH + "/" + RUNNING_ID + "/file", Answer.problem(409, """
                    {"status":409,"title":"Berkas belum siap","code":"RP-BERKAS-BELUM-SIAP",
                     "detail":"Berkas laporan belum selesai dibuat."}"""))
            .route("GET " + PATH + "/" + DONE_ID + "/file", new Answer(200, "application/pdf", Map.of(
                    "Content-Disposition", "attachment; filename=\"laporan-kinerja-triwulan-18.72.03-2024-Q1.pdf\"",
                    "ETag", "\"" + SHA + "\""), "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
            .route("GET " + PATH + "/" + DONE_ID + "/downloads", Answer.json("""
                    [{"downloadedBy":"7d1e-auditor","roles":["auditor"],"downloadedAt":"2026-12-07T08:10:00Z"}]"""))
            .route("POST " + PATH + "/" + DONE_ID + "/verifications", Answer.json("""
                    {"generationId":"%s","result":"MATCH","message":"sama","keptSha256":"%s","regeneratedSha256":"%s",
                     "verifiedAt":"2026-12-07T08:15:00Z"}""".formatted(DONE_ID, SHA, SHA)))
            .route("POST " + PATH + "/" + CHANGED_ID + "/verifications", Answer.json("""
                    {"generationId":"%s","result":"DATA_CHANGED","message":"berubah","keptSha256":"%s",
                     "regeneratedSha256":"00ff","verifiedAt":"2026-12-07T08:15:00Z"}""".formatted(CHANGED_ID, SHA)))
            .route("GET " + PATH, query -> Answer.json("""
                    {"items":[%s,%s,%s],"page":%s,"size":20,"total":45}""".formatted(DONE,
                    status(FAILED_ID, "FAILED", ",\"origin\":\"SCHEDULE\"").replace("\"origin\":\"REQUEST\",", ""),
                    PKH_DONE, query != null && query.contains("page=1") ? 1 : 0)));

    RequestPostProcessor as(String role) {
        return login(role, "uji.arsip", Map.of("wilayah", "18.72"));
    }

    MockHttpServletResponse answer(String path, String role) throws Exception {
        return mvc.perform(get(path).with(as(role))).andReturn().getResponse();
    }

    String page(String path, String role) throws Exception {
        return page(path, as(role));
    }

    @Test
    void theFormPostsTheReportsTypeParametersAndFormatAndGoesToItsStatus() throws Exception {
        MockHttpServletResponse answer = mvc.perform(post("/laporan/arsip").with(as("planner")).with(csrf())
                .param("jenis", "lakip").param("unit", " 18.72.03 ").param("tahun", "2024").param("triwulan", "2")
                .param("periode", "2024-Q1").param("kecamatan", "").param("format", "xlsx"))
                .andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(302);
        assertThat(answer.getRedirectedUrl()).isEqualTo("/laporan/arsip/" + QUEUED_ID);
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST " + PATH + " auth=Bearer ")
                && c.endsWith("body={\"type\":\"lakip\",\"parameters\":{\"unit\":\"18.72.03\",\"tahun\":\"2024\"},"
                        + "\"format\":\"xlsx\"}"));
        mvc.perform(post("/laporan/arsip").with(as("planner")).with(csrf()).param("jenis", "recap")
                .param("periode", "2025-Q1").param("kecamatan", "").param("format", "pdf")).andReturn();
        assertThat(gateway.lines()).as("a blank kecamatan is left out: the user's whole region")
                .anyMatch(c -> c.endsWith("body={\"type\":\"recap\",\"parameters\":{\"period\":\"2025-Q1\"},"
                        + "\"format\":\"pdf\"}"));
        mvc.perform(post("/laporan/arsip").with(as("planner")).with(csrf()).param("jenis", "renstra")
                .param("unit", "dinsos").param("tahun", "2024").param("versi", "").param("program", "PKH")
                .param("format", "xlsx")).andReturn();
        assertThat(gateway.lines()).as("the newest version when none is typed; a year is no Renstra parameter")
                .anyMatch(c -> c.endsWith("body={\"type\":\"renstra\",\"parameters\":{\"unit\":\"dinsos\"},"
                        + "\"format\":\"xlsx\"}"));
        mvc.perform(post("/laporan/arsip").with(as("planner")).with(csrf()).param("jenis", "pkh")
                .param("unit", "18.72.03").param("tahun", "2021").param("program", "").param("format", "pdf"))
                .andReturn();
        assertThat(gateway.lines()).as("city-level: no unit; the programme left to the service's default")
                .anyMatch(c -> c.endsWith("body={\"type\":\"pkh\",\"parameters\":{\"tahun\":\"2021\"},"
                        + "\"format\":\"pdf\"}"));
        mvc.perform(post("/laporan/arsip").with(as("planner")).with(csrf()).param("jenis", "sembako")
                .param("tahun", "2019").param("program", "SEMBAKO").param("format", "xlsx")).andReturn();
        assertThat(gateway.lines()).anyMatch(c -> c.endsWith("body={\"type\":\"sembako\",\"parameters\":"
                + "{\"tahun\":\"2019\",\"program\":\"SEMBAKO\"},\"format\":\"xlsx\"}"));
        String form = page("/laporan/arsip", "planner");
        for (String kind : List.of("quarterly", "lakip", "recap", "renstra", "pkh", "sembako")) {
            assertThat(form.split("<option value=\"" + kind + "\"", -1)).as("offered by the form and the filter: "
                    + kind).hasSize(3);
        }
        assertThat(form).contains("id=\"versi\"", "id=\"program\"");
        assertThat(mvc.perform(post("/laporan/arsip").with(as("planner")).param("jenis", "lakip"))
                .andReturn().getResponse().getStatus()).as("no CSRF token").isEqualTo(403);
    }

    @Test
    void aRefusedYearIsShownBesideTheFieldWithTheFormAsTyped() throws Exception {
        MockHttpServletResponse answer = mvc.perform(post("/laporan/arsip").with(as("kecamatan-operator"))
                .with(csrf()).param("jenis", "quarterly").param("unit", "18.72.03").param("tahun", "1999")
                .param("triwulan", "3").param("periode", "2025-Q1").param("format", "xlsx"))
                .andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(400);
        String html = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Berkas tidak dapat dibuat", "Tahun 1999 tidak tercakup Renstra unit ini.",
                "id=\"tahun-error\" class=\"field-error\">Tahun 1999 di luar periode Renstra 2021-2026.</p>",
                "aria-describedby=\"tahun-error\"", "value=\"1999\"", "value=\"18.72.03\"",
                "<option value=\"3\" selected=\"selected\">Triwulan III</option>",
                "<option value=\"xlsx\" selected=\"selected\">XLSX</option>");
    }

    @Test
    void eachStateIsWordedAndOnlyAFileBeingMadeIsPolled() throws Exception {
        String queued = page("/laporan/arsip/" + QUEUED_ID, "planner");
        assertThat(queued).contains("Keadaan: <strong>Menunggu antrean</strong>", "hx-trigger=\"every 3s\"",
                "hx-get=\"/laporan/arsip/" + QUEUED_ID + "\"", "Tahun</span>", "2024", "7 Desember 2026 15.05 WIB")
                .doesNotContain("Periksa ulang");
        assertThat(page("/laporan/arsip/" + RUNNING_ID, "planner")).contains("<strong>Sedang dibuat</strong>",
                "hx-trigger=\"every 3s\"");
        String done = page("/laporan/arsip/" + DONE_ID, "planner");
        assertThat(done).contains("<strong>Selesai</strong>", "23.456 bita", SHA,
                "Versi data</dt><dd>7 Desember 2026 10.05 WIB", "Kinerja (performance-service)", "1.234",
                "href=\"/laporan/arsip/" + DONE_ID + "/berkas\"", "Unduh PDF", "Periksa ulang",
                "name=\"_csrf\"").doesNotContain("hx-trigger", "hx-get");
        String failed = page("/laporan/arsip/" + FAILED_ID, "planner");
        assertThat(failed).contains("<strong>Gagal</strong>", "Berkas gagal dibuat",
                "Berkas laporan tidak dapat dibuat; minta pembuatan ulang.").doesNotContain("hx-trigger", "Unduh PDF");
        MockHttpServletResponse polled = mvc.perform(get("/laporan/arsip/" + RUNNING_ID).with(as("planner"))
                .header("HX-Request", "true")).andReturn().getResponse();
        assertThat(polled.getContentAsString(StandardCharsets.UTF_8)).as("htmx gets the section alone")
                .contains("id=\"keadaan-berkas\"").doesNotContain("<html");
    }

    @Test
    void anUnknownFileIsNotFoundAndAFileNotReadyIsToldOnItsPage() throws Exception {
        MockHttpServletResponse missing = answer("/laporan/arsip/" + MISSING_ID, "planner");
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("Berkas tidak dapat ditampilkan",
                "Tidak ada berkas laporan dengan id ini yang dapat Anda lihat.");
        MockHttpServletResponse missingFile = answer("/laporan/arsip/" + MISSING_ID + "/berkas", "planner");
        assertThat(missingFile.getStatus()).isEqualTo(404);
        assertThat(missingFile.getHeader("Content-Disposition")).isNull();
        assertThat(missingFile.getContentType()).startsWith("text/html");
        MockHttpServletResponse notReady = answer("/laporan/arsip/" + RUNNING_ID + "/berkas", "planner");
        assertThat(notReady.getStatus()).isEqualTo(409);
        assertThat(notReady.getContentAsString(StandardCharsets.UTF_8)).contains("Berkas tidak dapat diunduh",
                "Berkas laporan belum selesai dibuat.", "<strong>Sedang dibuat</strong>");
    }

    @Test
    void theFileStreamsUnderTheServicesName() throws Exception {
        MockHttpServletResponse file = answer("/laporan/arsip/" + DONE_ID + "/berkas", "kelurahan-operator");
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType()).isEqualTo("application/pdf");
        assertThat(file.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"laporan-kinerja-triwulan-18.72.03-2024-Q1.pdf\"");
        assertThat(new String(file.getContentAsByteArray(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.7");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("GET " + PATH + "/" + DONE_ID + "/file auth=Bearer "));
    }

    @Test
    void theDownloadLogIsShownToAnAuditorAndNotToAnOperator() throws Exception {
        assertThat(page("/laporan/arsip/" + DONE_ID, "auditor")).contains("Catatan unduhan", "7d1e-auditor",
                "7 Desember 2026 15.10 WIB");
        int before = (int) gateway.lines().stream().filter(c -> c.contains("/downloads")).count();
        assertThat(page("/laporan/arsip/" + DONE_ID, "kecamatan-operator")).doesNotContain("Catatan unduhan",
                "7d1e-auditor");
        assertThat(gateway.lines().stream().filter(c -> c.contains("/downloads")).count())
                .as("not even asked for an operator").isEqualTo(before);
    }

    @Test
    void aRecheckIsWordedForTheUser() throws Exception {
        String match = mvc.perform(post("/laporan/arsip/" + DONE_ID + "/periksa").with(as("auditor")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(match).contains("Cocok: berkas yang dibuat ulang sama persis", "7 Desember 2026 15.15 WIB");
        String changed = mvc.perform(post("/laporan/arsip/" + CHANGED_ID + "/periksa").with(as("planner"))
                .with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(changed).contains("Tidak dapat dibandingkan: data sumber telah bertambah",
                "bukan tanda berkas diubah");
    }

    @Test
    void theHistoryListsKeptFilesWithPagingAndATypeFilter() throws Exception {
        String html = page("/laporan/arsip?jenis=quarterly&page=1", "disnakertrans-monitor");
        assertThat(html).contains("Laporan kinerja triwulan", "5b7c-subjek", "(terjadwal)", "Selesai", "Gagal",
                "href=\"/laporan/arsip/" + DONE_ID + "/berkas\"", "Halaman <span>2</span> dari <span>3</span>",
                "/laporan/arsip?jenis=quarterly&amp;page=0#riwayat", "/laporan/arsip?jenis=quarterly&amp;page=2#riwayat",
                "<option value=\"quarterly\" selected=\"selected\">Laporan kinerja triwulan</option>",
                "Buat berkas laporan");
        assertThat(html).contains("Realisasi PKH per tahap", "Program", "demo.platform-admin",
                "<option value=\"sembako\">KPM BPNT/Sembako per bulan</option>");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("GET " + PATH + "?page=1&size=20&type=quarterly"));
        assertThat(page("/laporan", "planner")).contains("href=\"/laporan/arsip\"");
        assertThat(answer("/laporan/arsip", "agency").getStatus()).isEqualTo(403);
    }
}
