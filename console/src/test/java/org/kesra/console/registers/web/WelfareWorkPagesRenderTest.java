package org.kesra.console.registers.web;

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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The Dinas Sosial pages for the welfare work that needed the API until now, rendered from answers shaped like
 * welfare-service's (the shared stand-in gateway): the PSKS register (list, register, deactivate with a reason), a
 * programme's payment rounds (list, open with SP2D, upload the bank's payment list, the summary against SP2D), the
 * musyawarah kelurahan proposals (list, propose, decide) and the deciles upload. Each with its happy path, a refusal
 * beside its field with the form as typed, and who may see it.
 */
class WelfareWorkPagesRenderTest extends RenderTestSupport {

    static final String PSKS = "91919191-9191-9191-9191-919191919191";
    static final String PSKS_OFF = "92929292-9292-9292-9292-929292929292";
    static final String PROPOSAL = "93939393-9393-9393-9393-939393939393";
    static final String OWN_PROPOSAL = "94949494-9494-9494-9494-949494949494";
    static final String PSKS_JSON = """
            {"id":"%s","category":"PSM","categoryName":"Pekerja Sosial Masyarakat","kind":"ORANG",
             "name":"SITI AMINAH","nik":"%s","kelurahanCode":"18.72.05.1001","activeSince":"2024-03-01",
             "status":"%s","deactivatedOn":%s,"deactivateReason":%s,"recordedBy":"dinsos.operator"}""";
    static final String PROPOSAL_JSON = """
            {"id":"%s","kelurahanCode":"18.72.05.1001","programme":"PKH","kind":"HAPUS","nik":"1872050202801234",
             "personId":"p1","reason":"MAMPU","meetingDate":"2026-11-20","note":"usaha warung berkembang",
             "status":"DIUSULKAN","proposedBy":"%s","decidedBy":null,"decisionReason":null}""";
    static final String SUMMARY_JSON = """
            {"programme":"PKH","year":2026,"label":"4","sp2dKpm":1250,"sp2dRupiah":937500000,"realisedKpm":1248,
             "realisedRupiah":936000000,"paidKpm":1248,"paidRupiah":936000000,"unpaidKpm":2,"matchesRealisation":true,
             "kelurahan":[{"kelurahanCode":"18.72.05.1001","kelurahan":"Rejomulyo","paidKpm":1248,
                           "paidRupiah":936000000,"unpaidKpm":2,"unpaidByReason":{"MENINGGAL":1,"PINDAH":1}}]}""";

