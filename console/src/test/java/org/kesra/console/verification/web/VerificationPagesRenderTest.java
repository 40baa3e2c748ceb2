package org.kesra.console.verification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.console.testing.RenderTestSupport;
import org.kesra.console.testing.StandInGateway;
import org.kesra.console.testing.StandInGateway.Answer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The verification pages (journey 2) rendered from answers shaped like welfare-service's, served by a stand-in
 * gateway: the counts in Indonesian numbers, a row beside its candidates, refused decisions back as typed with the
 * message beside the field, X-Purpose on every read of full NIKs, and nothing offered or sent that the role may not do.
 */
class VerificationPagesRenderTest extends RenderTestSupport {

    static final String LIST = "77777777-7777-7777-7777-777777777777";
    static final String REVIEW = "88888888-8888-8888-8888-888888888888";
    static final String LIST_PATH = "/api/v1/verivali/" + LIST;
    /** welfare-service's answers (and household-service's region tree), by method and path. */
    static final StandInGateway gateway = StandInGateway.start()
            .route("GET /api/v1/verivali", Answer.json("""
                    [{"id":"%s","programme":"PKH","fileName":"daftar-pkh.csv","rows":1234,"tidakPadan":2,"decided":1,
                      "uploadedBy":"dinsos.verifier","uploadedAt":"2026-12-06T07:05:00Z"}]""".formatted(LIST)))
            .route("POST /api/v1/verivali", query -> query != null && query.contains("program=PKH")
                    ? Answer.json(201, "{\"id\":\"" + LIST + "\"}")
                    : Answer.problem(422, """
                        {"title":"Kolom wajib tidak ada","status":422,"code":"WF-KOLOM-KURANG",
                         "detail":"Kolom wajib tidak ada: nik, nama. Kolom yang dikenali: nik, nama, tanggal_lahir, kode_kelurahan.",
                         "errors":[{"row":1,"column":"nik","detail":"Kolom nik wajib ada."}]}"""))
            .on(c -> c.path().equals("/api/v1/programmes"), c -> Answer.json("""
                    [{"code":"PKH","name":"Program Keluarga Harapan","unit":"KELUARGA"},
                     {"code":"SEMBAKO","name":"Program Sembako","unit":"KELUARGA"}]"""))
            .on(c -> c.path().equals(LIST_PATH), c -> Answer.json("""
                    {"id":"%s","programme":"PKH","fileName":"daftar-pkh.csv","rows":1234,"padan":1232,"tidakPadan":2,
                     "reasons":{"MENINGGAL":1,"NIK_BERBEDA":1},"eligible":1000,"notEligible":232,"decided":1,
                     "uploadedBy":"dinsos.verifier"}""".formatted(LIST)))
            .on(c -> c.path().equals(LIST_PATH + "/rows"), c -> Answer.json("""
                    {"items":[{"rowNo":4,"nik":"1872055008850001","name":"SITI AMINAH","birthDate":"1985-08-20",
                      "kelurahanCode":"18.72.05.1001","matchStatus":"TIDAK_PADAN","reason":"MENINGGAL","decision":"DITOLAK",
                      "decisionReason":"akta kematian","decidedBy":"dinsos.verifier"},
                     {"rowNo":8,"nik":"1872054101990001","name":"Bayu Saputro","birthDate":"2012-03-03",
                      "kelurahanCode":"18.72.05.1001","matchStatus":"TIDAK_PADAN","reason":"NIK_BERBEDA"}],
                     "page":0,"size":50,"totalItems":2,"totalPages":1}"""))
            .route("GET " + LIST_PATH + "/rows/8/candidates", Answer.json("""
                    {"row":{"rowNo":8,"nik":"1872054101990001","name":"Bayu Saputro","birthDate":"2012-03-03",
                      "kelurahanCode":"18.72.05.1001","matchStatus":"TIDAK_PADAN","reason":"NIK_BERBEDA",
                      "personId":"99999999-9999-9999-9999-999999999999"},
                     "candidates":[{"personId":"99999999-9999-9999-9999-999999999999","nik":"1872050303120001",
                      "name":"BAYU SAPUTRA","birthDate":"2012-03-03","kelurahanCode":"18.72.05.1001","lifeStatus":"HIDUP",
                      "nameSimilarity":0.8571,"sameNik":false,"sameBirthDate":true,"sameKelurahan":true,
                      "matchedByList":true}]}"""))
            .route("POST " + LIST_PATH + "/rows/8/decision", Answer.problem(422, """
                    {"title":"Isian keputusan tidak valid","status":422,"code":"WF-KEPUTUSAN-TIDAK-VALID",
                     "detail":"Keputusan tidak dapat dicatat; periksa isian yang disebutkan.",
                     "errors":[{"pointer":"/reason","detail":"Alasan keputusan wajib diisi."}]}"""))
            .route("POST " + LIST_PATH + "/rows/9/decision", Answer.json("{\"rowNo\":9,\"decision\":\"DITERIMA\"}"))
            .on(c -> c.path().equals(LIST_PATH + "/export.csv"), c -> Answer.text("text/csv;charset=UTF-8",
                    "\uFEFFNO,NIK,NAMA\n4,1872055008850001,SITI AMINAH\n"))
            .route("GET /api/v1/enrolment-reviews", Answer.json("""
                    {"items":[{"id":"%s","enrolmentId":"aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa","programme":"PKH",
                      "nik":"1872051205800001","kelurahanCode":"18.72.05.1001","reason":"MENINGGAL",
                      "eventDate":"2026-11-20","openedAt":"2026-11-21T01:00:00Z","status":"TERBUKA",
                      "memberNik":"1872055008850001","amountBefore":750000,"amountAfter":0,"amountPer":"TAHAP",
                      "endsOnConfirm":true}],"page":0,"size":50,"totalItems":1,"totalPages":1}""".formatted(REVIEW)))
            .route("POST /api/v1/enrolment-reviews/" + REVIEW + "/decision", Answer.problem(422, """
                    {"title":"Isian keputusan tidak valid","status":422,"code":"WF-KEPUTUSAN-TIDAK-VALID",
                     "detail":"Keputusan peninjauan tidak dapat dicatat; periksa isian yang disebutkan.",
                     "errors":[{"pointer":"/decision","detail":"Keputusan wajib diisi: KONFIRMASI atau TOLAK."}]}"""))
            .on(c -> c.path().equals("/api/v1/ppks/indicators"), c -> Answer.json("""
                    {"from":"2026-01-01","to":"2026-12-06","terdata":1500,"ditangani":1200,"persenDitangani":80.00,
                     "kelurahan":[{"kelurahanCode":"18.72.05.1001","kelurahan":"Rejomulyo","terdata":3,"ditangani":2,
                       "persenDitangani":66.67},
                      {"kelurahanCode":"18.72.05.1002","kelurahan":"Margorejo","terdata":0,"ditangani":0}]}"""))
            .on(c -> c.path().equals("/api/v1/enrolments/kpm"), c -> Answer.json("""
                    {"date":"2026-12-06","kpm":12345,"programmes":[
                     {"programme":"PKH","name":"Program Keluarga Harapan","unit":"KELUARGA","kpm":12000,"underReview":3},
                     {"programme":"PPKS_LAYANAN","name":"Pelayanan PPKS","unit":"ORANG","kpm":345,"underReview":0}]}"""))
            .on(c -> c.path().equals("/api/v1/wilayah"), c -> Answer.json("""
                    [{"code":"18.72.05","name":"Metro Utara","level":"kecamatan","parentCode":"18.72"},
                     {"code":"18.72.05.1001","name":"Rejomulyo","level":"kelurahan","parentCode":"18.72.05"}]"""));

