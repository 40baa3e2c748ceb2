package org.kesra.console.registers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.console.testing.RenderTestSupport;
import org.kesra.console.testing.StandInGateway;
import org.kesra.console.testing.StandInGateway.Answer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The Dinas Sosial operator's register pages rendered from answers shaped like welfare-service's (the shared stand-in
 * gateway): PPKS cases per kelurahan and category a page at a time, a case registered with its categories, its
 * history with a service and a closing; a programme's enrolments, a family enrolled, its PKH components, an
 * enrolment ended with a reason. Refusals come back beside their fields with the form as typed; the reads of full
 * NIKs carry X-Purpose; who may read and who may keep the registers.
 */
class RegisterPagesRenderTest extends RenderTestSupport {

    static final String CASE = "71717171-7171-7171-7171-717171717171";
    static final String CLOSED_CASE = "72727272-7272-7272-7272-727272727272";
    static final String NEW_CASE = "73737373-7373-7373-7373-737373737373";
    static final String PKH = "81818181-8181-8181-8181-818181818181";
    static final String SEMBAKO = "82828282-8282-8282-8282-828282828282";
    static final String CASE_JSON = """
            {"id":"%s","nik":"1872054507700123","personId":null,"inRegistry":%s,"name":"MBAH SARINAH",
             "kelurahanCode":"18.72.05.1003","foundOn":"2026-11-30","foundAt":"Pasar Sumbersari","status":"%s",
             "categories":[{"abbrev":"LUT","name":"Lanjut Usia Telantar"},{"abbrev":"FM","name":"Fakir Miskin"}],
             "services":[{"id":"s1","servedOn":"2026-12-02","kind":"bantuan sembako","provider":"TKSK Metro Utara",
                          "note":"paket 10 kg","recordedBy":"dinsos.operator"}],
             "closedOn":%s,"closeReason":%s,"recordedBy":"dinsos.operator"}""";
    static final String ENROLMENT_JSON = """
            {"id":"%s","programme":"%s","nik":"1872050202801234","personId":"p1","householdId":"h1",
             "kelurahanCode":"18.72.05.1001","periodStart":"2026-01-01","periodEnd":%s,"status":"%s",
             "enrolledBy":"dinsos.operator","endReason":%s}""";

