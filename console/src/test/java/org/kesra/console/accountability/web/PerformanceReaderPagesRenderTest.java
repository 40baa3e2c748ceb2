package org.kesra.console.accountability.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.console.testing.RenderTestSupport;
import org.kesra.console.testing.StandInGateway;
import org.kesra.console.testing.StandInGateway.Call;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pages of performance and report readers rendered from answers shaped like performance-service's and
 * reporting-service's (the shared stand-in gateway): year on year with both years' capaian and the change in points,
 * the AKIP evaluations with the predicate the API derives and the auditor's recording (a refused score beside its
 * field, the form kept), the trace of a report figure to its submission, approval and events (linked from the
 * quarterly report's rows), and the planner's capaian helper on the Renstra tree; each offered only to the roles the
 * APIs allow.
 */
class PerformanceReaderPagesRenderTest extends RenderTestSupport {

    static final String PLAN = "52525252-5252-5252-5252-525252525252";
    static final String INDICATOR = "53535353-5353-5353-5353-535353535353";
    static final String AGREEMENT = "54545454-5454-5454-5454-545454545454";
    static final String YEAR_ON_YEAR = """
            {"unit":{"code":"dinsos","kind":"OPD","name":"Dinas Sosial"},"year":2022,"previousYear":2021,
             "agreements":[{"agreementId":"%s","revision":1,"position":"HEAD","positionTitle":"Kepala Dinas Sosial",
               "items":[{"item":0,"sasaran":"Meningkatnya penanganan PPKS","indicator":"Persentase PPKS yang ditangani",
                 "unitOfMeasure":"%%","changePoints":8.75,"note":null,
                 "current":{"year":2022,"target":80,"quarter":4,"approved":true,"value":82,
                            "capaian":{"percent":102.5,"met":true,"rating":"Sangat Tinggi"}},
                 "previous":{"year":2021,"target":80,"quarter":4,"approved":false,"value":75,
                            "capaian":{"percent":93.75,"met":false,"rating":"Tinggi"}}},
                {"item":1,"sasaran":"Meningkatnya pemberdayaan","indicator":"Jumlah PSKS yang diberdayakan",
                 "unitOfMeasure":"orang","changePoints":null,"note":"Indikator baru tahun 2022",
                 "current":{"year":2022,"target":1400,"quarter":2,"approved":false,"value":1250.5,
                            "capaian":{"percent":89.32,"met":false,"rating":"Tinggi"}},"previous":null}]}]}"""
            .formatted(AGREEMENT);
    static final String EVALUATION = """
            {"unit":"dinsos","year":2025,"score":90.01,"predicate":"AA","meaning":"Sangat Memuaskan",
             "evaluator":"Inspektorat Kota Metro","reason":"LHE 700/12/2025","recordedAt":"2026-02-10T03:00:00Z",
             "recordedBy":"inspektorat.auditor","changes":[
               {"changedAt":"2026-02-01T03:00:00Z","changedBy":"inspektorat.auditor","before":null,
                "after":{"score":78.5,"predicate":"BB","evaluator":"Inspektorat Kota Metro"}},
               {"changedAt":"2026-02-10T03:00:00Z","changedBy":"inspektorat.auditor",
                "before":{"score":78.5,"predicate":"BB"},"after":{"score":90.01,"predicate":"AA"}}]}""";
    static final String TRACE = """
            {"report":"quarterly","unitCode":"18.72.03","unitName":"Metro Barat","period":"2025-Q2",
             "periodLabel":"Triwulan II 2025","item":"1","sasaran":"Meningkatnya pelayanan",
             "indicator":"Indeks Kepuasan Masyarakat","unitOfMeasure":"indeks","figure":"realisasi",
             "figureLabel":"Realisasi","value":82.5,
             "submission":{"realisationId":"55555555-5555-5555-5555-555555555555","quarter":2,"status":"APPROVED",
               "statusLabel":"Disetujui","version":2,"latestVersion":2,"approvedVersion":2,
               "firstSubmittedAt":"2025-07-03T02:00:00Z","submittedAt":"2025-07-08T02:00:00Z",
               "submittedBy":"metrobarat.operator","agreementId":"%1$s","agreementRevision":1},
             "approval":{"version":2,"approvedAt":"2025-07-09T04:00:00Z","approvedBy":"metrobarat.camat",
               "eventId":"56565656-5656-5656-5656-565656565656"},
             "source":{"eventId":"56565656-5656-5656-5656-565656565656","type":"kesra.performance.realisation.approved",
               "topic":"performance.events","partition":0,"offset":42,"time":"2025-07-09T04:00:00Z"},
             "agreement":{"agreementId":"%1$s","revision":1,"position":"HEAD","positionTitle":"Camat Metro Barat",
               "agreedAt":"2025-01-20T02:00:00Z","event":null},
             "plan":null,
             "events":[{"no":1,"type":"kesra.performance.realisation.submitted","step":"SUBMITTED","label":"Diserahkan",
                 "topic":"performance.events","partition":0,"offset":17,"time":"2025-07-03T02:00:00Z",
                 "occurredAt":"2025-07-03T02:00:00Z","actor":"metrobarat.operator","status":"SUBMITTED","version":1,
                 "value":80,"reason":null,"checklist":[],"shown":false},
               {"no":2,"type":"kesra.performance.realisation.returned","step":"RETURNED","label":"Dikembalikan",
                 "topic":"performance.events","partition":0,"offset":23,"time":"2025-07-05T02:00:00Z",
                 "occurredAt":"2025-07-05T02:00:00Z","actor":"metrobarat.camat","status":"RETURNED","version":1,
                 "value":80,"reason":"Angka survei belum final","checklist":["Angka sesuai bukti"],"shown":false},
               {"no":3,"type":"kesra.performance.realisation.approved","step":"APPROVED","label":"Disetujui",
                 "topic":"performance.events","partition":0,"offset":42,"time":"2025-07-09T04:00:00Z",
                 "occurredAt":"2025-07-09T04:00:00Z","actor":"metrobarat.camat","status":"APPROVED","version":2,
                 "value":82.5,"reason":null,"checklist":[],"shown":true}],
             "notes":["Angka dari versi 2 yang disetujui."]}""".formatted(AGREEMENT);
    static final String PLAN_VERSION = """
            {"id":"%s","unit":{"code":"dinsos","name":"Dinas Sosial"},"startYear":2025,"endYear":2026,"version":1,
             "latestVersion":1,"title":"Renstra Dinas Sosial 2025-2026","createdAt":"2025-01-10T03:00:00Z",
             "createdBy":"bappeda.planner","versions":[],"checks":[],
             "tujuan":[{"id":"a1","level":"SASARAN","code":null,"name":"Meningkatnya penanganan PPKS","children":[],
               "indicators":[{"id":"%s","name":"Persentase PPKS yang ditangani","unitOfMeasure":"%%",
                 "direction":"HIGHER","baseline":60,"targets":[{"year":2025,"target":80},{"year":2026,"target":85.5}]}]}]}"""
            .formatted(PLAN, INDICATOR);
    static final StandInGateway gateway = startGateway();

    static StandInGateway startGateway() {
        try {
            StandInGateway g = new StandInGateway();
            g.on(c -> c.path().equals("/api/v1/performance/units/dinsos/year-on-year") && c.query().contains("tahun=abc"),
                    400, """
                    {"status":400,"code":"PF-TAHUN-TIDAK-SAH","detail":"Permintaan tidak dapat diproses.",
                     "errors":[{"pointer":"/tahun","detail":"Tahun harus angka 2001-2100."}]}""", null);
            g.on("GET", "/api/v1/performance/units/dinsos/year-on-year", 200, YEAR_ON_YEAR);
            g.on("GET", "/api/v1/performance/units/dinsos/akip-evaluations", 200,
                    "{\"unit\":\"dinsos\",\"evaluations\":[" + EVALUATION.replaceFirst("\"changes\":\\[[\\s\\S]*]}$",
                            "\"changes\":[]}") + "]}");
            g.on(c -> c.method().equals("GET")
                    && c.path().equals("/api/v1/performance/units/dinsos/akip-evaluations/2025"), 200, EVALUATION,
                    "\"2\"");
            g.on("GET", "/api/v1/performance/units/dinsos/akip-evaluations/2024", 404, """
                    {"status":404,"code":"PF-EVALUASI-AKIP-TIDAK-DITEMUKAN","detail":"Belum ada evaluasi AKIP 2024."}""");
            g.on(c -> c.method().equals("PUT") && c.body().contains("\"score\":\"120\""), 400, """
                    {"status":400,"code":"PF-NILAI-AKIP-TIDAK-SAH","detail":"Nilai evaluasi AKIP tidak sah.",
                     "errors":[{"pointer":"/score","detail":"Nilai harus 0-100 dengan paling banyak 2 desimal."}]}""",
                    null);
            g.on(c -> c.method().equals("PUT") && "\"1\"".equals(c.ifMatch()), 412, """
                    {"status":412,"code":"PF-EVALUASI-AKIP-BERUBAH","detail":"Evaluasi AKIP telah diubah."}""", null);
            g.on(c -> c.method().equals("PUT") && c.body().contains("\"score\":\"86\""), 428, """
                    {"status":428,"code":"KESRA-IF-MATCH-WAJIB","detail":"Sertakan header If-Match."}""", null);
            g.on(c -> c.method().equals("PUT"), 200, EVALUATION, null);
            g.on(c -> c.path().equals("/api/v1/reports/traces") && c.query().contains("triwulan=4"), 404, """
                    {"status":404,"code":"RP-ANGKA-BELUM-ADA",
                     "detail":"Belum ada realisasi Triwulan IV 2025 yang diserahkan untuk unit ini."}""", null);
            g.on(c -> c.path().equals("/api/v1/reports/traces") && c.query().contains("item=x"), 400, """
                    {"status":400,"code":"RP-PARAMETER-TIDAK-SAH","detail":"Parameter tidak sah.",
                     "errors":[{"pointer":"/item","detail":"Nomor baris harus bilangan bulat positif."}]}""", null);
            g.on("GET", "/api/v1/reports/traces", 200, TRACE);
            g.on("GET", "/api/v1/reports/quarterly-performance", 200, """
                    {"unitCode":"18.72.03","unitName":"Metro Barat","year":2025,"quarter":2,"periodLabel":"Triwulan II 2025",
                     "hasData":true,"notes":[],"sources":[],
                     "sections":[{"position":"HEAD","positionTitle":"Camat Metro Barat","agreementId":"%s",
                       "capaian":[{"no":"1.","indicator":"Indeks Kepuasan Masyarakat","unitOfMeasure":"indeks",
                                   "target":82,"value":82.5,"capaian":100.61}]}]}""".formatted(AGREEMENT));
            g.on(c -> c.path().endsWith("/indicators/" + INDICATOR + "/capaian") && c.query().contains("realisasi=abc"),
                    400, """
                    {"status":400,"code":"PF-NILAI-BUKAN-ANGKA","detail":"Permintaan tidak dapat diproses.",
                     "errors":[{"pointer":"/realisasi","detail":"Realisasi harus angka."}]}""", null);
            g.on(c -> c.path().equals("/api/v1/renstra/" + PLAN + "/versions/1/indicators/" + INDICATOR + "/capaian"),
                    200, """
                    {"planId":"%s","version":1,"indicatorId":"%s","indicator":"Persentase PPKS yang ditangani",
                     "direction":"HIGHER","year":2026,"target":85.5,"realisation":90.5,"capaian":105.85,"cap":100,
                     "capaianCapped":100,"hasRatio":true,"met":true,"rating":"Sangat Tinggi","note":null}"""
                            .formatted(PLAN, INDICATOR), null);
            g.on(c -> c.path().equals("/api/v1/renstra/" + PLAN), 200, PLAN_VERSION, "\"1\"");
            return g;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    RequestPostProcessor as(String role, String username) {
        return login(role, username, Map.of("wilayah", "18.72", "opd", "dinsos"));
    }

    RequestPostProcessor planner() {
        return as("planner", "bappeda.planner");
    }

    RequestPostProcessor auditor() {
        return as("auditor", "inspektorat.auditor");
    }

    @Test
    void yearOnYearShowsBothYearsCapaianAndTheChangeInPoints() throws Exception {
        gateway.calls.clear();
        MockHttpServletResponse answer = mvc.perform(get("/perbandingan-tahunan").param("unit", "dinsos")
                .param("tahun", "2022").with(planner())).andReturn().getResponse();
        assertThat(answer.getStatus()).as(html(answer)).isEqualTo(200);
        String html = html(answer);
        Files.writeString(Path.of("target/year-on-year.html"), html);
        assertThat(html).contains("Dinas Sosial", "2022</span> dibanding <span>2021", "Kepala Dinas Sosial (revisi 1)",
                "Persentase PPKS yang ditangani", "Target 2022", "Capaian 2021", "102,5%", "(Sangat Tinggi)", "93,75%",
                "+8,75 poin", "s.d. triwulan 4, disetujui", "s.d. triwulan 4, belum disetujui", "1.250,5 orang",
                "tidak ada indikator yang sama", "Indikator baru tahun 2022");
        assertThat(html).as("numbered from 1 as Tabel 3.2, the API's items from 0")
                .contains("<td data-label=\"No\">1</td>", "<td data-label=\"No\">2</td>")
                .doesNotContain("<td data-label=\"No\">0</td>");
        assertThat(gateway.calls).filteredOn(c -> c.path().endsWith("/year-on-year")).singleElement()
                .matches(c -> c.path().equals("/api/v1/performance/units/dinsos/year-on-year")
                        && "tahun=2022".equals(c.query()) && c.authorization().startsWith("Bearer "));

        MockHttpServletResponse refused = mvc.perform(get("/perbandingan-tahunan").param("unit", "dinsos")
                .param("tahun", "abc").with(planner())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(html(refused)).contains("Perbandingan tidak dapat ditampilkan.", "id=\"tahun-error\"",
                "Tahun harus angka 2001-2100.", "value=\"abc\"").doesNotContain("Kepala Dinas Sosial (revisi");
    }

    @Test
    void anAuditorRecordsAnAkipScoreAndARefusedScoreStandsBesideItsFieldAsTyped() throws Exception {
        String list = html(mvc.perform(get("/evaluasi-akip").param("unit", "dinsos").with(auditor())).andReturn()
                .getResponse());
        assertThat(list).contains("Evaluasi unit dinsos", "href=\"/evaluasi-akip/dinsos/2025\"", "90,01",
                "<strong>AA</strong>", "(Sangat Memuaskan)", "Inspektorat Kota Metro", "10 Februari 2026",
                "Simpan nilai");
        String year = html(mvc.perform(get("/evaluasi-akip/dinsos/2025").with(auditor())).andReturn().getResponse());
        assertThat(year).contains("Evaluasi AKIP dinsos tahun 2025", "Sangat Memuaskan", "LHE 700/12/2025",
                "78,5 (BB)", "90,01 (AA)", "value=\"Inspektorat Kota Metro\"");
        String none = html(mvc.perform(get("/evaluasi-akip/dinsos/2024").with(auditor())).andReturn().getResponse());
        assertThat(none).contains("Belum ada nilai evaluasi AKIP untuk tahun ini.", "Simpan nilai")
                .doesNotContain("role=\"alert\"");

        gateway.calls.clear();
        org.springframework.test.web.servlet.MvcResult result = mvc.perform(post("/evaluasi-akip").with(auditor())
                .with(csrf()).param("unit", "dinsos").param("tahun", "2025").param("score", "90,01")
                .param("evaluator", "Inspektorat Kota Metro").param("reason", "LHE 700/12/2025")).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/evaluasi-akip/dinsos/2025");
        assertThat(result.getFlashMap().get("notice")).asString().contains("predikat AA (Sangat Memuaskan)");
        Call put = gateway.calls.stream().filter(c -> c.method().equals("PUT")).findFirst().orElseThrow();
        assertThat(put.path()).isEqualTo("/api/v1/performance/units/dinsos/akip-evaluations/2025");
        assertThat(put.authorization()).startsWith("Bearer ");
        assertThat(put.body()).contains("\"score\":\"90.01\"", "\"evaluator\":\"Inspektorat Kota Metro\"",
                "\"reason\":\"LHE 700/12/2025\"").doesNotContain("_csrf");

        MockHttpServletResponse refused = mvc.perform(post("/evaluasi-akip").with(auditor()).with(csrf())
                .param("unit", "dinsos").param("tahun", "2025").param("score", "120")
                .param("evaluator", "Inspektorat Kota Metro")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        String html = html(refused);
        Files.writeString(Path.of("target/akip-refused.html"), html);
        assertThat(html).contains("Nilai belum tersimpan.", "Nilai evaluasi AKIP tidak sah.", "id=\"score-error\"",
                "Nilai harus 0-100 dengan paling banyak 2 desimal.", "value=\"120\"",
                "value=\"Inspektorat Kota Metro\"", "aria-describedby=\"score-error\"");
    }

    @Test
    void aScoreSavedByAnotherAuditorFirstComesBackBesideTheUsersValuesKept() throws Exception {
        String year = html(mvc.perform(get("/evaluasi-akip/dinsos/2025").with(auditor())).andReturn().getResponse());
        assertThat(year).as("the form carries the version it was read at")
                .contains("name=\"etag\" value=\"&quot;2&quot;\"", "name=\"dibaca\" value=\"dinsos/2025\"");
        gateway.calls.clear();
        MockHttpServletResponse stale = mvc.perform(post("/evaluasi-akip").with(auditor()).with(csrf())
                .param("unit", "dinsos").param("tahun", "2025").param("score", "85,5").param("evaluator", "Tim SAKIP")
                .param("etag", "\"1\"").param("dibaca", "dinsos/2025")).andReturn().getResponse();
        assertThat(gateway.calls).filteredOn(c -> c.method().equals("PUT")).singleElement()
                .matches(c -> "\"1\"".equals(c.ifMatch()));
        assertThat(stale.getStatus()).isEqualTo(409);
        String html = html(stale);
        Files.writeString(Path.of("target/akip-saved-first.html"), html);
        assertThat(html).contains("Nilai belum tersimpan.", "Orang lain sudah menyimpan nilai evaluasi tahun ini lebih"
                + " dahulu", "inspektorat.auditor, 10 Februari 2026", "Nilai yang tersimpan sekarang", "90,01",
                "value=\"85,5\"", "value=\"Tim SAKIP\"", "name=\"etag\" value=\"&quot;2&quot;\"");

        String exists = html(mvc.perform(post("/evaluasi-akip").with(auditor()).with(csrf()).param("unit", "dinsos")
                .param("tahun", "2025").param("score", "86").param("evaluator", "Tim SAKIP")).andReturn()
                .getResponse());
        assertThat(exists).contains("Nilai evaluasi tahun ini", "sudah tercatat lebih dahulu", "90,01",
                "value=\"86\"", "name=\"etag\" value=\"&quot;2&quot;\"");
    }

    @Test
    void othersReadAkipButAreNotOfferedTheFormAndTheServerRefusesTheirRecording() throws Exception {
        String list = html(mvc.perform(get("/evaluasi-akip").param("unit", "dinsos").with(planner())).andReturn()
                .getResponse());
        assertThat(list).contains("<strong>AA</strong>", "href=\"/evaluasi-akip\"", "href=\"/perbandingan-tahunan\"")
                .doesNotContain("Simpan nilai");
        gateway.calls.clear();
        assertThat(mvc.perform(post("/evaluasi-akip").with(planner()).with(csrf()).param("unit", "dinsos")
                .param("tahun", "2025").param("score", "99")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(gateway.calls).as("a refused recording asks nothing of the API").isEmpty();
        RequestPostProcessor verifier = as("dinsos-verifier", "dinsos.verifier");
        assertThat(mvc.perform(get("/evaluasi-akip").with(verifier)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/perbandingan-tahunan").with(verifier)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(html(mvc.perform(get("/").with(verifier)).andReturn().getResponse()))
                .doesNotContain("href=\"/evaluasi-akip\"", "href=\"/perbandingan-tahunan\"");
    }

    @Test
    void aFigureIsTracedToItsSubmissionApprovalAgreementAndOrderedEvents() throws Exception {
        String report = html(mvc.perform(get("/laporan").param("unit", "18.72.03").param("tahun", "2025")
                .param("triwulan", "2").with(planner())).andReturn().getResponse());
        String link = "/laporan/asal-angka?report=quarterly&amp;unit=18.72.03&amp;tahun=2025&amp;triwulan=2&amp;item=1"
                + "&amp;figure=capaian&amp;perjanjian=" + AGREEMENT;
        assertThat(report).as("the report's row links to its figures' traces").contains("Tabel 3.1 Camat Metro Barat",
                "100,61%", "href=\"" + link + "\"");

        gateway.calls.clear();
        MockHttpServletResponse answer = mvc.perform(get("/laporan/asal-angka").param("report", "quarterly")
                .param("unit", "18.72.03").param("tahun", "2025").param("triwulan", "2").param("item", "1")
                .param("figure", "realisasi").with(as("kecamatan-operator", "metrobarat.operator"))).andReturn()
                .getResponse();
        assertThat(answer.getStatus()).as(html(answer)).isEqualTo(200);
        String html = html(answer);
        Files.writeString(Path.of("target/figure-trace.html"), html);
        assertThat(html).contains("Realisasi</span> butir <span>1", "Triwulan II 2025", "82,5 indeks",
                "Indeks Kepuasan Masyarakat", "Disetujui", "2 dari 2 (disetujui: versi 2)",
                "8 Juli 2025 09.00 WIB oleh metrobarat.operator",
                "Versi 2 disetujui 9 Juli 2025 11.00 WIB oleh metrobarat.camat.",
                "href=\"/perjanjian-kinerja/" + AGREEMENT + "\"", "Camat Metro Barat, revisi 1",
                "kesra.performance.realisation.approved dibaca dari performance.events, partisi 0, offset 42",
                "performance.events / 0 / 17", "performance.events / 0 / 23", "Angka survei belum final",
                "Angka sesuai bukti", "(isi yang ditampilkan laporan)", "Angka dari versi 2 yang disetujui.");
        assertThat(html.indexOf("/ 0 / 17")).isLessThan(html.indexOf("/ 0 / 23"));
        assertThat(html.indexOf("/ 0 / 23")).isLessThan(html.indexOf("/ 0 / 42"));
        assertThat(gateway.calls).filteredOn(c -> c.path().equals("/api/v1/reports/traces")).singleElement()
                .matches(c -> c.query().equals("report=quarterly&unit=18.72.03&tahun=2025&triwulan=2&item=1"
                        + "&figure=realisasi") && c.authorization().startsWith("Bearer "));

        MockHttpServletResponse missing = mvc.perform(get("/laporan/asal-angka").param("report", "quarterly")
                .param("unit", "18.72.03").param("tahun", "2025").param("triwulan", "4").param("item", "1")
                .with(planner())).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(html(missing)).contains("Angka tidak dapat ditelusuri.",
                "Belum ada realisasi Triwulan IV 2025 yang diserahkan untuk unit ini.", "value=\"4\"");
        String badItem = html(mvc.perform(get("/laporan/asal-angka").param("unit", "18.72.03").param("item", "x")
                .with(planner())).andReturn().getResponse());
        assertThat(badItem).contains("id=\"item-error\"", "Nomor baris harus bilangan bulat positif.", "value=\"x\"");
        String forVerifier = html(mvc.perform(get("/laporan/asal-angka").param("report", "quarterly")
                .param("unit", "18.72.03").param("tahun", "2025").param("triwulan", "2").param("item", "1")
                .with(as("dinsos-verifier", "dinsos.verifier"))).andReturn().getResponse());
        assertThat(forVerifier).as("a reader of reports who may not read agreements gets the name, not the link")
                .contains("Camat Metro Barat, revisi 1").doesNotContain("href=\"/perjanjian-kinerja/" + AGREEMENT);
    }

    @Test
    void aPlannerTypesARealisationOnThePlanTreeAndSeesCapaianAndRating() throws Exception {
        String tree = html(mvc.perform(get("/renstra/" + PLAN).with(planner())).andReturn().getResponse());
        String helper = "/renstra/" + PLAN + "/versi/1/indikator/" + INDICATOR + "/capaian";
        assertThat(tree).contains("Hitung capaian", "hx-get=\"" + helper + "\"", "hx-target=\"#capaian-" + INDICATOR
                + "\"", "<label for=\"realisasi-" + INDICATOR + "\">Realisasi</label>", "<option value=\"2026\">");
        assertThat(html(mvc.perform(get("/renstra/" + PLAN).with(auditor())).andReturn().getResponse()))
                .as("offered to planners").contains("Persentase PPKS yang ditangani").doesNotContain("Hitung capaian");

        gateway.calls.clear();
        String answer = html(mvc.perform(get(helper).param("tahun", "2026").param("realisasi", "90,5")
                .param("batas", "100").header("HX-Request", "true").with(planner())).andReturn().getResponse());
        assertThat(answer).contains("Capaian <strong>105,85%</strong>", "85,5", "memenuhi target",
                "kategori Sangat Tinggi", "dibatasi 100%: 100%").doesNotContain("<html");
        assertThat(gateway.calls).singleElement().matches(c -> c.path().endsWith("/capaian")
                && c.query().equals("tahun=2026&realisasi=90.5&batas=100"));
        String refused = html(mvc.perform(get(helper).param("tahun", "2026").param("realisasi", "abc")
                .header("HX-Request", "true").with(planner())).andReturn().getResponse());
        assertThat(refused).contains("Realisasi harus angka.");
        String withoutHtmx = html(mvc.perform(get(helper).param("tahun", "2026").param("realisasi", "90,5")
                .with(planner())).andReturn().getResponse());
        assertThat(withoutHtmx).contains("<h1>Capaian indikator Renstra</h1>", "105,85%",
                "href=\"/renstra/" + PLAN + "/versi/1\"");
    }
}