    RequestPostProcessor as(String role) {
        return login(role, "uji." + role, Map.of("wilayah", "18.72"));
    }

    RequestPostProcessor verifier() {
        return as("dinsos-verifier");
    }

    @Test
    void theQueueListsTheUploadedListsAndAnUploadLeadsToItsResult() throws Exception {
        assertThat(page("/verifikasi", verifier())).contains("Verifikasi daftar penerima", "daftar-pkh.csv",
                "6 Desember 2026 14.05 WIB oleh dinsos.verifier", "1.234", "PKH – Program Keluarga Harapan",
                "/verifikasi/daftar/" + LIST);
        MockHttpServletResponse uploaded = mvc.perform(multipart("/verifikasi").file(new MockMultipartFile("file",
                "daftar.csv", "text/csv", "nik,nama\n".getBytes(StandardCharsets.UTF_8))).param("program", "PKH")
                .with(verifier()).with(csrf())).andReturn().getResponse();
        assertThat(uploaded.getRedirectedUrl()).isEqualTo("/verifikasi/daftar/" + LIST);
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/verivali?program=PKH") && c.contains("auth=Bearer "));
    }

    @Test
    void aRefusedUploadSaysWhyBesideTheFileAndKeepsTheChosenProgramme() throws Exception {
        String html = mvc.perform(multipart("/verifikasi").file(new MockMultipartFile("file", "daftar.csv",
                "text/csv", "no_kk\n1\n".getBytes(StandardCharsets.UTF_8))).param("program", "SEMBAKO")
                .with(verifier()).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<p id=\"file-error\" class=\"field-error\">Kolom wajib tidak ada: nik, nama.")
                .contains("aria-describedby=\"file-hint file-error\"")
                .containsPattern("<option value=\"SEMBAKO\" selected=\"selected\">");
        String empty = mvc.perform(multipart("/verifikasi").param("program", "").with(verifier()).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(empty).contains("Pilih program daftar penerima ini.", "Pilih berkas CSV atau XLSX");
        gateway.calls.clear();
        String odd = mvc.perform(multipart("/verifikasi").file(new MockMultipartFile("file", "daftar.csv", "text/csv",
                "nik,nama\n".getBytes(StandardCharsets.UTF_8))).param("program", "PKH&x={y}").with(verifier())
                .with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(odd).contains("Pilih program daftar penerima ini.");
        assertThat(gateway.lines()).as("not a programme code: not sent").noneMatch(c -> c.startsWith("POST"));
    }

    @Test
    void aListShowsItsCountsItsUnmatchedRowsByReasonAndTheExport() throws Exception {
        String html = page("/verifikasi/daftar/" + LIST, verifier());
        assertThat(html).contains("daftar-pkh.csv", "<dd id=\"jumlah-padan\">1.232</dd>",
                "<dd id=\"jumlah-tidak-padan\">2</dd>", "Meninggal", "NIK berbeda (ada penduduk yang mirip)",
                "Bayu Saputro", "1872054101990001", "Rejomulyo (18.72.05.1001)", "Ditolak", "Belum",
                "/verifikasi/daftar/" + LIST + "/baris/8", "/verifikasi/daftar/" + LIST + "/hasil.csv");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("GET /api/v1/verivali/" + LIST + "/rows?page=0&size=50&status=TIDAK_PADAN")
                && c.contains("purpose=Verifikasi dan validasi"));
        assertThat(page("/verifikasi/daftar/" + LIST + "?alasan=MENINGGAL", verifier()))
                .as("the reason's label in the heading").contains("<h2>Baris tidak padan: Meninggal</h2>");
        assertThat(gateway.lines()).anyMatch(c -> c.contains("/rows?") && c.contains("alasan=MENINGGAL"));
    }

    @Test
    void anUnmatchedRowIsShownBesideItsCandidatesWithTheDecisionForm() throws Exception {
        String html = page("/verifikasi/daftar/" + LIST + "/baris/8", verifier());
        assertThat(html).contains("Baris 8 daftar-pkh.csv", "Daftar penerima", "Calon 1", "BAYU SAPUTRA",
                "1872050303120001", "3 Maret 2012", "dipadankan sistem", "tanggal lahir sama", "kelurahan sama",
                "nama 86% mirip", "Simpan keputusan", "value=\"DITERIMA\"");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("GET /api/v1/verivali/" + LIST + "/rows/8/candidates")
                && c.contains("purpose=Verifikasi dan validasi"));
        assertThat(page("/verifikasi/daftar/" + LIST + "/baris/8", as("dinsos-operator")))
                .as("an operator reads the row but does not decide").doesNotContain("Simpan keputusan")
                .contains("Keputusan diambil oleh verifikator Dinas Sosial.");
    }