    static Answer created(String body) {
        return new Answer(201, "application/json", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    static final StandInGateway gateway = StandInGateway.start()
            .route("GET /api/v1/wilayah", Answer.json("""
                    [{"code":"18.72.05","name":"Metro Utara","level":"KECAMATAN"},
                     {"code":"18.72.05.1001","name":"Rejomulyo","level":"KELURAHAN"},
                     {"code":"18.72.05.1003","name":"Sumbersari Bantul","level":"KELURAHAN"}]"""))
            .route("GET /api/v1/ppks/categories", Answer.json("""
                    [{"abbrev":"AJ","name":"Anak Jalanan"},{"abbrev":"LUT","name":"Lanjut Usia Telantar"},
                     {"abbrev":"FM","name":"Fakir Miskin"}]"""))
            .route("GET /api/v1/ppks", Answer.json("""
                    {"items":[%s],"page":1,"size":20,"totalItems":41,"totalPages":3}"""
                    .formatted(CASE_JSON.formatted(CASE, "false", "DITANGANI", "null", "null"))))
            .route("GET /api/v1/ppks/" + CASE, Answer.json(CASE_JSON.formatted(CASE, "false", "DITANGANI", "null",
                    "null")))
            .route("GET /api/v1/ppks/" + CLOSED_CASE, Answer.json(CASE_JSON.formatted(CLOSED_CASE, "true", "DITUTUP",
                    "\"2026-12-05\"", "\"kembali ke keluarga (dinsos.operator)\"")))
            .routeByBody("POST /api/v1/ppks", (query, body) -> body.contains("\"XX\"") ? Answer.problem(422, """
                    {"status":422,"code":"WF-PPKS-TIDAK-VALID","title":"Isian PPKS tidak valid",
                     "detail":"Data PPKS tidak dapat disimpan; periksa isian yang disebutkan.",
                     "errors":[{"pointer":"/nik","detail":"NIK wajib 16 digit angka."},
                               {"pointer":"/categories/1","detail":"Kategori XX tidak termasuk 26 kategori PPKS (Permensos 8/2012)."}]}""")
                    : created(CASE_JSON.formatted(NEW_CASE, "true", "TERDATA", "null", "null")))
            .route("POST /api/v1/ppks/" + CASE + "/services",
                    Answer.json(CASE_JSON.formatted(CASE, "false", "DITANGANI", "null", "null")))
            .routeByBody("POST /api/v1/ppks/" + CASE + "/closing", (query, body) -> body.contains("\"reason\":\"\"")
                    ? Answer.problem(422, """
                    {"status":422,"code":"WF-PENUTUPAN-TIDAK-VALID","detail":"Kasus tidak dapat ditutup; periksa isian yang disebutkan.",
                     "errors":[{"pointer":"/reason","detail":"Alasan penutupan wajib diisi."}]}""")
                    : Answer.json(CASE_JSON.formatted(CASE, "false", "DITUTUP", "\"2026-12-06\"", "\"x\"")))
            .route("GET /api/v1/programmes", Answer.json("""
                    [{"code":"PKH","name":"Program Keluarga Harapan","unit":"KELUARGA"},
                     {"code":"SEMBAKO","name":"Program Sembako (BPNT)","unit":"KELUARGA"}]"""))
            .route("GET /api/v1/enrolments", Answer.json("""
                    {"items":[%s],"page":0,"size":20,"totalItems":1234,"totalPages":62}"""
                    .formatted(ENROLMENT_JSON.formatted(SEMBAKO, "SEMBAKO", "null", "AKTIF", "null"))))
            .route("GET /api/v1/enrolments/" + PKH, Answer.json(ENROLMENT_JSON.formatted(PKH, "PKH", "null", "AKTIF",
                    "null")))
            .route("GET /api/v1/enrolments/" + PKH + "/pkh-components", Answer.json("""
                    {"enrolmentId":"%s","householdId":"h1","date":"2026-12-06","counted":2,"familyCap":4,
                     "rupiahPerTahap":975000,"rupiahPerYear":3900000,
                     "components":[{"component":"SD","personId":"c1","name":"GALIH PRATAMA","age":12,
                                    "rupiahPerTahap":225000,"rupiahPerYear":900000,"counted":true,"note":null},
                                   {"component":"LANJUT_USIA","personId":"c2","name":"MBAH KARTO","age":72,
                                    "rupiahPerTahap":750000,"rupiahPerYear":3000000,"counted":true,"note":null}]}"""
                    .formatted(PKH)))
            .route("GET /api/v1/enrolments/" + SEMBAKO, Answer.json(ENROLMENT_JSON.formatted(SEMBAKO, "SEMBAKO",
                    "\"2026-06-30\"", "BERAKHIR", "\"graduasi mandiri (dinsos.operator)\"")))
            .routeByBody("POST /api/v1/enrolments", (query, body) -> body.contains("1872050202801234")
                    ? Answer.problem(409, """
                    {"status":409,"code":"WF-SUDAH-TERDAFTAR","title":"Sudah terdaftar pada periode ini",
                     "detail":"Keluarga ini (KK 1872050202000001) sudah terdaftar di program PKH pada periode yang beririsan dengan 2026-01-01 dan seterusnya."}""")
                    : created(ENROLMENT_JSON.formatted(PKH, "PKH", "null", "AKTIF", "null")))
            .routeByBody("POST /api/v1/enrolments/" + PKH + "/ending", (query, body) -> body.contains("\"reason\":\"\"")
                    ? Answer.problem(422, """
                    {"status":422,"code":"WF-KEPESERTAAN-TIDAK-VALID","detail":"Kepesertaan tidak dapat diakhiri; periksa isian yang disebutkan.",
                     "errors":[{"pointer":"/reason","detail":"Alasan berakhirnya kepesertaan wajib diisi."}]}""")
                    : Answer.json(ENROLMENT_JSON.formatted(PKH, "PKH", "\"2026-12-06\"", "BERAKHIR", "\"x\"")));

    RequestPostProcessor as(String role) {
        return login(role, "uji." + role, Map.of("wilayah", "18.72"));
    }

    MockHttpServletResponse answer(MockHttpServletRequestBuilder request, String role) throws Exception {
        return mvc.perform(request.with(as(role))).andReturn().getResponse();
    }

    String page(String path, String role) throws Exception {
        return page(path, as(role));
    }

    String operatorPage(String path) throws Exception {
        return page(path, "dinsos-operator");
    }

    @Test
    void theRegisterListsCasesOfAKelurahanAndCategoryAPageAtATimeWithThePurposeSent() throws Exception {
        String html = operatorPage("/ppks?kelurahan=18.72.05.1003&kategori=LUT&status=DITANGANI&halaman=2");
        assertThat(html).contains("Register PPKS", "MBAH SARINAH", "1872054507700123", "Sumbersari Bantul",
                "30 November 2026", "Ditangani", "<abbr title=\"Lanjut Usia Telantar\">LUT</abbr>",
                "Halaman 2 dari 3", "Kasus: <strong id=\"jumlah-kasus\">41</strong>", "Catat kasus PPKS baru",
                "/ppks/" + CASE, "halaman=3", "halaman=1");
        assertThat(html).as("the filters as chosen")
                .contains("<option value=\"LUT\" selected=\"selected\">LUT – Lanjut Usia Telantar</option>");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith(
                "GET /api/v1/ppks?page=1&size=20&kelurahan=18.72.05.1003&status=DITANGANI&kategori=LUT auth=Bearer ")
                && c.contains("purpose=Pengelolaan register PPKS"));

        operatorPage("/ppks?kategori=BUKAN&kelurahan=99.99");
        assertThat(gateway.lines()).as("a code the pages do not know is not sent on")
                .anyMatch(c -> c.startsWith("GET /api/v1/ppks?page=0&size=20 auth="))
                .noneMatch(c -> c.contains("BUKAN") || c.contains("99.99"));
    }

    @Test
    void aCaseIsRegisteredWithItsCategoriesAndARefusalComesBackBesideItsFieldsAsTyped() throws Exception {
        String form = operatorPage("/ppks/baru");
        assertThat(form).contains("Catat kasus PPKS", "AJ – Anak Jalanan", "LUT – Lanjut Usia Telantar",
                "Sumbersari Bantul (18.72.05.1003)", "name=\"_csrf\"");

        MockHttpServletResponse refused = answer(post("/ppks/baru").with(csrf()).param("nik", "18720545")
                .param("name", "Mbah Sarinah").param("kelurahanCode", "18.72.05.1003").param("foundOn", "2026-12-01")
                .param("foundAt", "Pasar Sumbersari").param("categories", "LUT", "XX"), "dinsos-operator");
        String html = html(refused);
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(html).contains("Data PPKS tidak dapat disimpan",
                "id=\"nik-error\" class=\"field-error\">NIK wajib 16 digit angka.",
                "id=\"categories-error\" class=\"field-error\">Kategori XX tidak termasuk 26 kategori PPKS",
                "aria-describedby=\"nik-error\"", "value=\"18720545\"", "value=\"Mbah Sarinah\"",
                "value=\"Pasar Sumbersari\"", "value=\"2026-12-01\"");
        assertThat(html).as("the categories as chosen").containsPattern("value=\"LUT\"\\s+checked=\"checked\"")
                .doesNotContainPattern("value=\"AJ\"\\s+checked");

        MockHttpServletResponse registered = answer(post("/ppks/baru").with(csrf()).param("nik", "1872054507700123")
                .param("name", "Mbah Sarinah").param("kelurahanCode", "18.72.05.1003").param("foundOn", "2026-12-01")
                .param("foundAt", "Pasar Sumbersari").param("categories", "LUT", "FM"), "dinsos-operator");
        assertThat(registered.getRedirectedUrl()).isEqualTo("/ppks/" + NEW_CASE);
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/ppks auth=Bearer ") && c.contains(
                "body={\"nik\":\"1872054507700123\",\"name\":\"Mbah Sarinah\",\"kelurahanCode\":\"18.72.05.1003\","
                        + "\"foundOn\":\"2026-12-01\",\"foundAt\":\"Pasar Sumbersari\",\"categories\":[\"LUT\",\"FM\"]}"));
    }

    @Test
    void aDateThatCannotBeReadIsToldBesideItsFieldBeforeAnythingIsSent() throws Exception {
        int before = gateway.lines().size();
        String html = html(answer(post("/ppks/baru").with(csrf()).param("nik", "1872054507700999")
                .param("name", "Tanpa Tanggal").param("foundOn", "31-12-2026").param("categories", "AJ"),
                "dinsos-operator"));
        assertThat(html).contains("id=\"foundOn-error\" class=\"field-error\">Tanggal tidak dikenali",
                "value=\"31-12-2026\"", "value=\"Tanpa Tanggal\"");
        assertThat(gateway.lines().stream().skip(before)).noneMatch(c -> c.startsWith("POST"));
    }

    @Test
    void aCaseShowsItsHistoryAndTakesAServiceAndAClosingWithItsReason() throws Exception {
        String html = operatorPage("/ppks/" + CASE);
        assertThat(html).contains("Kasus PPKS: <span>MBAH SARINAH</span>", "Ditangani",
                "Tidak (penduduk luar registri)", "LUT – Lanjut Usia Telantar", "30 November 2026",
                "Pasar Sumbersari", "2 Desember 2026", "bantuan sembako", "TKSK Metro Utara", "paket 10 kg",
                "Catat pelayanan", "Tutup kasus");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("GET /api/v1/ppks/" + CASE + " auth=Bearer ")
                && c.contains("purpose="));

        MockHttpServletResponse served = answer(post("/ppks/" + CASE + "/pelayanan").with(csrf())
                .param("servedOn", "2026-12-03").param("kind", "rujukan panti").param("provider", "Panti Werdha")
                .param("note", ""), "dinsos-operator");
        assertThat(served.getRedirectedUrl()).isEqualTo("/ppks/" + CASE);
        assertThat(gateway.lines()).anyMatch(c -> c.contains("POST /api/v1/ppks/" + CASE + "/services") && c.contains(
                "body={\"servedOn\":\"2026-12-03\",\"kind\":\"rujukan panti\",\"provider\":\"Panti Werdha\",\"note\":null}"));

        String refused = html(answer(post("/ppks/" + CASE + "/penutupan").with(csrf()).param("closedOn", "2026-12-06")
                .param("reason", " "), "dinsos-operator"));
        assertThat(refused).contains("Kasus tidak dapat ditutup",
                "id=\"reason-error\" class=\"field-error\">Alasan penutupan wajib diisi.", "value=\"2026-12-06\"");

        org.springframework.test.web.servlet.MvcResult closed = mvc.perform(post("/ppks/" + CASE + "/penutupan")
                .with(csrf()).param("closedOn", "2026-12-06").param("reason", "kembali ke keluarga")
                .with(as("dinsos-operator"))).andReturn();
        assertThat(closed.getResponse().getRedirectedUrl()).isEqualTo("/ppks/" + CASE);
        assertThat(closed.getFlashMap().get("notice")).isEqualTo("Kasus ditutup. Alasan: kembali ke keluarga");

        String closedCase = operatorPage("/ppks/" + CLOSED_CASE);
        assertThat(closedCase).contains("Ditutup", "5 Desember 2026", "kembali ke keluarga (dinsos.operator)", "Ya")
                .doesNotContain("Catat pelayanan", "action=\"/ppks/" + CLOSED_CASE + "/penutupan\"");
    }

    @Test
    void aProgrammesEnrolmentsAreListedAPageAtATimeAndAFamilyIsEnrolled() throws Exception {
        String html = operatorPage("/kepesertaan?program=SEMBAKO&kelurahan=18.72.05.1001&halaman=2");
        assertThat(html).contains("Kepesertaan <span>SEMBAKO – Program Sembako (BPNT)</span>", "1872050202801234",
                "Rejomulyo", "1 Januari 2026 – seterusnya", "Aktif", "1.234", "Halaman 2 dari 62", "Daftarkan KPM",
                "/kepesertaan/" + SEMBAKO);
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith(
                "GET /api/v1/enrolments?programme=SEMBAKO&page=1&size=20&kelurahan=18.72.05.1001 auth=Bearer ")
                && c.contains("purpose="));
        assertThat(operatorPage("/kepesertaan")).as("PKH unless another programme is chosen")
                .contains("Kepesertaan <span>PKH – Program Keluarga Harapan</span>");

        String refused = html(answer(post("/kepesertaan/baru").with(csrf()).param("programme", "PKH")
                .param("nik", "1872050202801234").param("periodStart", "2026-01-01").param("periodEnd", ""),
                "dinsos-operator"));
        assertThat(refused).as("a refusal without a field is told above the form, the form as typed")
                .contains("Keluarga ini (KK 1872050202000001) sudah terdaftar di program PKH",
                        "value=\"1872050202801234\"", "value=\"2026-01-01\"",
                        "<option value=\"PKH\" selected=\"selected\">");
        MockHttpServletResponse enrolled = answer(post("/kepesertaan/baru").with(csrf()).param("programme", "PKH")
                .param("nik", "1872050202809999").param("periodStart", "2026-01-01").param("periodEnd", ""),
                "dinsos-operator");
        assertThat(enrolled.getRedirectedUrl()).isEqualTo("/kepesertaan/" + PKH);
        assertThat(gateway.lines()).anyMatch(c -> c.contains("POST /api/v1/enrolments auth=") && c.contains(
                "body={\"programme\":\"PKH\",\"nik\":\"1872050202809999\",\"periodStart\":\"2026-01-01\",\"periodEnd\":null}"));
    }

    @Test
    void aPkhFamilyShowsItsComponentsAndIsEndedWithAReason() throws Exception {
        String html = operatorPage("/kepesertaan/" + PKH);
        assertThat(html).contains("Kepesertaan <span>PKH</span>", "Komponen PKH per 6 Desember 2026",
                "Anak sekolah SD", "GALIH PRATAMA", "12 tahun", "Rp 225.000", "Lanjut usia", "Rp 3.000.000",
                "Rp 975.000", "Rp 3.900.000", "Akhiri kepesertaan");

        String refused = html(answer(post("/kepesertaan/" + PKH + "/pengakhiran").with(csrf())
                .param("endedOn", "2026-12-06").param("reason", ""), "dinsos-operator"));
        assertThat(refused).contains("Kepesertaan tidak dapat diakhiri",
                "id=\"reason-error\" class=\"field-error\">Alasan berakhirnya kepesertaan wajib diisi.",
                "value=\"2026-12-06\"");
        MockHttpServletResponse ended = answer(post("/kepesertaan/" + PKH + "/pengakhiran").with(csrf())
                .param("endedOn", "2026-12-06").param("reason", "graduasi mandiri"), "dinsos-operator");
        assertThat(ended.getRedirectedUrl()).isEqualTo("/kepesertaan/" + PKH);
        assertThat(gateway.lines()).anyMatch(c -> c.contains("POST /api/v1/enrolments/" + PKH + "/ending")
                && c.contains("body={\"endedOn\":\"2026-12-06\",\"reason\":\"graduasi mandiri\"}"));

        String endedPage = operatorPage("/kepesertaan/" + SEMBAKO);
        assertThat(endedPage).contains("Berakhir", "1 Januari 2026 – 30 Juni 2026",
                "graduasi mandiri (dinsos.operator)").doesNotContain("Akhiri kepesertaan", "Komponen PKH");
    }

    @Test
    void readersReadWithoutTheFormsAndOnlyDinasSosialKeepersChange() throws Exception {
        String auditorList = page("/ppks", "auditor");
        assertThat(auditorList).contains("Register PPKS", "Kepesertaan program").doesNotContain("Catat kasus PPKS baru");
        assertThat(page("/ppks/" + CASE, "auditor")).doesNotContain("Catat pelayanan", "Tutup kasus");
        assertThat(page("/kepesertaan/" + PKH, "planner")).contains("Komponen PKH").doesNotContain("Akhiri kepesertaan");
        int before = gateway.lines().size();
        assertThat(answer(get("/ppks/baru"), "auditor").getStatus()).isEqualTo(403);
        assertThat(answer(post("/ppks/" + CASE + "/penutupan").with(csrf()).param("closedOn", "2026-12-06")
                .param("reason", "x"), "dinsos-verifier").getStatus()).isEqualTo(403);
        assertThat(answer(post("/kepesertaan/baru").with(csrf()).param("programme", "PKH"), "planner").getStatus())
                .isEqualTo(403);
        assertThat(gateway.lines().stream().skip(before)).as("a refused page asks no API").isEmpty();

        assertThat(answer(get("/ppks"), "kelurahan-operator").getStatus()).isEqualTo(403);
        assertThat(page("/", "kelurahan-operator")).doesNotContain("Register PPKS", "Kepesertaan program");
        assertThat(page("/", "dinsos-operator")).contains("href=\"/ppks\"", "href=\"/kepesertaan\"");
        assertThat(answer(post("/ppks/baru").param("nik", "1"), "dinsos-operator").getStatus())
                .as("no CSRF token, no change").isEqualTo(403);
    }
}
