package org.kesra.console.registers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.console.testing.RenderTestSupport;
import org.kesra.console.testing.StandInGateway;
import org.kesra.console.testing.StandInGateway.Answer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The Dinas Sosial admin's pages for what needed the API until now, rendered from answers shaped like
 * welfare-service's: the programme catalogue (list, one programme with its amounts, rules, exclusions and expansion
 * rounds, a programme added, an amount and an exclusion version added), the publication of the kelurahan indicators
 * and the decile eligibility of a NIK. Each with its happy path, a refusal beside its field with the form as typed,
 * and who is offered it.
 */
class CataloguePagesRenderTest extends RenderTestSupport {

    static final String NIK = "1872050202801234";
    static final String UNKNOWN_NIK = "1872050202800000";

    static Answer created(String body) {
        return new Answer(201, "application/json", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    static final StandInGateway gateway = StandInGateway.start()
            .route("GET /api/v1/wilayah", Answer.json("""
                    [{"code":"18.72.05","name":"Metro Utara","level":"KECAMATAN"},
                     {"code":"18.72.05.1001","name":"Rejomulyo","level":"KELURAHAN"}]"""))
            .route("GET /api/v1/programmes", Answer.json("""
                    [{"code":"PKH","name":"Program Keluarga Harapan","unit":"KELUARGA","source":"Permensos 1/2018"},
                     {"code":"SEMBAKO","name":"Program Sembako (BPNT)","unit":"KELUARGA","source":"Permensos 5/2021"}]"""))
            .route("GET /api/v1/programmes/PKH", query -> Answer.json("""
                    {"code":"PKH","name":"Program Keluarga Harapan","unit":"KELUARGA","date":"%s",
                     "amounts":[{"component":"IBU_HAMIL","funding":"APBN","per":"TAHAP","validFrom":"2023-01-01",
                                 "rupiah":750000,"source":"Kepdirjen 2023","recordedBy":"sistem"}],
                     "parameters":[{"name":"DESIL_MAKS","validFrom":"2025-01-01","value":4,"source":"Permensos 3/2025",
                                    "recordedBy":"sistem"}],
                     "excludedProgrammes":["SEMBAKO"]}""".formatted(query != null && query.contains("berlakuPada=2022-06-01")
                    ? "2022-06-01" : "2026-12-07")))
            .route("GET /api/v1/programmes/PKH/amounts", Answer.json("""
                    [{"component":"IBU_HAMIL","funding":"APBN","per":"TAHAP","validFrom":"2021-01-01","rupiah":750000,
                      "source":"Kepdirjen 2021","recordedBy":"sistem"},
                     {"component":"IBU_HAMIL","funding":"APBN","per":"TAHAP","validFrom":"2023-01-01","rupiah":750000,
                      "source":"Kepdirjen 2023","recordedBy":"dinsos.admin"}]"""))
            .route("GET /api/v1/programmes/PKH/exclusions", Answer.json("""
                    [{"programme":"PKH","excludedProgramme":"SEMBAKO","validFrom":"2024-01-01","excluded":true,
                      "source":"Surat Dirjen 2024","recordedBy":"dinsos.admin"}]"""))
            .route("GET /api/v1/programmes/PKH/expansions", Answer.json("""
                    {"programme":"PKH","rounds":[
                      {"id":"r1","year":2021,"label":"Perluasan I","kind":"PERLUASAN","candidates":1523,"eligible":1201,
                       "notEligible":322,"note":null},
                      {"id":"r2","year":2021,"label":"Validasi","kind":"VALIDASI","candidates":null,"eligible":87,
                       "notEligible":null,"note":"hasil pemadanan"}],
                     "years":[{"year":2021,"candidates":1523,"eligible":1288,"notEligible":322,"rounds":2}]}"""))
            .routeByBody("POST /api/v1/programmes", (query, body) -> body.contains("\"unit\":null")
                    ? Answer.problem(422, """
                    {"status":422,"code":"WF-KATALOG-TIDAK-VALID",
                     "detail":"Program tidak dapat dicatat; periksa isian yang disebutkan.",
                     "errors":[{"pointer":"/unit","detail":"Satuan penerima harus salah satu dari [KELUARGA, KELOMPOK, ORANG]."}]}""")
                    : created("""
                    {"code":"BST","name":"Bantuan Sosial Tunai","unit":"KELUARGA","source":"Permensos 2027"}"""))
            .routeByBody("POST /api/v1/programmes/PKH/amounts", (query, body) -> body.contains("\"validFrom\":\"2023-01-01\"")
                    ? Answer.problem(409, """
                    {"status":409,"code":"WF-VERSI-SUDAH-ADA",
                     "detail":"Sudah ada nilai IBU_HAMIL (APBN, per TAHAP) yang berlaku mulai 2023-01-01. Nilai lama tidak ditimpa: catat versi baru dengan tanggal mulai lain."}""")
                    : created("""
                    {"component":"IBU_HAMIL","funding":"APBN","per":"TAHAP","validFrom":"2027-01-01","rupiah":800000,
                     "source":"Kepdirjen 2027","recordedBy":"uji.dinsos-admin"}"""))
            .routeByBody("POST /api/v1/programmes/PKH/exclusions", (query, body) -> body.contains("\"source\":null")
                    ? Answer.problem(422, """
                    {"status":422,"code":"WF-KATALOG-TIDAK-VALID",
                     "detail":"Aturan pengecualian tidak dapat disimpan; periksa isian yang disebutkan.",
                     "errors":[{"pointer":"/source","detail":"Dasar aturan wajib diisi (mis. nomor peraturan atau surat), agar aturan ini dapat ditelusuri."}]}""")
                    : created("""
                    {"programme":"PKH","excludedProgramme":"SEMBAKO","validFrom":"2027-01-01","excluded":false,
                     "source":"Surat Dirjen 2027","recordedBy":"uji.dinsos-admin"}"""))
            .routeByBody("POST /api/v1/indicators/publication", (query, body) -> body.contains("2099")
                    ? Answer.problem(422, """
                    {"status":422,"code":"WF-PERIODE-TIDAK-VALID",
                     "detail":"Angka indikator tidak dapat diterbitkan; periksa periodenya.",
                     "errors":[{"pointer":"/periodTo","detail":"Periode belum berakhir; angka dapat diterbitkan setelahnya."}]}""")
                    : created("""
                    {"periodFrom":"2026-07-01","periodTo":"2026-09-30","events":1,"figures":[
                      {"kelurahanCode":"18.72.05.1001","periodFrom":"2026-07-01","periodTo":"2026-09-30",
                       "ppksTerdata":12,"ppksDitangani":9,"ppksCategories":[],
                       "programmes":[{"programme":"PKH","kpm":120,"realisedRupiah":90000000},
                                     {"programme":"SEMBAKO","kpm":310,"realisedRupiah":null}],
                       "publishedAt":"2026-12-07T03:00:00Z"}]}"""))
            .routeByBody("POST /api/v1/eligibility/checks", (query, body) -> body.contains(UNKNOWN_NIK)
                    ? Answer.problem(404, """
                    {"status":404,"code":"WF-NIK-TIDAK-TERDAFTAR","detail":"NIK ini tidak ada dalam registri rumah tangga."}""")
                    : Answer.json("""
                    {"nik":"%s","date":"2026-12-07","period":"2026-Q4","decile":3,"programmes":[
                      {"programme":"PKH","maxDecile":4,"eligible":true,"reason":"Desil 3 termasuk desil 1-4 (daftar 2026-Q4)."},
                      {"programme":"SEMBAKO","maxDecile":2,"eligible":false,"reason":"Desil 3 di luar desil 1-2 (daftar 2026-Q4)."}]}"""
                    .formatted(NIK)));

    RequestPostProcessor as(String role) {
        return login(role, "uji." + role, Map.of("wilayah", "18.72"));
    }

    MockHttpServletResponse answer(AbstractMockHttpServletRequestBuilder<?> request, String role) throws Exception {
        return mvc.perform(request.with(as(role))).andReturn().getResponse();
    }

    String page(String path, String role) throws Exception {
        return page(path, as(role));
    }

    /** The page as the browser would get it, for a screenshot by hand (scripts stripped, the stylesheet by file). */
    static void keep(String name, String html) throws Exception {
        Path css = Path.of("src/main/resources/static/css/console.css").toAbsolutePath();
        Path out = Path.of("target", name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, html.replaceAll("(?s)<script.*?</script>", "")
                .replaceAll("href=\"/css/console[^\"]*\\.css\"", "href=\"" + css.toUri() + "\""));
    }

    @Test
    void theCatalogueListsItsProgrammesAndAnAdminAddsOne() throws Exception {
        String list = page("/katalog-program", "dinsos-admin");
        assertThat(list).contains("Katalog program", "href=\"/katalog-program/PKH\"", "Program Keluarga Harapan",
                "Program Sembako (BPNT)", "Permensos 1/2018", "<td data-label=\"Penerima\">Keluarga</td>",
                "Catat program baru");

        String form = page("/katalog-program/baru", "dinsos-admin");
        assertThat(form).contains("<label for=\"code\">Kode program</label>",
                "<option value=\"KELOMPOK\">Kelompok</option>");
        String refused = html(answer(post("/katalog-program/baru").with(csrf()).param("code", "bst")
                .param("name", "Bantuan Sosial Tunai").param("unit", "").param("startedOn", "2027-01-01")
                .param("source", "Permensos 2027"), "dinsos-admin"));
        assertThat(refused).contains("Program tidak dapat dicatat",
                "id=\"unit-error\" class=\"field-error\">Satuan penerima harus salah satu dari",
                "value=\"bst\"", "value=\"Bantuan Sosial Tunai\"", "value=\"2027-01-01\"", "value=\"Permensos 2027\"");
        String badDate = html(answer(post("/katalog-program/baru").with(csrf()).param("code", "BST")
                .param("startedOn", "1 Januari 2027"), "dinsos-admin"));
        assertThat(badDate).contains("id=\"startedOn-error\" class=\"field-error\">Tanggal tidak dikenali");

        MvcResult added = mvc.perform(post("/katalog-program/baru").with(csrf()).param("code", "bst")
                .param("name", "Bantuan Sosial Tunai").param("unit", "KELUARGA").param("startedOn", "2027-01-01")
                .param("source", "Permensos 2027").with(as("dinsos-admin"))).andReturn();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/katalog-program/BST");
        assertThat(added.getFlashMap().get("notice")).isEqualTo(
                "Program BST – Bantuan Sosial Tunai tercatat dalam katalog. Catat nilai bantuannya di bawah.");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/programmes auth=Bearer ") && c.contains(
                "body={\"code\":\"BST\",\"name\":\"Bantuan Sosial Tunai\",\"unit\":\"KELUARGA\","
                        + "\"startedOn\":\"2027-01-01\",\"source\":\"Permensos 2027\"}"));
    }