    @Test
    void aRowDecisionWithoutReasonComesBackAsTypedWithTheMessageBesideTheReason() throws Exception {
        String html = mvc.perform(post("/verifikasi/daftar/" + LIST + "/baris/8").with(verifier()).with(csrf())
                .param("decision", "DITERIMA").param("reason", " ")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<p id=\"reason-error\" class=\"field-error\">Alasan keputusan wajib diisi.</p>")
                .containsPattern("value=\"DITERIMA\" checked")
                .contains("Keputusan tidak dapat dicatat; periksa isian yang disebutkan.");
        assertThat(gateway.lastBody()).contains("\"decision\":\"DITERIMA\"");

        MockHttpServletResponse decided = mvc.perform(post("/verifikasi/daftar/" + LIST + "/baris/9").with(verifier())
                .with(csrf()).param("decision", "DITERIMA").param("reason", "KTP diperiksa di kelurahan"))
                .andReturn().getResponse();
        assertThat(decided.getRedirectedUrl()).isEqualTo("/verifikasi/daftar/" + LIST);
        assertThat(decided.getRedirectedUrl()).doesNotContain("KTP");
    }

    @Test
    void theExportStreamsTheApisCsvWithThePurpose() throws Exception {
        MockHttpServletResponse csv = mvc.perform(get("/verifikasi/daftar/" + LIST + "/hasil.csv").with(verifier()))
                .andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).contains("verivali-" + LIST + ".csv");
        assertThat(csv.getContentAsString(StandardCharsets.UTF_8)).contains("SITI AMINAH");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("GET /api/v1/verivali/" + LIST + "/export.csv")
                && c.contains("purpose=Verifikasi dan validasi"));
    }

    @Test
    void theReviewsOpenedByDeathsShowTheAmountsAndARefusedDecisionKeepsTheReason() throws Exception {
        assertThat(page("/verifikasi/peninjauan", verifier())).contains("PKH", "Meninggal", "pada 20 November 2026",
                "Rp 750.000 per tahap", "Rp 0 per tahap", "Kepesertaan berakhir", "Konfirmasi perubahan",
                "Rejomulyo (18.72.05.1001)", "<span>Menunggu keputusan</span>:");
        String html = mvc.perform(post("/verifikasi/peninjauan/" + REVIEW).with(verifier()).with(csrf())
                .param("reason", "akta kematian")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Keputusan wajib diisi: KONFIRMASI atau TOLAK.", "value=\"akta kematian\"");
        assertThat(page("/verifikasi/peninjauan", as("auditor"))).as("an auditor reads without deciding")
                .contains("Rp 750.000").doesNotContain("Simpan keputusan");
    }

    @Test
    void ppksPerKelurahanAndKpmPerProgrammeAreShownForThePeriod() throws Exception {
        String html = page("/verifikasi/ppks-kpm?dari=2026-01-01&sampai=2026-12-06", verifier());
        assertThat(html).contains("PPKS 1 Januari 2026 sampai 6 Desember 2026", "<strong id=\"ppks-terdata\">1.500</strong>",
                "Rejomulyo", "66,67%", "KPM per program pada 6 Desember 2026", "12.000 keluarga", "345 orang",
                "<strong id=\"kpm-jumlah\">12.345</strong>");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("GET /api/v1/ppks/indicators?dari=2026-01-01&sampai=2026-12-06"));
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("GET /api/v1/enrolments/kpm?tanggal=2026-12-06"));
        assertThat(page("/verifikasi/ppks-kpm?dari=1-1-2026", verifier())).contains("Tanggal tidak dikenali",
                "value=\"1-1-2026\"", "aria-invalid=\"true\"");
    }

    @Test
    void theConsoleOffersAndAllowsOnlyWhatTheRoleMay() throws Exception {
        assertThat(page("/", verifier())).contains("Verifikasi daftar penerima", "Peninjauan kepesertaan",
                "PPKS dan KPM");
        assertThat(page("/", as("auditor"))).contains("Peninjauan kepesertaan", "PPKS dan KPM")
                .doesNotContain("Verifikasi daftar penerima");
        assertThat(page("/", as("kelurahan-operator"))).doesNotContain("Peninjauan kepesertaan");
        assertThat(mvc.perform(get("/verifikasi").with(as("kelurahan-operator"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/verifikasi").with(as("auditor"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        gateway.calls.clear();
        assertThat(mvc.perform(post("/verifikasi/daftar/" + LIST + "/baris/8").with(as("dinsos-operator"))
                .with(csrf()).param("decision", "DITOLAK").param("reason", "x")).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/verifikasi/peninjauan/" + REVIEW).with(as("planner")).with(csrf())
                .param("decision", "TOLAK").param("reason", "x")).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(gateway.lines()).as("refused before any API call").noneMatch(c -> c.startsWith("POST"));
    }
}
