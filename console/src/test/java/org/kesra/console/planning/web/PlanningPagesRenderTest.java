package org.kesra.console.planning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.console.testing.RenderTestSupport;
import org.kesra.console.testing.StandInGateway;
import org.kesra.console.testing.StandInGateway.Call;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The planner's pages rendered from answers shaped like performance-service's (the shared stand-in gateway): a
 * Renstra version as a tree with Indonesian figures, the matrix import passing the file, the typed fields and the
 * version read (If-Match), a refused file's problems per row and column with the form kept, the agreement of a
 * DRAFT Perjanjian Kinerja with If-Match, and who may read and who may change.
 */
class PlanningPagesRenderTest extends RenderTestSupport {

    static final String PLAN = "51515151-5151-5151-5151-515151515151";
    static final String AGREEMENT = "61616161-6161-6161-6161-616161616161";
    static final String PLAN_VERSION = """
            {"id":"%s","unit":{"code":"dinsos","kind":"OPD","name":"Dinas Sosial","parentCode":null},
             "startYear":2021,"endYear":2026,"version":%d,"latestVersion":2,"title":"Renstra Dinas Sosial 2021-2026",
             "reason":%s,"createdAt":"2026-12-06T03:00:00Z","createdBy":"bappeda.planner",
             "versions":[{"version":1,"title":"Renstra Dinas Sosial 2021-2026","reason":null,
                          "createdAt":"2026-01-10T03:00:00Z","createdBy":"bappeda.planner"},
                         {"version":2,"title":"Renstra Dinas Sosial 2021-2026","reason":"Target PPKS 2025 dinaikkan",
                          "createdAt":"2026-12-06T03:00:00Z","createdBy":"bappeda.planner"}],
             "tujuan":[{"id":"a1","level":"TUJUAN","code":null,"name":"Meningkatnya kesejahteraan sosial","indicators":[],
               "children":[{"id":"a2","level":"SASARAN","code":null,"name":"Meningkatnya penanganan PPKS","indicators":[
                   {"id":"i1","name":"Persentase PPKS yang ditangani","unitOfMeasure":"%%","direction":"HIGHER",
                    "baseline":62.5,"targets":[{"year":2021,"target":65,"budget":null},{"year":2026,"target":85.5,"budget":null}]}],
                 "children":[{"id":"a3","level":"PROGRAM","code":"1.06.02","name":"Program Pemberdayaan Sosial",
                   "indicators":[{"id":"i2","name":"Jumlah PSKS yang diberdayakan","unitOfMeasure":"orang",
                     "direction":"HIGHER","baseline":1200,"targets":[{"year":2021,"target":1250,"budget":1250000000},
                     {"year":2026,"target":1500,"budget":2290000}]}],
                   "children":[{"id":"a4","level":"KEGIATAN","code":"1.06.02.2.01","name":"Pengumpulan Sumbangan",
                     "indicators":[],"children":[{"id":"a5","level":"SUB_KEGIATAN","code":"1.06.02.2.01.0001",
                       "name":"Penyelenggaraan undian gratis berhadiah","indicators":[],"children":[]}]}]}]}]}],
             "checks":[{"check":"BUDGET_SUM","nodeId":"a3","code":"1.06.02","year":2021,"stated":1250000000,
                        "sumOfParts":1000000000,"detail":"Pagu program berbeda dengan jumlah kegiatannya"}]}""";
    static final String AGREEMENT_VIEW = """
            {"id":"%s","unit":{"code":"dinsos","kind":"OPD","name":"Dinas Sosial"},"year":2026,"position":"HEAD",
             "positionTitle":"Kepala Dinas Sosial","revision":1,"latestRevision":1,"status":"%s","reason":null,
             "createdAt":"2026-01-15T02:00:00Z","createdBy":"bappeda.planner","agreedAt":null,"agreedBy":null,
             "revisions":[{"revision":1,"status":"%s","reason":null,"createdAt":"2026-01-15T02:00:00Z",
                           "createdBy":"bappeda.planner"}],
             "items":[{"sasaran":"Meningkatnya penanganan PPKS","indicator":"Persentase PPKS yang ditangani",
                       "unitOfMeasure":"%%","direction":"HIGHER","target":72.5,"budget":22900000},
                      {"sasaran":"Meningkatnya pemberdayaan","indicator":"Jumlah PSKS yang diberdayakan",
                       "unitOfMeasure":"orang","direction":"HIGHER","target":1400,"budget":1250000000}]}""";
    static final StandInGateway gateway = startGateway();