    @Test
    void aProgrammeShowsWhatIsInForceItsVersionsAndTheExpansionRounds() throws Exception {
        String html = page("/katalog-program/PKH", "dinsos-admin");
        assertThat(html).contains("PKH</span> – <span>Program Keluarga Harapan", "Berlaku pada <span>7 Desember 2026",
                "<td data-label=\"Nilai\" class=\"num\">Rp 750.000</td>", "<td data-label=\"Satuan\">Per tahap</td>",
                "DESIL_MAKS", "1 Januari 2021",
                "Kepdirjen 2021", "Surat Dirjen 2024", "Dikecualikan",
                "Perluasan I", "<td data-label=\"Calon (CKPM)\" class=\"num\">1.523</td>", "hasil pemadanan",
                "Jumlah 2021", "<td data-label=\"Eligible\" class=\"num\">1.288</td>",
                "Catat versi baru nilai bantuan", "Catat versi baru aturan pengecualian",
                "action=\"/katalog-program/PKH/nilai\"", "action=\"/katalog-program/PKH/pengecualian\"")
                .containsPattern("tidak boleh menerima:\\s*<strong>SEMBAKO</strong>")
                .as("a programme does not exclude itself")
                .doesNotContain("<option value=\"PKH\">");
        keep("catalogue-programme.html", html);

        assertThat(page("/katalog-program/PKH?berlakuPada=2022-06-01", "planner")).contains("1 Juni 2022",
                "value=\"2022-06-01\"").doesNotContain("Catat versi baru nilai bantuan", "action=\"/katalog-program/PKH/");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("GET /api/v1/programmes/PKH?berlakuPada=2022-06-01 auth="));
        assertThat(page("/katalog-program/PKH?berlakuPada=kemarin", "auditor"))
                .contains("id=\"berlakuPada-error\" class=\"field-error\">Tanggal tidak dikenali");
        assertThat(answer(get("/katalog-program/pkh"), "dinsos-admin").getStatus())
                .as("a code welfare-service would never accept is not put into its path").isEqualTo(404);
    }

    @Test
    void anAdminAddsAnAmountAndAnExclusionVersionAndARefusalStaysInItsForm() throws Exception {
        String refused = html(answer(post("/katalog-program/PKH/nilai").with(csrf()).param("component", "ibu_hamil")
                .param("funding", "APBN").param("per", "TAHAP").param("rupiah", "Rp 750.000")
                .param("validFrom", "2023-01-01").param("source", "Kepdirjen 2023"), "dinsos-admin"));
        assertThat(refused).contains("Nilai lama tidak ditimpa", "value=\"ibu_hamil\"", "value=\"Rp 750.000\"",
                "value=\"2023-01-01\"", "<option value=\"TAHAP\" selected=\"selected\">Per tahap</option>")
                .as("the refused form is the one opened").containsPattern("<details class=\"row-action\" open=\"open\">\\s*"
                        + "<summary>Catat versi baru nilai bantuan");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/programmes/PKH/amounts auth=") && c.contains(
                "body={\"component\":\"IBU_HAMIL\",\"funding\":\"APBN\",\"per\":\"TAHAP\",\"validFrom\":\"2023-01-01\","
                        + "\"rupiah\":750000,\"source\":\"Kepdirjen 2023\"}"));
        String notANumber = html(answer(post("/katalog-program/PKH/nilai").with(csrf()).param("component", "X")
                .param("rupiah", "750,5"), "dinsos-admin"));
        assertThat(notANumber).contains("id=\"rupiah-error\" class=\"field-error\">Tulis bilangan bulat");

        MvcResult amount = mvc.perform(post("/katalog-program/PKH/nilai").with(csrf()).param("component", "IBU_HAMIL")
                .param("funding", "APBN").param("per", "TAHAP").param("rupiah", "800.000")
                .param("validFrom", "2027-01-01").param("source", "Kepdirjen 2027").with(as("dinsos-admin"))).andReturn();
        assertThat(amount.getResponse().getRedirectedUrl()).isEqualTo("/katalog-program/PKH");
        assertThat(amount.getFlashMap().get("notice")).isEqualTo(
                "Nilai IBU_HAMIL (APBN, per tahap) tercatat, berlaku mulai 1 Januari 2027. Versi sebelumnya tetap tersimpan.");

        String exclusionRefused = html(answer(post("/katalog-program/PKH/pengecualian").with(csrf())
                .param("excludedProgramme", "SEMBAKO").param("excluded", "CABUT").param("validFrom", "2027-01-01")
                .param("source", ""), "dinsos-admin"));
        assertThat(exclusionRefused).contains("Aturan pengecualian tidak dapat disimpan",
                "id=\"exclusion-source-error\" class=\"field-error\">Dasar aturan wajib diisi",
                "<option value=\"CABUT\" selected=\"selected\">Pengecualian dicabut</option>",
                "<option value=\"SEMBAKO\" selected=\"selected\">SEMBAKO – Program Sembako (BPNT)</option>");
        MvcResult lifted = mvc.perform(post("/katalog-program/PKH/pengecualian").with(csrf())
                .param("excludedProgramme", "SEMBAKO").param("excluded", "CABUT").param("validFrom", "2027-01-01")
                .param("source", "Surat Dirjen 2027").with(as("dinsos-admin"))).andReturn();
        assertThat(lifted.getFlashMap().get("notice"))
                .isEqualTo("Pengecualian penerima SEMBAKO dari PKH dicabut mulai 1 Januari 2027.");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/programmes/PKH/exclusions auth=")
                && c.contains("body={\"excludedProgramme\":\"SEMBAKO\",\"validFrom\":\"2027-01-01\",\"excluded\":false,"
                + "\"source\":\"Surat Dirjen 2027\"}"));
    }

    @Test
    void anAdminPublishesTheKelurahanIndicatorsAndSeesWhatWasPublished() throws Exception {
        assertThat(page("/indikator-kelurahan", "dinsos-admin")).contains("Terbitkan indikator kelurahan",
                "<label for=\"periodFrom\">Awal periode</label>");
        String refused = html(answer(post("/indikator-kelurahan").with(csrf()).param("periodFrom", "2099-01-01")
                .param("periodTo", "2099-03-31"), "dinsos-admin"));
        assertThat(refused).contains("Angka indikator tidak dapat diterbitkan",
                "id=\"periodTo-error\" class=\"field-error\">Periode belum berakhir", "value=\"2099-01-01\"")
                .doesNotContain("id=\"hasil-terbit\"");
        String published = html(answer(post("/indikator-kelurahan").with(csrf()).param("periodFrom", "2026-07-01")
                .param("periodTo", "2026-09-30"), "dinsos-admin"));
        assertThat(published).contains("id=\"hasil-terbit\"", "1 Juli 2026", "30 September 2026",
                "<strong id=\"jumlah-event\">1</strong> kelurahan diterbitkan", "Rejomulyo",
                "<td data-label=\"PPKS terdata\" class=\"num\">12</td>", "120 KPM", ", tersalur Rp 90.000.000",
                "310 KPM").doesNotContain("tersalur Rp 0");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/indicators/publication auth=Bearer ")
                && c.contains("body={\"periodFrom\":\"2026-07-01\",\"periodTo\":\"2026-09-30\"}"));
    }

    @Test
    void theEligibilityOfANikIsAskedByPostAndAnUnknownNikIsToldBesideIt() throws Exception {
        assertThat(page("/cek-kelayakan", "dinsos-verifier")).contains("Cek kelayakan menurut desil",
                "method=\"post\"", "<label for=\"nik\">NIK, 16 digit</label>");
        String html = html(answer(post("/cek-kelayakan").with(csrf()).param("nik", NIK).param("tanggal", ""),
                "dinsos-verifier"));
        assertThat(html).contains("id=\"hasil-kelayakan\"", NIK, "desil <strong>3</strong>", "2026-Q4",
                "<strong>Layak</strong>", "<strong>Tidak layak</strong>", "Desil 3 di luar desil 1-2");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/eligibility/checks auth=Bearer ")
                && c.contains("purpose=Pemeriksaan kelayakan program") && c.endsWith("body={\"nik\":\"" + NIK + "\"}"));
        assertThat(gateway.lines()).as("the NIK never in a URL").noneMatch(c -> c.split(" ")[1].contains(NIK));

        String unknown = html(answer(post("/cek-kelayakan").with(csrf()).param("nik", UNKNOWN_NIK), "dinsos-operator"));
        assertThat(unknown).contains("id=\"nik-error\" class=\"field-error\">NIK ini tidak ada dalam registri",
                "value=\"" + UNKNOWN_NIK + "\"").doesNotContain("id=\"hasil-kelayakan\"");
        int before = gateway.lines().size();
        String shortNik = html(answer(post("/cek-kelayakan").with(csrf()).param("nik", "18720502"), "dinsos-admin"));
        assertThat(shortNik).contains("id=\"nik-error\" class=\"field-error\">NIK harus 16 digit angka.");
        assertThat(gateway.lines().stream().skip(before)).as("a NIK of the wrong shape is not asked").isEmpty();
    }

    @Test
    void eachPageIsOfferedOnlyToTheRolesTheApiAccepts() throws Exception {
        assertThat(page("/", "dinsos-admin")).contains("href=\"/katalog-program\"", "href=\"/indikator-kelurahan\"",
                "href=\"/cek-kelayakan\"");
        assertThat(page("/", "dinsos-operator")).contains("href=\"/katalog-program\"", "href=\"/cek-kelayakan\"")
                .doesNotContain("href=\"/indikator-kelurahan\"");
        assertThat(page("/", "planner")).contains("href=\"/katalog-program\"")
                .doesNotContain("href=\"/indikator-kelurahan\"", "href=\"/cek-kelayakan\"");
        assertThat(page("/", "kelurahan-operator")).doesNotContain("href=\"/katalog-program\"",
                "href=\"/indikator-kelurahan\"", "href=\"/cek-kelayakan\"");
        assertThat(page("/katalog-program", "auditor")).contains("Program Keluarga Harapan")
                .doesNotContain("Catat program baru");

        int before = gateway.lines().size();
        assertThat(answer(get("/katalog-program"), "kelurahan-operator").getStatus()).isEqualTo(403);
        assertThat(answer(get("/katalog-program/baru"), "dinsos-operator").getStatus()).isEqualTo(403);
        assertThat(answer(post("/katalog-program/PKH/nilai").with(csrf()).param("component", "X"), "dinsos-operator")
                .getStatus()).isEqualTo(403);
        assertThat(answer(post("/katalog-program/PKH/pengecualian").with(csrf()).param("source", "x"), "planner")
                .getStatus()).isEqualTo(403);
        assertThat(answer(get("/indikator-kelurahan"), "dinsos-operator").getStatus()).isEqualTo(403);
        assertThat(answer(post("/indikator-kelurahan").with(csrf()).param("periodFrom", "2026-07-01"), "dinsos-verifier")
                .getStatus()).isEqualTo(403);
        assertThat(answer(get("/cek-kelayakan"), "auditor").getStatus()).isEqualTo(403);
        assertThat(answer(post("/cek-kelayakan").with(csrf()).param("nik", NIK), "planner").getStatus()).isEqualTo(403);
        assertThat(gateway.lines().stream().skip(before)).as("a refused page asks no API").isEmpty();
        assertThat(answer(post("/cek-kelayakan").param("nik", NIK), "dinsos-admin").getStatus())
                .as("no CSRF token, no question").isEqualTo(403);
    }
}