    static Answer created(String body) {
        return new Answer(201, "application/json", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    static final StandInGateway gateway = StandInGateway.start()
            .route("GET /api/v1/wilayah", Answer.json("""
                    [{"code":"18.72.05","name":"Metro Utara","level":"KECAMATAN"},
                     {"code":"18.72.05.1001","name":"Rejomulyo","level":"KELURAHAN"},
                     {"code":"18.72.03.1001","name":"Mulyojati","level":"KELURAHAN"}]"""))
            .route("GET /api/v1/programmes", Answer.json("""
                    [{"code":"PKH","name":"Program Keluarga Harapan","unit":"KELUARGA"},
                     {"code":"SEMBAKO","name":"Program Sembako (BPNT)","unit":"KELUARGA"}]"""))
            // welfare-service's catalogue (four of its twelve here): the pages offer exactly what it answers
            .route("GET /api/v1/psks/categories", Answer.json("""
                    [{"abbrev":"PSP","name":"Pekerja Sosial Profesional"},
                     {"abbrev":"PSM","name":"Pekerja Sosial Masyarakat"},
                     {"abbrev":"LKS","name":"Lembaga Kesejahteraan Sosial"},
                     {"abbrev":"TKSK","name":"Tenaga Kesejahteraan Sosial Kecamatan"}]"""))
            .route("GET /api/v1/psks", Answer.json("""
                    {"items":[%s,%s],"page":1,"size":20,"totalItems":23,"totalPages":2}""".formatted(
                    PSKS_JSON.formatted(PSKS, "1872054101900001", "AKTIF", "null", "null"),
                    PSKS_JSON.formatted(PSKS_OFF, "1872054101900002", "NONAKTIF", "\"2026-10-01\"",
                            "\"pindah ke luar kota (dinsos.operator)\""))))
            .routeByBody("POST /api/v1/psks", (query, body) -> body.contains("\"LEMBAGA\"")
                    ? Answer.problem(422, """
                    {"status":422,"code":"WF-PSKS-TIDAK-VALID","title":"Isian PSKS tidak valid",
                     "detail":"Data PSKS tidak dapat disimpan; periksa isian yang disebutkan.",
                     "errors":[{"pointer":"/nik","detail":"Lembaga tidak memiliki NIK; kosongkan."}]}""")
                    : created(PSKS_JSON.formatted(PSKS, "1872054101900001", "AKTIF", "null", "null")))
            .routeByBody("POST /api/v1/psks/" + PSKS + "/deactivation", (query, body) -> body.contains("\"reason\":\"\"")
                    ? Answer.problem(422, """
                    {"status":422,"code":"WF-PSKS-TIDAK-VALID",
                     "detail":"PSKS tidak dapat dinonaktifkan; periksa isian yang disebutkan.",
                     "errors":[{"pointer":"/reason","detail":"Alasan wajib diisi."}]}""")
                    : Answer.json(PSKS_JSON.formatted(PSKS, "1872054101900001", "NONAKTIF", "\"2026-12-01\"",
                    "\"tidak aktif lagi (dinsos.operator)\"")))
            .route("GET /api/v1/programmes/PKH/cycles", Answer.json("""
                    {"programme":"PKH","cycles":[{"id":"c1","programme":"PKH","year":2026,"label":"4","kind":"TAHAP",
                      "periodStart":"2026-10-01","periodEnd":"2026-12-31","sp2dKpm":1250,"sp2dRupiah":937500000,
                      "realisedKpm":1248,"realisedRupiah":936000000,"differenceKpm":2,"differenceRupiah":1500000,
                      "explainedKpm":0,"gaps":[],"note":null,"recordedBy":"dinsos.operator"}],
                     "years":[{"year":2026,"sp2dRupiah":937500000,"realisedRupiah":936000000,"realisationPercent":99.84}]}"""))
            .routeByBody("POST /api/v1/programmes/PKH/cycles", (query, body) -> body.contains("\"realisedKpm\":1300")
                    ? Answer.problem(422, """
                    {"status":422,"code":"WF-PENYALURAN-TIDAK-VALID",
                     "detail":"Data penyaluran tidak dapat disimpan; periksa isian yang disebutkan.",
                     "errors":[{"pointer":"/realisedKpm","detail":"Realisasi 1300 KPM melebihi SP2D 1250 KPM."}]}""")
                    : created("""
                    {"id":"c1","programme":"PKH","year":2026,"label":"4","kind":"TAHAP"}"""))
            .route("GET /api/v1/programmes/PKH/cycles/2026/4/payments/summary", Answer.json(SUMMARY_JSON))
            .route("GET /api/v1/programmes/PKH/cycles/2026/4/payments", Answer.json("""
                    {"items":[{"enrolmentId":"e1","nik":"1872050202801234","kelurahanCode":"18.72.05.1001",
                               "status":"DIBAYAR","rupiah":750000,"reason":null,"note":null,"recordedBy":"dinsos.operator"},
                              {"enrolmentId":"e2","nik":"1872050202809999","kelurahanCode":"18.72.05.1001",
                               "status":"TIDAK_DIBAYAR","rupiah":0,"reason":"MENINGGAL","note":null,"recordedBy":"dinsos.operator"}],
                     "page":0,"size":50,"totalItems":1250,"totalPages":25}"""))
            .routeByBody("POST /api/v1/programmes/PKH/cycles/2026/4/payments", (query, body) -> body.contains("salah")
                    ? Answer.problem(422, """
                    {"status":422,"code":"WF-PEMBAYARAN-TIDAK-VALID",
                     "detail":"Daftar pembayaran tidak disimpan; perbaiki baris yang disebutkan lalu unggah lagi.",
                     "errors":[{"row":3,"column":"nik","value":"18720502","detail":"NIK harus 16 digit angka."},
                               {"row":4,"column":"alasan","value":"SAKIT","detail":"Alasan tidak dibayar harus salah satu dari [MENINGGAL, PINDAH]."}]}""")
                    : created("""
                    {"cycleId":"c1","recorded":2,"paidKpm":1,"paidRupiah":750000,"unpaidKpm":1}"""))
            .route("GET /api/v1/musyawarah-proposals", Answer.json("""
                    {"items":[%s,%s],"page":0,"size":20,"totalItems":2,"totalPages":1}""".formatted(
                    PROPOSAL_JSON.formatted(PROPOSAL, "rejomulyo.operator"),
                    PROPOSAL_JSON.formatted(OWN_PROPOSAL, "uji.dinsos-admin"))))
            .routeByBody("POST /api/v1/musyawarah-proposals", (query, body) -> body.contains("1872050202800000")
                    ? Answer.problem(422, """
                    {"status":422,"code":"WF-USULAN-TIDAK-VALID",
                     "detail":"Usulan tidak dapat disimpan; periksa isian yang disebutkan.",
                     "errors":[{"pointer":"/nik","detail":"NIK tidak ditemukan dalam registri rumah tangga."}]}""")
                    : created(PROPOSAL_JSON.formatted(PROPOSAL, "uji.dinsos-operator")))
            .routeByBody("POST /api/v1/musyawarah-proposals/" + PROPOSAL + "/decision", (query, body) ->
                    body.contains("\"reason\":\"\"") ? Answer.problem(422, """
                    {"status":422,"code":"WF-KEPUTUSAN-TIDAK-VALID",
                     "detail":"Keputusan tidak dapat dicatat; periksa isian yang disebutkan.",
                     "errors":[{"pointer":"/reason","detail":"Alasan keputusan wajib diisi."}]}""")
                    : Answer.json("""
                    {"id":"%s","status":"DISETUJUI"}""".formatted(PROPOSAL)))
            .routeByBody("POST /api/v1/deciles/2026-Q4", (query, body) -> body.contains("bukan")
                    ? Answer.problem(422, """
                    {"status":422,"code":"WF-DESIL-TIDAK-VALID",
                     "detail":"Daftar desil tidak disimpan: 1 baris bermasalah. Perbaiki lalu unggah lagi.",
                     "errors":[{"row":2,"column":"desil","value":"bukan","detail":"Desil harus bilangan bulat 1 sampai 10."}]}""")
                    : created("""
                    {"id":"d1","period":"2026-Q4","periodFrom":"2026-10-01","rows":2,"fileSha256":"ab12"}"""));

    RequestPostProcessor as(String role) {
        return login(role, "uji." + role, Map.of("wilayah", "18.72"));
    }

    MockHttpServletResponse answer(AbstractMockHttpServletRequestBuilder<?> request, String role) throws Exception {
        return mvc.perform(request.with(as(role))).andReturn().getResponse();
    }

    String page(String path, String role) throws Exception {
        return page(path, as(role));
    }

    @Test
    void thePsksRegisterListsAPageWithItsFiltersAndTheDeactivationInEachActiveRow() throws Exception {
        String html = page("/psks?kategori=PSM&kelurahan=18.72.05.1001&status=AKTIF&halaman=1", "dinsos-operator");
        assertThat(html).contains("Register PSKS", "SITI AMINAH", "1872054101900001", "Perorangan",
                "<abbr title=\"Pekerja Sosial Masyarakat\">PSM</abbr>", "Rejomulyo", "1 Maret 2024",
                "sejak 1 Oktober 2026", "pindah ke luar kota (dinsos.operator)",
                "PSKS: <strong id=\"jumlah-psks\">23</strong>", "Halaman 1 dari 2", "Catat PSKS baru",
                "action=\"/psks/" + PSKS + "/penonaktifan\"", "<label for=\"reason-" + PSKS + "\">Alasan</label>")
                .doesNotContain("action=\"/psks/" + PSKS_OFF + "/penonaktifan\"");
        assertThat(html).as("the filters as chosen")
                .contains("<option value=\"PSM\" selected=\"selected\">PSM – Pekerja Sosial Masyarakat</option>");
        assertThat(html).as("the categories welfare-service answers, no copy of its list")
                .contains("TKSK – Tenaga Kesejahteraan Sosial Kecamatan").doesNotContain("WPKS");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith(
                "GET /api/v1/psks?page=0&size=20&kategori=PSM&kelurahan=18.72.05.1001&status=AKTIF auth=Bearer ")
                && c.contains("purpose=Pengelolaan register"));

        page("/psks?kategori=BUKAN&status=HILANG", "dinsos-operator");
        assertThat(gateway.lines()).as("a code the pages do not know is not sent on")
                .anyMatch(c -> c.startsWith("GET /api/v1/psks?page=0&size=20 auth="))
                .noneMatch(c -> c.contains("BUKAN") || c.contains("HILANG"));
    }

    @Test
    void aPsksIsRegisteredAndARefusalComesBackBesideItsFieldAsTyped() throws Exception {
        String form = page("/psks/baru", "dinsos-operator");
        assertThat(form).contains("Catat PSKS", "TKSK – Tenaga Kesejahteraan Sosial Kecamatan", "Lembaga",
                "<label for=\"activeSince\">Aktif sejak</label>", "name=\"_csrf\"");

        String refused = html(answer(post("/psks/baru").with(csrf()).param("category", "LKS").param("kind", "LEMBAGA")
                .param("name", "LKS Harapan Bunda").param("nik", "1872054101900009")
                .param("kelurahanCode", "18.72.05.1001").param("activeSince", "2025-01-02"), "dinsos-operator"));
        assertThat(refused).contains("Data PSKS tidak dapat disimpan",
                "id=\"nik-error\" class=\"field-error\">Lembaga tidak memiliki NIK; kosongkan.",
                "aria-describedby=\"nik-error\"", "value=\"LKS Harapan Bunda\"", "value=\"1872054101900009\"",
                "value=\"2025-01-02\"", "<option value=\"LEMBAGA\" selected=\"selected\">",
                "<option value=\"LKS\" selected=\"selected\">");

        MvcResult registered = mvc.perform(post("/psks/baru").with(csrf()).param("category", "PSM")
                .param("kind", "ORANG").param("name", "Siti Aminah").param("nik", "1872054101900001")
                .param("kelurahanCode", "18.72.05.1001").param("activeSince", "2024-03-01")
                .with(as("dinsos-operator"))).andReturn();
        assertThat(registered.getResponse().getRedirectedUrl()).isEqualTo("/psks?kategori=PSM&kelurahan=18.72.05.1001");
        assertThat(registered.getFlashMap().get("notice")).isEqualTo("PSKS tercatat: SITI AMINAH (PSM).");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/psks auth=Bearer ") && c.contains(
                "body={\"category\":\"PSM\",\"kind\":\"ORANG\",\"name\":\"Siti Aminah\",\"nik\":\"1872054101900001\","
                        + "\"kelurahanCode\":\"18.72.05.1001\",\"activeSince\":\"2024-03-01\"}"));
    }

    @Test
    void aPsksIsDeactivatedWithItsReasonAndAMissingReasonIsToldInItsRow() throws Exception {
        String refused = html(answer(post("/psks/" + PSKS + "/penonaktifan").with(csrf())
                .param("deactivatedOn", "2026-12-01").param("reason", "").param("kategori", "PSM"),
                "dinsos-operator"));
        assertThat(refused).contains("PSKS tidak dapat dinonaktifkan",
                "id=\"reason-" + PSKS + "-error\" class=\"field-error\">Alasan wajib diisi.",
                "aria-describedby=\"reason-" + PSKS + "-error\"", "value=\"2026-12-01\"");
        assertThat(refused).as("the refused row's form is open").containsPattern("<details class=\"row-action\" open");

        MvcResult done = mvc.perform(post("/psks/" + PSKS + "/penonaktifan").with(csrf())
                .param("deactivatedOn", "2026-12-01").param("reason", "tidak aktif lagi").param("kategori", "PSM")
                .param("halaman", "2").with(as("dinsos-admin"))).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/psks?halaman=2&kategori=PSM");
        assertThat(done.getFlashMap().get("notice")).isEqualTo("PSKS SITI AMINAH dinonaktifkan. Alasan: tidak aktif lagi");
        assertThat(gateway.lines()).anyMatch(c -> c.contains("POST /api/v1/psks/" + PSKS + "/deactivation")
                && c.contains("body={\"deactivatedOn\":\"2026-12-01\",\"reason\":\"tidak aktif lagi\"}"));
    }

    @Test
    void aProgrammesRoundsAreListedAndARoundIsOpenedWithItsSp2d() throws Exception {
        String list = page("/penyaluran?program=PKH&tahun=2026", "dinsos-operator");
        assertThat(list).contains("Penyaluran <span>PKH – Program Keluarga Harapan</span>", "Tahap 4",
                "1 Oktober 2026 – 31 Desember 2026", "1.250", "Rp 937.500.000", "1.248", "Rp 936.000.000",
                "99,84 %", "href=\"/penyaluran/PKH/2026/4\"", "Buka tahap penyaluran");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("GET /api/v1/programmes/PKH/cycles?tahun=2026 auth=Bearer "));

        String refused = html(answer(post("/penyaluran/baru").with(csrf()).param("programme", "PKH")
                .param("year", "2026").param("kind", "TAHAP").param("label", "4").param("periodStart", "2026-10-01")
                .param("periodEnd", "2026-12-31").param("sp2dKpm", "1.250").param("sp2dRupiah", "Rp 937.500.000")
                .param("realisedKpm", "1.300").param("realisedRupiah", "936.000.000"), "dinsos-operator"));
        assertThat(refused).contains("Data penyaluran tidak dapat disimpan",
                "id=\"realisedKpm-error\" class=\"field-error\">Realisasi 1300 KPM melebihi SP2D 1250 KPM.",
                "value=\"1.300\"", "value=\"Rp 937.500.000\"", "value=\"2026-10-01\"");

        String unreadable = html(answer(post("/penyaluran/baru").with(csrf()).param("programme", "PKH")
                .param("year", "2026").param("sp2dKpm", "12,5"), "dinsos-operator"));
        assertThat(unreadable).as("a number with a comma is told before anything is sent")
                .contains("id=\"sp2dKpm-error\" class=\"field-error\">Tulis bilangan bulat");

        MockHttpServletResponse opened = answer(post("/penyaluran/baru").with(csrf()).param("programme", "PKH")
                .param("year", "2026").param("kind", "TAHAP").param("label", "4").param("periodStart", "2026-10-01")
                .param("periodEnd", "2026-12-31").param("sp2dKpm", "1.250").param("sp2dRupiah", "937.500.000")
                .param("realisedKpm", "").param("realisedRupiah", "").param("note", ""), "dinsos-operator");
        assertThat(opened.getRedirectedUrl()).isEqualTo("/penyaluran/PKH/2026/4");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/programmes/PKH/cycles auth=") && c.contains(
                "body={\"year\":2026,\"label\":\"4\",\"kind\":\"TAHAP\",\"periodStart\":\"2026-10-01\","
                        + "\"periodEnd\":\"2026-12-31\",\"sp2dKpm\":1250,\"sp2dRupiah\":937500000,"
                        + "\"realisedKpm\":null,\"realisedRupiah\":null,\"note\":null}"));
    }

    @Test
    void aRoundShowsWhatWasPaidAgainstSp2dAndTakesTheBanksListAsAFile() throws Exception {
        String html = page("/penyaluran/PKH/2026/4", "dinsos-operator");
        assertThat(html).contains("Penyaluran <span>PKH 2026, tahap/bulan 4</span>", "Dibayar dibanding SP2D",
                "Rp 937.500.000", "Rp 936.000.000", "Daftar pembayaran sama dengan realisasi",
                "Meninggal: 1", "Pindah: 1", "1872050202801234", "Rp 750.000", "Tidak dibayar", "Halaman 1 dari 25",
                "enctype=\"multipart/form-data\"", "action=\"/penyaluran/PKH/2026/4/pembayaran\"");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith(
                "GET /api/v1/programmes/PKH/cycles/2026/4/payments?page=0&size=50 auth=Bearer ")
                && c.contains("purpose="));

        String refused = html(answer(multipart("/penyaluran/PKH/2026/4/pembayaran").file(new MockMultipartFile(
                "file", "bank.csv", "text/csv", "nik,status\nsalah,DIBAYAR\n".getBytes(StandardCharsets.UTF_8)))
                .with(csrf()), "dinsos-operator"));
        assertThat(refused).as("the file's problems by row and column")
                .contains("Daftar pembayaran tidak disimpan", "Masalah dalam berkas", "<td data-label=\"Baris\">3</td>",
                        "<td data-label=\"Kolom\">nik</td>", "18720502", "NIK harus 16 digit angka.",
                        "Alasan tidak dibayar harus salah satu dari");

        MvcResult uploaded = mvc.perform(multipart("/penyaluran/PKH/2026/4/pembayaran").file(new MockMultipartFile(
                "file", "bank.csv", "text/csv", "nik,status,rupiah\n1872050202801234,DIBAYAR,750000\n"
                        .getBytes(StandardCharsets.UTF_8))).with(csrf()).with(as("dinsos-operator"))).andReturn();
        assertThat(uploaded.getResponse().getRedirectedUrl()).isEqualTo("/penyaluran/PKH/2026/4");
        assertThat(uploaded.getFlashMap().get("notice")).isEqualTo(
                "Daftar pembayaran tersimpan: 2 baris, 1 KPM dibayar Rp 750.000, 1 KPM tidak dibayar.");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/programmes/PKH/cycles/2026/4/payments auth=")
                && c.contains("filename=\"bank.csv\"") && c.contains("1872050202801234,DIBAYAR,750000"));

        assertThat(page("/penyaluran/PKH/2026/4", "auditor")).contains("Dibayar dibanding SP2D")
                .doesNotContain("Unggah daftar pembayaran");
    }

    @Test
    void aProposalIsMadeAndDecidedButNotByItsProposer() throws Exception {
        String list = page("/musyawarah", "dinsos-admin");
        assertThat(list).contains("Usulan musyawarah kelurahan", "Hapus penerima", "– mampu",
                "usaha warung berkembang", "20 November 2026", "rejomulyo.operator", "Diusulkan", "Ajukan usulan",
                "action=\"/musyawarah/" + PROPOSAL + "/keputusan\"")
                .as("not on one's own proposal").doesNotContain("action=\"/musyawarah/" + OWN_PROPOSAL + "/keputusan\"");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("GET /api/v1/musyawarah-proposals?page=0&size=20 auth=")
                && c.contains("purpose="));

        String refused = html(answer(post("/musyawarah/" + PROPOSAL + "/keputusan").with(csrf())
                .param("decision", "DISETUJUI").param("reason", ""), "dinsos-verifier"));
        assertThat(refused).contains("Keputusan tidak dapat dicatat",
                "id=\"reason-" + PROPOSAL + "-error\" class=\"field-error\">Alasan keputusan wajib diisi.",
                "<option value=\"DISETUJUI\" selected=\"selected\">Setujui</option>");
        MvcResult decided = mvc.perform(post("/musyawarah/" + PROPOSAL + "/keputusan").with(csrf())
                .param("decision", "DISETUJUI").param("reason", "hasil kunjungan rumah").with(as("dinsos-verifier")))
                .andReturn();
        assertThat(decided.getResponse().getRedirectedUrl()).isEqualTo("/musyawarah?halaman=1");
        assertThat(decided.getFlashMap().get("notice")).isEqualTo("Usulan disetujui. Alasan: hasil kunjungan rumah");

        String form = page("/musyawarah/baru", "dinsos-operator");
        assertThat(form).contains("Ajukan usulan musyawarah", "<label for=\"meetingDate\">Tanggal musyawarah</label>",
                "Layak (usulan tambah)");
        String proposalRefused = html(answer(post("/musyawarah/baru").with(csrf()).param("kelurahanCode", "18.72.05.1001")
                .param("programme", "PKH").param("kind", "TAMBAH").param("nik", "1872050202800000")
                .param("reason", "LAYAK").param("meetingDate", "2026-11-20"), "dinsos-operator"));
        assertThat(proposalRefused).contains("Usulan tidak dapat disimpan",
                "id=\"nik-error\" class=\"field-error\">NIK tidak ditemukan dalam registri rumah tangga.",
                "value=\"1872050202800000\"", "value=\"2026-11-20\"");
        MockHttpServletResponse proposed = answer(post("/musyawarah/baru").with(csrf())
                .param("kelurahanCode", "18.72.05.1001").param("programme", "PKH").param("kind", "HAPUS")
                .param("nik", "1872050202801234").param("reason", "MAMPU").param("meetingDate", "2026-11-20")
                .param("note", ""), "dinsos-operator");
        assertThat(proposed.getRedirectedUrl()).isEqualTo("/musyawarah?status=DIUSULKAN");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/musyawarah-proposals auth=") && c.contains(
                "body={\"kelurahanCode\":\"18.72.05.1001\",\"programme\":\"PKH\",\"kind\":\"HAPUS\","
                        + "\"nik\":\"1872050202801234\",\"reason\":\"MAMPU\",\"meetingDate\":\"2026-11-20\",\"note\":null}"));
    }

    @Test
    void aKelurahanOperatorProposesForTheirOwnKelurahanAndDecidesNothing() throws Exception {
        RequestPostProcessor rejomulyo = login("kelurahan-operator", "rejomulyo.operator",
                Map.of("wilayah", "18.72.05.1001"));
        String form = page("/musyawarah/baru", rejomulyo);
        assertThat(form).contains("Ajukan usulan musyawarah", "PKH – Program Keluarga Harapan",
                        "<option value=\"18.72.05.1001\" selected=\"selected\">Rejomulyo (18.72.05.1001)</option>")
                .as("another kecamatan's kelurahan is not offered").doesNotContain("Mulyojati");
        MvcResult proposed = mvc.perform(post("/musyawarah/baru").with(csrf()).with(rejomulyo)
                .param("kelurahanCode", "18.72.05.1001").param("programme", "PKH").param("kind", "HAPUS")
                .param("nik", "1872050202805678").param("reason", "MAMPU").param("meetingDate", "2026-11-20")
                .param("note", "")).andReturn();
        assertThat(proposed.getResponse().getRedirectedUrl()).isEqualTo("/musyawarah?status=DIUSULKAN");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/musyawarah-proposals auth=")
                && c.contains("\"kelurahanCode\":\"18.72.05.1001\"") && c.contains("\"nik\":\"1872050202805678\""));
        assertThat(page("/musyawarah", rejomulyo)).contains("Usulan musyawarah kelurahan", "Ajukan usulan")
                .doesNotContain("action=\"/musyawarah/" + PROPOSAL + "/keputusan\"");
        int before = gateway.lines().size();
        assertThat(mvc.perform(post("/musyawarah/" + PROPOSAL + "/keputusan").with(csrf()).with(rejomulyo)
                .param("decision", "DISETUJUI").param("reason", "x")).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(gateway.lines()).as("a refused decision makes no API call").hasSize(before);
    }

    @Test
    void anAdminUploadsTheDecilesAndARefusedFileIsToldByRow() throws Exception {
        assertThat(page("/desil", "dinsos-admin")).contains("Unggah desil DTSEN",
                "<label for=\"period\">Periode (TTTT-Qn, mis. 2026-Q4)</label>");
        String refused = html(answer(multipart("/desil").file(new MockMultipartFile("file", "desil.csv", "text/csv",
                "no_kk,desil\n1872050202000001,bukan\n".getBytes(StandardCharsets.UTF_8))).param("period", "2026-q4")
                .with(csrf()), "dinsos-admin"));
        assertThat(refused).contains("1 baris bermasalah", "<td data-label=\"Kolom\">desil</td>",
                "Desil harus bilangan bulat 1 sampai 10.", "value=\"2026-q4\"");
        String badPeriod = html(answer(multipart("/desil").file(new MockMultipartFile("file", "desil.csv",
                "text/csv", "x".getBytes(StandardCharsets.UTF_8))).param("period", "Q4 2026").with(csrf()),
                "dinsos-admin"));
        assertThat(badPeriod).contains("id=\"period-error\" class=\"field-error\">Periode ditulis TTTT-Qn");
        MvcResult uploaded = mvc.perform(multipart("/desil").file(new MockMultipartFile("file", "desil.csv",
                "text/csv", "no_kk,desil\n1872050202000001,3\n".getBytes(StandardCharsets.UTF_8)))
                .param("period", "2026-Q4").with(csrf()).with(as("dinsos-admin"))).andReturn();
        assertThat(uploaded.getFlashMap().get("notice")).isEqualTo(
                "Daftar desil periode 2026-Q4 tersimpan: 2 keluarga, berlaku sejak 1 Oktober 2026. SHA-256 berkas: ab12");
    }

    @Test
    void eachPageIsOfferedOnlyToTheRolesTheApiAccepts() throws Exception {
        String operatorHome = page("/", "dinsos-operator");
        assertThat(operatorHome).contains("href=\"/psks\"", "href=\"/penyaluran\"", "href=\"/musyawarah\"")
                .doesNotContain("href=\"/desil\"");
        assertThat(page("/", "dinsos-admin")).contains("href=\"/desil\"");
        assertThat(page("/", "planner")).contains("href=\"/psks\"", "href=\"/penyaluran\"")
                .doesNotContain("href=\"/musyawarah\"");
        assertThat(page("/", "kelurahan-operator")).contains("href=\"/musyawarah\"")
                .doesNotContain("href=\"/psks\"", "href=\"/penyaluran\"", "href=\"/desil\"");
        assertThat(page("/psks", "planner")).contains("SITI AMINAH").doesNotContain("Catat PSKS baru", "Nonaktifkan");
        assertThat(page("/musyawarah", "auditor")).doesNotContain("Ajukan usulan", "Putuskan");
        assertThat(page("/musyawarah", "dinsos-operator")).contains("Ajukan usulan").doesNotContain("Putuskan");

        int before = gateway.lines().size();
        assertThat(answer(get("/psks"), "kelurahan-operator").getStatus()).isEqualTo(403);
        assertThat(answer(get("/psks/baru"), "auditor").getStatus()).isEqualTo(403);
        assertThat(answer(get("/penyaluran/baru"), "dinsos-verifier").getStatus()).isEqualTo(403);
        assertThat(answer(post("/psks/" + PSKS + "/penonaktifan").with(csrf()).param("reason", "x"), "planner")
                .getStatus()).isEqualTo(403);
        assertThat(answer(multipart("/penyaluran/PKH/2026/4/pembayaran").file(new MockMultipartFile("file", "b.csv",
                "text/csv", "x".getBytes(StandardCharsets.UTF_8))).with(csrf()), "auditor").getStatus()).isEqualTo(403);
        assertThat(answer(get("/musyawarah"), "planner").getStatus()).isEqualTo(403);
        assertThat(answer(get("/musyawarah/baru"), "dinsos-verifier").getStatus()).isEqualTo(403);
        assertThat(answer(post("/musyawarah/" + PROPOSAL + "/keputusan").with(csrf()).param("decision", "DITOLAK")
                .param("reason", "x"), "dinsos-operator").getStatus()).isEqualTo(403);
        assertThat(answer(get("/desil"), "dinsos-operator").getStatus()).isEqualTo(403);
        assertThat(gateway.lines().stream().skip(before)).as("a refused page asks no API").isEmpty();
        assertThat(answer(post("/psks/baru").param("name", "x"), "dinsos-operator").getStatus())
                .as("no CSRF token, no change").isEqualTo(403);
    }
}