    static StandInGateway startGateway() {
        try {
            StandInGateway g = new StandInGateway();
            g.on(c -> c.method().equals("GET") && c.path().equals("/api/v1/renstra/" + PLAN), 200,
                    PLAN_VERSION.formatted(PLAN, 2, "\"Target PPKS 2025 dinaikkan\""), "\"2\"");
            g.on("GET", "/api/v1/renstra/" + PLAN + "/versions/1", 200, PLAN_VERSION.formatted(PLAN, 1, "null"));
            g.on("GET", "/api/v1/renstra", 200, """
                    {"items":[{"id":"%s","unit":{"code":"dinsos","name":"Dinas Sosial"},"startYear":2021,"endYear":2026,
                      "latestVersion":2,"title":"Renstra Dinas Sosial 2021-2026","updatedAt":"2026-12-06T03:00:00Z"}]}"""
                    .formatted(PLAN));
            g.on(c -> c.path().equals("/api/v1/performance/units/dinsos/plans/import") && c.body().contains("SALAH"),
                    400, """
                    {"status":400,"code":"PF-NILAI-BUKAN-ANGKA","detail":"Matriks Renstra tidak dapat diimpor: 2 masalah.",
                     "errors":[{"pointer":"/rows/12/target2023","row":12,"column":"target2023",
                                "detail":"\\"delapan\\" bukan angka."},
                               {"pointer":"/columns/target2041","detail":"Tahun 2041 di luar periode 2021-2026."},
                               {"pointer":"/reason","detail":"Alasan revisi wajib diisi."}]}""", null);
            g.on(c -> c.path().equals("/api/v1/performance/units/dinsos/plans/import"), 201,
                    PLAN_VERSION.formatted(PLAN, 2, "\"Target PPKS 2025 dinaikkan\""), "\"2\"");
            g.on(c -> c.method().equals("GET") && c.path().equals("/api/v1/agreements/" + AGREEMENT), 200,
                    AGREEMENT_VIEW.formatted(AGREEMENT, "DRAFT", "DRAFT"), "\"1\"");
            g.on("POST", "/api/v1/agreements/" + AGREEMENT + "/agreement", 200,
                    AGREEMENT_VIEW.formatted(AGREEMENT, "AGREED", "AGREED"));
            g.on("POST", "/api/v1/agreements", 201, AGREEMENT_VIEW.formatted(AGREEMENT, "DRAFT", "DRAFT"));
            g.on(c -> c.method().equals("PUT") && c.path().equals("/api/v1/agreements/" + AGREEMENT)
                    && c.body().contains("\"target\":-1"), 400, """
                    {"status":400,"code":"PF-NILAI-NEGATIF","detail":"Perubahan Perjanjian Kinerja tidak dapat disimpan.",
                     "errors":[{"pointer":"/items/0/target","detail":"Target tidak boleh negatif."}]}""", null);
            g.on(c -> c.method().equals("PUT") && c.path().equals("/api/v1/agreements/" + AGREEMENT), 200,
                    AGREEMENT_VIEW.formatted(AGREEMENT, "DRAFT", "DRAFT"), "\"1\"");
            g.on("GET", "/api/v1/agreements", 200, """
                    {"items":[{"id":"%s","unitCode":"dinsos","year":2026,"position":"HEAD",
                      "positionTitle":"Kepala Dinas Sosial","latestRevision":1,"status":"DRAFT"}]}""".formatted(AGREEMENT));
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
    void aPlanIsATreeWithCodesIndicatorsAndIndonesianFiguresPerYear() throws Exception {
        MockHttpServletResponse answer = mvc.perform(get("/renstra/" + PLAN).with(planner())).andReturn()
                .getResponse();
        assertThat(answer.getStatus()).as(html(answer)).isEqualTo(200);
        String html = html(answer);
        assertThat(html).contains("Renstra Dinas Sosial 2021-2026", "Dinas Sosial (dinsos)", "2 dari 2 (terbaru)",
                "Target PPKS 2025 dinaikkan", "Meningkatnya kesejahteraan sosial", "Sub kegiatan",
                "1.06.02.2.01.0001", "Persentase PPKS yang ditangani", "62,5%", "85,5%", "Target 2026", "Rp 2026",
                "1.200 orang", "1.250 orang", "Rp 1.250.000.000", "Rp 2.290.000", "6 Desember 2026",
                "Pagu program berbeda dengan jumlah kegiatannya", "jumlah rincian Rp 1.000.000.000",
                "href=\"/renstra/" + PLAN + "/versi/1\"", "href=\"/renstra/impor?rencana=" + PLAN + "\"");
        // Levels nest: the program's list sits inside the sasaran's item.
        assertThat(html.indexOf("Meningkatnya penanganan PPKS")).isLessThan(html.indexOf("Program Pemberdayaan"));
        String earlier = html(mvc.perform(get("/renstra/" + PLAN + "/versi/1").with(planner())).andReturn()
                .getResponse());
        assertThat(earlier).contains("1 dari 2 (versi lama, tidak berlaku lagi)", "Rp 1.250.000.000")
                .doesNotContain("Revisi dengan matriks baru");
    }

    @Test
    void aPlannersPlansAreTheirAgencysByDefault() throws Exception {
        gateway.calls.clear();
        String html = html(mvc.perform(get("/renstra").with(planner())).andReturn().getResponse());
        assertThat(html).contains("Renstra unit dinsos", "2021–2026", "Impor matriks Renstra (Tabel 6.1)");
        assertThat(gateway.calls).filteredOn(c -> c.path().equals("/api/v1/renstra")).singleElement()
                .matches(c -> c.query().contains("unit=dinsos") && c.authorization().startsWith("Bearer "));
    }

    @Test
    void theImportPassesTheFileTheTypedFieldsAndTheVersionReadAsIfMatch() throws Exception {
        gateway.calls.clear();
        MockMultipartFile file = new MockMultipartFile("file", "renstra-dinsos.csv", "text/csv",
                "Kode;Program/Kegiatan/Sub Kegiatan;Indikator\n1.06.02;Program Pemberdayaan Sosial;Jumlah PSKS\n"
                        .getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse answer = mvc.perform(multipart("/renstra/impor").file(file).with(planner())
                .with(csrf()).param("unit", "dinsos").param("startYear", "2021").param("endYear", "2026")
                .param("title", "Renstra Dinas Sosial 2021-2026").param("reason", "Target PPKS 2025 dinaikkan")
                .param("etag", "\"1\"").param("rencana", PLAN)).andReturn().getResponse();
        assertThat(answer.getRedirectedUrl()).isEqualTo("/renstra/" + PLAN);
        StandInGateway.Call call = gateway.calls.stream()
                .filter(c -> c.path().equals("/api/v1/performance/units/dinsos/plans/import")).findFirst()
                .orElseThrow();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.ifMatch()).isEqualTo("\"1\"");
        assertThat(call.authorization()).startsWith("Bearer ");
        assertThat(call.body()).contains("filename=\"renstra-dinsos.csv\"", "1.06.02;Program Pemberdayaan Sosial",
                "name=\"startYear\"", "2021", "name=\"endYear\"", "2026", "name=\"title\"",
                "name=\"reason\"", "Target PPKS 2025 dinaikkan").doesNotContain("name=\"rencana\"", "_csrf");
    }

    @Test
    void aRefusedImportListsItsProblemsByRowAndColumnAndKeepsTheForm() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "renstra-salah.csv", "text/csv",
                "Kode;Indikator\nSALAH;delapan\n".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse answer = mvc.perform(multipart("/renstra/impor").file(file).with(planner())
                .with(csrf()).param("unit", "dinsos").param("startYear", "2021").param("endYear", "2026")
                .param("title", "Renstra baru Dinsos").param("reason", "")).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        String html = html(answer);
        assertThat(html).contains("Matriks Renstra tidak dapat diimpor: 2 masalah.", "Baris 12, kolom target 2023",
                "&quot;delapan&quot; bukan angka.", "Kolom target 2041", "Tahun 2041 di luar periode 2021-2026.",
                "value=\"2021\"", "value=\"2026\"", "value=\"Renstra baru Dinsos\"", "value=\"dinsos\"",
                "id=\"reason-error\"", "Alasan revisi wajib diisi.");
        assertThat(html).as("the reason's message stands beside its field, not among the file's rows")
                .doesNotContain("<td data-label=\"Letak\">reason</td>");
    }

    @Test
    void aDraftAgreementShowsItsItemsAndIsAgreedWithTheRevisionReadAsIfMatch() throws Exception {
        String html = html(mvc.perform(get("/perjanjian-kinerja/" + AGREEMENT).with(planner())).andReturn()
                .getResponse());
        assertThat(html).contains("Perjanjian Kinerja 2026: Kepala Dinas Sosial", "Draf, belum disepakati",
                "Persentase PPKS yang ditangani", "72,5%", "1.400 orang", "Rp 22.900.000", "Rp 1.250.000.000",
                "15 Januari 2026", "Sepakati revisi 1", "name=\"etag\" value=\"&quot;1&quot;\"");
        gateway.calls.clear();
        MockHttpServletResponse answer = mvc.perform(post("/perjanjian-kinerja/" + AGREEMENT + "/persetujuan")
                .with(planner()).with(csrf()).param("etag", "\"1\"")).andReturn().getResponse();
        assertThat(answer.getRedirectedUrl()).isEqualTo("/perjanjian-kinerja/" + AGREEMENT);
        assertThat(gateway.calls).filteredOn(c -> c.method().equals("POST")).singleElement()
                .matches(c -> c.path().equals("/api/v1/agreements/" + AGREEMENT + "/agreement")
                        && "\"1\"".equals(c.ifMatch()));
        String list = html(mvc.perform(get("/perjanjian-kinerja").param("tahun", "2026").with(planner()))
                .andReturn().getResponse());
        assertThat(list).contains("Kepala Dinas Sosial (Kepala unit)");
        assertThat(gateway.calls).anyMatch(c -> c.path().equals("/api/v1/agreements")
                && c.query().contains("unit=dinsos") && c.query().contains("tahun=2026"));
    }

    /**
     * A planner changes a DRAFT's items: the form is filled from the revision, an unticked item is left out, the
     * figures go as numbers with the revision read as If-Match, and a refused figure's message stands beside the row
     * it was typed in (the API counts only the items sent).
     */
    @Test
    void aDraftAgreementsItemsAreChangedWithTheRevisionReadAndARefusalBesideItsRow() throws Exception {
        String form = html(mvc.perform(get("/perjanjian-kinerja/" + AGREEMENT + "/ubah").with(planner())).andReturn()
                .getResponse());
        assertThat(form).contains("Ubah Perjanjian Kinerja 2026: Kepala Dinas Sosial", "masih draf",
                "value=\"Persentase PPKS yang ditangani\"", "value=\"72.5\"", "value=\"22900000\"",
                "Simpan perubahan draf", "name=\"etag\" value=\"&quot;1&quot;\"")
                .as("no upper bound for a higher-is-better target").doesNotContain("Target (batas atas)");
        gateway.calls.clear();
        MockHttpServletResponse saved = mvc.perform(post("/perjanjian-kinerja/" + AGREEMENT + "/ubah").with(planner())
                .with(csrf()).param("etag", "\"1\"").param("keep1", "on")
                .param("sasaran1", "Meningkatnya pemberdayaan").param("indicator1", "Jumlah PSKS yang diberdayakan")
                .param("target1", "1.450,5").param("budget1", "1.300.000.000")).andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/perjanjian-kinerja/" + AGREEMENT);
        Call put = gateway.calls.stream().filter(c -> c.method().equals("PUT")).findFirst().orElseThrow();
        assertThat(put.ifMatch()).isEqualTo("\"1\"");
        assertThat(put.body()).contains("\"target\":1450.5", "\"budget\":1300000000",
                "\"indicator\":\"Jumlah PSKS yang diberdayakan\"").doesNotContain("Persentase PPKS");

        String refused = html(mvc.perform(post("/perjanjian-kinerja/" + AGREEMENT + "/ubah").with(planner())
                .with(csrf()).param("etag", "\"1\"").param("keep1", "on").param("sasaran1", "Meningkatnya pemberdayaan")
                .param("indicator1", "Jumlah PSKS").param("target1", "-1").param("budget1", "12x")).andReturn()
                .getResponse());
        assertThat(refused).as("checked here first: the rupiah is not a number").contains("id=\"budget1-error\"",
                "Anggaran berupa rupiah utuh", "value=\"12x\"", "value=\"-1\"");
        String refusedByApi = html(mvc.perform(post("/perjanjian-kinerja/" + AGREEMENT + "/ubah").with(planner())
                .with(csrf()).param("etag", "\"1\"").param("keep1", "on").param("sasaran1", "Meningkatnya pemberdayaan")
                .param("indicator1", "Jumlah PSKS").param("target1", "-1").param("budget1", "5")).andReturn()
                .getResponse());
        assertThat(refusedByApi).as("the API's /items/0 is the form's second row").contains(
                "Perubahan Perjanjian Kinerja tidak dapat disimpan.", "id=\"target1-error\"",
                "Target tidak boleh negatif.").doesNotContain("id=\"target0-error\"");
        assertThat(mvc.perform(get("/perjanjian-kinerja/" + AGREEMENT + "/ubah").with(auditor())).andReturn()
                .getResponse().getStatus()).as("an auditor reads, does not change").isEqualTo(403);
    }

    /** A new agreement takes over the chosen Renstra indicators with the year's target and budget as the plan has them. */
    @Test
    void aNewAgreementIsDraftedFromTheRenstraIndicatorsOfItsYear() throws Exception {
        String form = html(mvc.perform(get("/perjanjian-kinerja/baru").param("unit", "dinsos").param("tahun", "2026")
                .with(planner())).andReturn().getResponse());
        assertThat(form).contains("Renstra Dinas Sosial 2021-2026 versi 2",
                "Sasaran: Persentase PPKS yang ditangani, target 85,5%",
                "Program 1.06.02: Jumlah PSKS yang diberdayakan, target 1.500 orang, Rp 2.290.000");
        String refused = html(mvc.perform(post("/perjanjian-kinerja/baru").param("unit", "dinsos")
                .param("tahun", "2026").param("position", "HEAD").param("positionTitle", "Kepala Dinas Sosial")
                .with(planner()).with(csrf())).andReturn().getResponse());
        assertThat(refused).contains("Pilih sedikitnya satu indikator.", "value=\"Kepala Dinas Sosial\"");
        gateway.calls.clear();
        MockHttpServletResponse answer = mvc.perform(post("/perjanjian-kinerja/baru").param("unit", "dinsos")
                .param("tahun", "2026").param("position", "HEAD").param("positionTitle", "Kepala Dinas Sosial")
                .param("pilih", "i2").with(planner()).with(csrf())).andReturn().getResponse();
        assertThat(answer.getRedirectedUrl()).isEqualTo("/perjanjian-kinerja/" + AGREEMENT);
        StandInGateway.Call drafted = gateway.calls.stream()
                .filter(c -> c.method().equals("POST") && c.path().equals("/api/v1/agreements")).findFirst()
                .orElseThrow();
        assertThat(drafted.body()).contains("\"unit\":\"dinsos\"", "\"year\":2026", "\"position\":\"HEAD\"",
                "\"sasaran\":\"Meningkatnya penanganan PPKS\"", "\"indicator\":\"Jumlah PSKS yang diberdayakan\"",
                "\"target\":1500", "\"budget\":2290000", "\"renstraIndicatorId\":\"i2\"")
                .doesNotContain("Persentase PPKS yang ditangani");
    }

    @Test
    void anAuditorReadsPlansAndAgreementsButNeitherImportsNorAgrees() throws Exception {
        String plans = html(mvc.perform(get("/renstra").with(auditor())).andReturn().getResponse());
        assertThat(plans).contains("href=\"/renstra\"", "href=\"/perjanjian-kinerja\"", "Renstra Dinas Sosial")
                .doesNotContain("Impor matriks Renstra");
        String plan = html(mvc.perform(get("/renstra/" + PLAN).with(auditor())).andReturn().getResponse());
        assertThat(plan).contains("Program Pemberdayaan Sosial").doesNotContain("Revisi dengan matriks baru");
        String agreement = html(mvc.perform(get("/perjanjian-kinerja/" + AGREEMENT).with(auditor())).andReturn()
                .getResponse());
        assertThat(agreement).contains("Persentase PPKS yang ditangani").doesNotContain("Sepakati revisi");
        gateway.calls.clear();
        assertThat(mvc.perform(get("/renstra/impor").with(auditor())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(multipart("/renstra/impor").file(new MockMultipartFile("file", "x.csv", "text/csv",
                new byte[] {1})).param("unit", "dinsos").with(auditor()).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/perjanjian-kinerja/baru").param("unit", "dinsos").param("tahun", "2026")
                .with(auditor())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/perjanjian-kinerja/" + AGREEMENT + "/persetujuan").param("etag", "\"1\"")
                .with(auditor()).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(gateway.calls).as("a refused change asks nothing of the API").isEmpty();
        // A Dinas Sosial verifier has no business with plans: no menu entry, and the pages refuse.
        RequestPostProcessor verifier = as("dinsos-verifier", "dinsos.verifier");
        assertThat(mvc.perform(get("/renstra").with(verifier)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(html(mvc.perform(get("/").with(verifier)).andReturn().getResponse()))
                .doesNotContain("href=\"/renstra\"", "href=\"/perjanjian-kinerja\"");
    }
}
