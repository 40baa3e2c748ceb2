package org.kesra.console.household.web;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every household page rendered from answers shaped like household-service's (a stand-in gateway serves them), with
 * the user's token on each call and X-Purpose on the reads of personal data; a refusal's messages beside their fields.
 */
class HouseholdPagesRenderTest extends RenderTestSupport {

    static final String HOUSEHOLD = "11111111-1111-1111-1111-111111111111";
    static final String PERSON = "22222222-2222-2222-2222-222222222222";
    static final String IMPORT = "33333333-3333-3333-3333-333333333333";
    static final String CHILD = "88888888-8888-8888-8888-888888888888";
    static final String WILAYAH = "/api/v1/wilayah/18.72.05.1001";
    static final String IMPORTS = "/api/v1/household-imports";
    static final StandInGateway gateway = StandInGateway.start()
            .route("POST /api/v1/households", Answer.problem(400, """
                    {"type":"urn:kesra:problem:HH-DATA-TIDAK-SAH","title":"Data tidak sah","status":400,
                     "detail":"Periksa isian yang ditandai.","code":"HH-DATA-TIDAK-SAH",
                     "errors":[{"pointer":"/members/0/nik","detail":"NIK harus 16 digit angka"}]}"""))
            .on(c -> c.method().equals("PATCH"), c -> Answer.problem(400, """
                    {"title":"Data tidak sah","status":400,"code":"HH-DATA-TIDAK-SAH",
                     "errors":[{"pointer":"/reason","detail":"alasan wajib diisi, paling panjang 500 karakter"}]}"""))
            .route("POST /api/v1/households/" + HOUSEHOLD + "/members", Answer.problem(400, """
                    {"title":"Data tidak sah","status":400,"code":"HH-DATA-TIDAK-SAH",
                     "errors":[{"pointer":"/nik","detail":"NIK sudah terdaftar di KK lain"}]}"""))
            .on(c -> c.method().equals("POST") && c.path().endsWith("/members/" + PERSON + "/move"),
                    c -> Answer.json("{\"id\":\"" + HOUSEHOLD + "\",\"members\":[]}"))
            .routeByBody("POST /api/v1/households/search", (query, body) -> Answer.json(
                    body.contains("\"kk\":\"1872050101000002\"")
                            ? "{\"items\":[{\"id\":\"55555555-5555-5555-5555-555555555555\",\"kkNumber\":\"1872050101000002\"}]}"
                            : "{\"items\":[]}"))
            .route("POST /api/v1/households/" + HOUSEHOLD + "/relocation", Answer.problem(400, """
                    {"title":"Data tidak sah","status":400,"code":"HH-DATA-TIDAK-SAH",
                     "errors":[{"pointer":"/newKkNumber","detail":"pindah ke kelurahan lain membawa nomor KK baru: isi newKkNumber"}]}"""))
            .route("POST /api/v1/households/" + HOUSEHOLD + "/head", Answer.problem(400, """
                    {"title":"Data tidak sah","status":400,"code":"HH-DATA-TIDAK-SAH",
                     "errors":[{"pointer":"/formerHeadRelationship","detail":"hubungan baru kepala keluarga lama wajib diisi"}]}"""))
            .on(c -> c.method().equals("POST") && c.path().endsWith("/members/" + PERSON + "/removal"),
                    c -> Answer.problem(422, """
                        {"title":"Kepala keluarga tidak dapat keluar","status":422,"code":"HH-KEPALA-KELUARGA-TETAP",
                         "detail":"Tetapkan kepala keluarga baru lebih dulu (ganti kepala keluarga), lalu ulangi."}"""))
            .on(c -> c.method().equals("POST") && c.path().endsWith("/members/" + CHILD + "/removal"),
                    c -> Answer.json("{\"id\":\"" + HOUSEHOLD + "\",\"members\":[]}"))
            .route("POST " + WILAYAH + "/rw", Answer.problem(409, """
                    {"title":"RW sudah ada","status":409,"code":"HH-RW-SUDAH-ADA",
                     "detail":"RW 003 sudah terdaftar di kelurahan 18.72.05.1001."}"""))
            .on(c -> c.path().equals(WILAYAH + "/rw"),
                    c -> Answer.json("[{\"rw\":\"003\",\"rt\":[\"007\",\"008\"]},{\"rw\":\"004\",\"rt\":[]}]"))
            .route("POST " + WILAYAH + "/dasawisma", Answer.problem(400, """
                    {"title":"Data tidak sah","status":400,"code":"HH-DATA-TIDAK-SAH",
                     "errors":[{"pointer":"/rt","detail":"RT 009 belum terdaftar pada RW 003; daftarkan lebih dulu"}]}"""))
            .on(c -> c.path().equals(WILAYAH + "/dasawisma"), c -> Answer.json(
                    "[{\"id\":\"77777777-7777-7777-7777-777777777777\",\"rw\":\"003\",\"rt\":\"007\",\"name\":\"Mawar 1\"}]"))
            .on(c -> c.path().equals("/api/v1/wilayah"), c -> Answer.json("""
                    [{"code":"18.72.05","name":"Metro Utara","level":"kecamatan","parentCode":"18.72"},
                     {"code":"18.72.05.1001","name":"Rejomulyo","level":"kelurahan","parentCode":"18.72.05"}]"""))
            .on(c -> c.path().equals("/api/v1/wilayah/code-lists"), c -> Answer.json("""
                    {"house_ownership":{"MILIK_SENDIRI":"Milik sendiri"},"income_band":{"ANTARA_1_2_JUTA":"Rp1-2 juta"},
                     "marital_status":{"KAWIN":"Kawin"},"education":{"SLTA":"SLTA/sederajat"},
                     "asset":{"SEPEDA_MOTOR":"Sepeda motor","KULKAS":"Lemari es"},"floor_material":{"KERAMIK":"Keramik"}}"""))
            .on(c -> c.path().equals("/api/v1/households/" + HOUSEHOLD), c -> Answer.json("""
                    {"id":"%s","kkNumber":"1872050101000001","kelurahanCode":"18.72.05.1001","rw":"3","rt":"7",
                     "address":"Jl. Kenanga No. 12","status":"AKTIF","version":3,"members":[
                     {"id":"%s","nik":"1872051205800001","name":"SUPARMAN","birthPlace":"METRO","birthDate":"1980-05-12",
                      "birthYear":1980,"sex":"L","relationship":"KEPALA_KELUARGA","lifeStatus":"HIDUP","version":1},
                     {"id":"44444444-4444-4444-4444-444444444444","nik":"1872054403850001","name":"SULASTRI",
                      "birthYear":1985,"sex":"P","relationship":"ISTRI","lifeStatus":"MENINGGAL",
                      "lifeStatusDate":"2026-12-04","version":4},
                     {"id":"88888888-8888-8888-8888-888888888888","nik":"1872051003160001","name":"DIMAS",
                      "birthYear":2016,"sex":"L","relationship":"ANAK","lifeStatus":"HIDUP","version":1}],
                     "houseOwnership":"MILIK_SENDIRI","assets":["KULKAS"]}""".formatted(HOUSEHOLD, PERSON))
                    .withEtag("\"3\""))
            .on(c -> c.path().equals("/api/v1/persons/" + PERSON), c -> Answer.json("""
                    {"id":"%s","nik":"1872051205800001","name":"SUPARMAN","birthDate":"1980-05-12","sex":"L",
                     "relationship":"KEPALA_KELUARGA","lifeStatus":"HIDUP","householdId":"%s","version":1}"""
                    .formatted(PERSON, HOUSEHOLD)))
            .on(c -> c.path().endsWith("/history"), c -> Answer.json("""
                    {"items":[{"id":1,"action":"TERDAFTAR","changedAt":"2026-12-06T07:05:00Z","changedBy":"uji.operator",
                      "after":{"name":"SUPARMAN"}},
                     {"id":2,"action":"DIKOREKSI","changedAt":"2026-12-06T08:00:00Z","changedBy":"uji.operator",
                      "reason":"salah ketik","before":{"occupation":"PETANI"},"after":{"occupation":"PEDAGANG"}}],
                     "page":0,"size":100,"totalItems":2,"totalPages":1}"""))
            .route("POST /api/v1/persons/search", Answer.json("""
                    {"items":[{"id":"%s","nik":"1872051205800001","name":"SUPARMAN","birthYear":1980,"sex":"L",
                      "relationship":"KEPALA_KELUARGA","householdId":"%s","lifeStatus":"HIDUP"}]}"""
                    .formatted(PERSON, HOUSEHOLD)))
            .on(c -> c.path().equals(IMPORTS + "/profiles"), c -> Answer.json("""
                    [{"name":"dasawisma-2025","description":"Format dasawisma","version":2,
                      "columns":{"No KK":"kkNumber","Nama Lengkap":"name"}}]"""))
            .on(c -> c.method().equals("PUT") && c.path().startsWith(IMPORTS + "/profiles/"), c -> Answer.json(
                    "{\"name\":\"" + c.path().substring(c.path().lastIndexOf('/') + 1) + "\",\"version\":3}"))
            .route("GET " + IMPORTS + "/reviews", Answer.json("""
                    {"items":[{"id":"66666666-6666-6666-6666-666666666666","importId":"%s","rowNumber":7,
                      "nik":"187205**********","name":"WARSINAH","birthDate":"1970-08-17",
                      "kelurahanCode":"18.72.05.1001","otherNik":"187205**********","status":"TERBUKA"}]}"""
                    .formatted(IMPORT)))
            .on(c -> c.method().equals("POST") && c.path().endsWith("/decision"), c -> Answer.problem(400, """
                    {"title":"Data tidak sah","status":400,"code":"HH-DATA-TIDAK-SAH",
                     "errors":[{"pointer":"/reason","detail":"alasan wajib diisi"}]}"""))
            .on(c -> c.path().equals(IMPORTS + "/columns"), c -> Answer.json(
                    "[{\"name\":\"kkNumber\",\"field\":\"kkNumber\",\"required\":true},"
                    + "{\"name\":\"name\",\"field\":\"name\",\"required\":true}]"))
            .on(c -> c.path().equals(IMPORTS), c -> Answer.json("""
                    {"items":[{"id":"%s","fileName":"kader.csv","status":"SELESAI","rowsRead":1234,
                      "createdAt":"2026-12-06T07:05:00Z"}]}""".formatted(IMPORT)))
            .on(c -> c.path().equals(IMPORTS + "/" + IMPORT), c -> Answer.json("""
                    {"id":"%s","fileName":"kader.csv","status":"SELESAI","rowsRead":3,"rowsValid":2,
                     "rowsWithProblems":1,"householdsCreated":1,"personsCreated":2,"reviewItems":0,
                     "phaseProgress":1}""".formatted(IMPORT)))
            .on(c -> c.path().equals(IMPORTS + "/" + IMPORT + "/problems"), c -> Answer.json("""
                    {"items":[{"rowNumber":4,"column":"nik","value":"12345","message":"NIK harus 16 digit"}]}"""));

    RequestPostProcessor operator() {
        return login("kelurahan-operator", "uji.operator", Map.of("wilayah", "18.72.05.1001"));
    }

    RequestPostProcessor verifier() {
        return login("dinsos-verifier", "uji.verifikator", Map.of());
    }

    String page(String path) throws Exception {
        return page(path, operator());
    }

    @Test
    void theHouseholdPageShowsMembersWithIndonesianDatesAndActionsForTheLiving() throws Exception {
        String html = page("/rumah-tangga/" + HOUSEHOLD);
        assertThat(html).contains("1872050101000001", "SUPARMAN", "METRO, 12 Mei 1980", "Kepala keluarga",
                "Meninggal", "sejak 4 Desember 2026", "/rumah-tangga/" + HOUSEHOLD + "/anggota/" + PERSON + "/koreksi");
        assertThat(html).as("no actions for the dead").doesNotContain("44444444-4444-4444-4444-444444444444/koreksi");
        assertThat(html).as("the kelurahan by its name").contains("Rejomulyo");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("GET /api/v1/households/" + HOUSEHOLD)
                && c.contains("purpose=Pemutakhiran data rumah tangga") && c.contains("auth=Bearer "));
    }

    @Test
    void everyOtherPageRenders() throws Exception {
        assertThat(page("/rumah-tangga")).contains("Cari rumah tangga");
        assertThat(page("/rumah-tangga/baru")).contains("Nomor KK, 16 digit", "Rejomulyo (18.72.05.1001)",
                "Milik sendiri");
        assertThat(page("/rumah-tangga/" + HOUSEHOLD + "/riwayat")).contains("Dikoreksi", "salah ketik", "PETANI",
                "PEDAGANG", "Pekerjaan", "6 Desember 2026 14.05 WIB");
        assertThat(page("/rumah-tangga/" + HOUSEHOLD + "/riwayat-anggota/" + PERSON)).contains("Riwayat");
        assertThat(page("/rumah-tangga/" + HOUSEHOLD + "/anggota/" + PERSON + "/koreksi")).contains("Koreksi data");
        assertThat(page("/rumah-tangga/" + HOUSEHOLD + "/anggota/" + PERSON + "/meninggal")).contains("Tanggal meninggal");
        assertThat(page("/rumah-tangga/" + HOUSEHOLD + "/anggota/" + PERSON + "/pindah")).contains("Tujuan pindah");
        assertThat(page("/rumah-tangga/impor")).contains("Impor berkas kader", "dasawisma-2025", "kader.csv", "1.234");
        assertThat(page("/rumah-tangga/impor/" + IMPORT)).contains("Selesai", "Laporan baris", "12345",
                "laporan-baris.csv");
        assertThat(page("/rumah-tangga/" + HOUSEHOLD + "/anggota-baru")).contains("Tambah anggota KK",
                "1872050101000001", "Status perkawinan", "Kawin");
        assertThat(page("/rumah-tangga/" + HOUSEHOLD + "/anggota/" + PERSON + "/pindah-kk"))
                .contains("Pindahkan <span>SUPARMAN</span> ke KK lain", "Nomor KK tujuan");
        assertThat(page("/rumah-tangga/impor/dugaan-ganda?impor=" + IMPORT)).contains("WARSINAH", "17 Agustus 1970",
                "187205**********", "baris 7", "Menunggu keputusan: <strong>1</strong>", "Orang yang sama");
        assertThat(page("/rumah-tangga/impor/profil?nama=dasawisma-2025")).contains("Ubah profil dasawisma-2025",
                "name=\"kolom.kkNumber\" type=\"text\" value=\"No KK\"", "value=\"Nama Lengkap\"", "versi 2");
        page("/rumah-tangga/baru");
        page("/rumah-tangga/" + HOUSEHOLD);
        assertThat(gateway.lines().stream().filter(c -> c.startsWith("GET /api/v1/wilayah/code-lists ")))
                .as("reference data fetched once, not per page").hasSize(1);
        assertThat(gateway.lines().stream().filter(c -> c.startsWith("GET /api/v1/wilayah ")))
                .as("the region tree fetched once, not per page").hasSize(1);
    }

    @Test
    void aNikSearchIsPostedAndAnsweredAsAFragmentForHtmx() throws Exception {
        MockHttpServletResponse answer = mvc.perform(post("/rumah-tangga/cari").with(operator()).with(csrf())
                .header("HX-Request", "true").param("by", "NIK").param("term", "1872051205800001")).andReturn()
                .getResponse();
        String html = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).startsWith("<section id=\"hasil\"").contains("Hasil: <span>1</span> penduduk", "SUPARMAN", "Kepala keluarga")
                .doesNotContain("<header");
    }

    @Test
    void aRefusedRegistrationComesBackAsTypedWithTheMessageBesideTheField() throws Exception {
        MockHttpServletResponse answer = mvc.perform(post("/rumah-tangga/baru").with(operator()).with(csrf())
                .param("kkNumber", "1872050101000009").param("kelurahanCode", "18.72.05.1001").param("rw", "3")
                .param("rt", "7").param("members[0].nik", "12345").param("members[0].name", "Suparman"))
                .andReturn().getResponse();
        String html = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("value=\"1872050101000009\"", "value=\"Suparman\"", "Periksa isian yang ditandai.")
                .containsPattern("<p id=\"m0-nik-error\" class=\"field-error\">NIK harus 16 digit angka</p>")
                .contains("aria-describedby=\"m0-nik-error\"");
    }

    @Test
    void aCorrectionWithoutReasonShowsTheMessageBesideTheReasonAndSendsIfMatch() throws Exception {
        MockHttpServletResponse answer = mvc.perform(post("/rumah-tangga/" + HOUSEHOLD + "/anggota/" + PERSON
                + "/koreksi").with(operator()).with(csrf()).param("version", "1").param("field", "occupation")
                .param("value", "PEDAGANG")).andReturn().getResponse();
        String html = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("value=\"PEDAGANG\"")
                .contains("<p id=\"reason-error\" class=\"field-error\">alasan wajib diisi, paling panjang 500 karakter</p>");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("PATCH /api/v1/persons/" + PERSON) && c.contains("ifMatch=\"1\""));
    }

    @Test
    void anAddedMemberRefusedComesBackAsTypedWithTheMessageBesideTheFieldAndSendsTheHouseholdsVersion()
            throws Exception {
        String html = mvc.perform(post("/rumah-tangga/" + HOUSEHOLD + "/anggota-baru").with(operator()).with(csrf())
                .param("version", "3").param("nik", "1872051005200001").param("name", "Budi")
                .param("reason", "akta kelahiran")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("value=\"Budi\"", "value=\"akta kelahiran\"")
                .contains("<p id=\"nik-error\" class=\"field-error\">NIK sudah terdaftar di KK lain</p>");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/households/" + HOUSEHOLD + "/members")
                && c.contains("ifMatch=\"3\""));
    }

    @Test
    void aMemberMovesToAnotherHouseholdFoundByItsKkNumberAndAnUnknownKkIsSaidBesideTheField() throws Exception {
        String shape = mvc.perform(post("/rumah-tangga/" + HOUSEHOLD + "/anggota/" + PERSON + "/pindah-kk")
                .with(operator()).with(csrf()).param("version", "3").param("toKkNumber", "18720501")
                .param("reason", "ikut suami")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(shape).contains("Nomor KK tujuan harus 16 digit angka.", "value=\"ikut suami\"");
        String unknown = mvc.perform(post("/rumah-tangga/" + HOUSEHOLD + "/anggota/" + PERSON + "/pindah-kk")
                .with(operator()).with(csrf()).param("version", "3").param("toKkNumber", "1872050101000099")
                .param("reason", "ikut suami")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unknown).contains("KK 1872050101000099 tidak ditemukan di wilayah Anda");
        assertThat(gateway.lines()).noneMatch(c -> c.contains("/move"));

        MockHttpServletResponse moved = mvc.perform(post("/rumah-tangga/" + HOUSEHOLD + "/anggota/" + PERSON
                + "/pindah-kk").with(operator()).with(csrf()).param("version", "3")
                .param("toKkNumber", "1872050101000002").param("relationship", "ISTRI").param("reason", "ikut suami"))
                .andReturn().getResponse();
        assertThat(moved.getRedirectedUrl()).isEqualTo("/rumah-tangga/" + HOUSEHOLD);
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/households/" + HOUSEHOLD + "/members/" + PERSON
                + "/move") && c.contains("ifMatch=\"3\""));
    }

    @Test
    void aDuplicateDecisionWithoutReasonComesBackWithTheMessageBesideTheReasonOfThatPair() throws Exception {
        String review = "66666666-6666-6666-6666-666666666666";
        String html = mvc.perform(post("/rumah-tangga/impor/dugaan-ganda/" + review).with(operator()).with(csrf())
                .param("impor", IMPORT).param("decision", "ORANG_SAMA")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<p id=\"reason-" + review + "-error\" class=\"field-error\">alasan wajib diisi</p>")
                .containsPattern("value=\"ORANG_SAMA\" checked");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/household-imports/reviews/" + review + "/decision"));
    }

    @Test
    void aProfileIsSavedAsTheCadresHeadersMappedToTheStandardColumns() throws Exception {
        MockHttpServletResponse saved = mvc.perform(post("/rumah-tangga/impor/profil").with(operator()).with(csrf())
                .param("name", "kader-rejomulyo").param("description", "Format kader Rejomulyo")
                .param("kolom.kkNumber", " Nomor KK ").param("kolom.name", "Nama").param("kolom.rt", ""))
                .andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/rumah-tangga/impor/profil?nama=kader-rejomulyo");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("PUT /api/v1/household-imports/profiles/kader-rejomulyo"));
        assertThat(gateway.lastBody()).contains("\"Nomor KK\":\"kkNumber\"", "\"Nama\":\"name\"").doesNotContain("\"rt\"");
    }

    @Test
    void theHouseholdPageOffersTheCardsChangesToWritersOnly() throws Exception {
        String html = page("/rumah-tangga/" + HOUSEHOLD);
        assertThat(html).contains("/rumah-tangga/" + HOUSEHOLD + "/koreksi\"", "/rumah-tangga/" + HOUSEHOLD
                + "/pindah-alamat\"", "/rumah-tangga/" + HOUSEHOLD + "/kepala-keluarga\"", "/rumah-tangga/" + HOUSEHOLD
                + "/anggota/" + CHILD + "/keluarkan\"", "Milik sendiri");
        String read = mvc.perform(get("/rumah-tangga/" + HOUSEHOLD).with(verifier())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(read).contains("SUPARMAN").doesNotContain("/koreksi\"", "/pindah-alamat\"", "/kepala-keluarga\"",
                "/keluarkan\"");
        for (String path : java.util.List.of("/koreksi", "/pindah-alamat", "/kepala-keluarga",
                "/anggota/" + CHILD + "/keluarkan", "/anggota-baru")) {
            assertThat(mvc.perform(get("/rumah-tangga/" + HOUSEHOLD + path).with(verifier())).andReturn()
                    .getResponse().getStatus()).as(path).isEqualTo(403);
        }
        assertThat(mvc.perform(post("/wilayah/18.72.05.1001/rw").with(verifier()).with(csrf()).param("number", "5"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theNewHouseholdPagesRender() throws Exception {
        assertThat(page("/rumah-tangga/" + HOUSEHOLD + "/koreksi")).contains("Koreksi data rumah tangga",
                "name=\"value\" type=\"text\" value=\"Jl. Kenanga No. 12\"", "Alamat yang benar");
        assertThat(page("/rumah-tangga/" + HOUSEHOLD + "/koreksi?isian=houseOwnership"))
                .containsPattern("<option value=\"MILIK_SENDIRI\" selected=\"selected\">Milik sendiri</option>");
        assertThat(page("/rumah-tangga/" + HOUSEHOLD + "/koreksi?isian=assets"))
                .contains("<div class=\"field check\">", "Lemari es")
                .containsPattern("value=\"KULKAS\" checked=\"checked\"")
                .doesNotContainPattern("value=\"SEPEDA_MOTOR\" checked");
        assertThat(page("/rumah-tangga/" + HOUSEHOLD + "/koreksi?isian=dasawismaId"))
                .contains("Mawar 1 (RW 003 / RT 007)");
        assertThat(page("/rumah-tangga/" + HOUSEHOLD + "/pindah-alamat")).contains("Pindah alamat rumah tangga",
                "Nomor KK baru").containsPattern("<option value=\"18.72.05.1001\" selected=\"selected\">");
        assertThat(page("/rumah-tangga/" + HOUSEHOLD + "/kepala-keluarga")).contains("<strong>SUPARMAN</strong>",
                "DIMAS (Anak)", "Hubungan kepala keluarga lama").doesNotContain("SULASTRI (");
        assertThat(page("/rumah-tangga/" + HOUSEHOLD + "/anggota/" + CHILD + "/keluarkan"))
                .contains("Keluarkan <span>DIMAS</span> dari KK", "Alasan dikeluarkan");
        assertThat(mvc.perform(get("/wilayah").with(operator())).andReturn().getResponse().getRedirectedUrl())
                .as("a kelurahan operator has one kelurahan").isEqualTo("/wilayah/18.72.05.1001");
        assertThat(page("/wilayah/18.72.05.1001")).contains("Rejomulyo", "007, 008", "Mawar 1", "Tambah RW",
                "Tambah RT", "Bentuk kelompok dasawisma", "<option value=\"004\">RW 004</option>");
    }

    @Test
    void aHouseholdCorrectionIsAMergePatchOfTheFieldWithItsReasonAndARefusalKeepsWhatWasChosen() throws Exception {
        String html = mvc.perform(post("/rumah-tangga/" + HOUSEHOLD + "/koreksi").with(operator()).with(csrf())
                .param("version", "3").param("field", "assets").param("assets", "SEPEDA_MOTOR", "KULKAS"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(gateway.sent("PATCH /api/v1/households/" + HOUSEHOLD)).contains("\"assets\":[\"SEPEDA_MOTOR\",\"KULKAS\"]",
                "\"reason\":\"\"");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("PATCH /api/v1/households/" + HOUSEHOLD)
                && c.contains("ifMatch=\"3\""));
        assertThat(html).containsPattern("value=\"SEPEDA_MOTOR\" checked=\"checked\"")
                .contains("<p id=\"reason-error\" class=\"field-error\">alasan wajib diisi, paling panjang 500 karakter</p>");

        mvc.perform(post("/rumah-tangga/" + HOUSEHOLD + "/koreksi").with(operator()).with(csrf())
                .param("version", "3").param("field", "floorAreaM2").param("value", "36").param("reason", "diukur"));
        assertThat(gateway.sent("PATCH /api/v1/households/" + HOUSEHOLD)).as("the area as a number")
                .contains("\"floorAreaM2\":36");
    }

    @Test
    void aRefusedRelocationKeepsWhatWasTypedWithTheMessageBesideTheNewKkNumber() throws Exception {
        String html = mvc.perform(post("/rumah-tangga/" + HOUSEHOLD + "/pindah-alamat").with(operator()).with(csrf())
                .param("version", "3").param("kelurahanCode", "18.72.05.1001").param("rw", "4").param("rt", "2")
                .param("address", "Jl. Melati 3").param("reason", "surat pindah")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("value=\"Jl. Melati 3\"", "value=\"surat pindah\"")
                .contains("<p id=\"newKkNumber-error\" class=\"field-error\">pindah ke kelurahan lain membawa nomor KK baru");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/households/" + HOUSEHOLD + "/relocation")
                && c.contains("ifMatch=\"3\""));
        assertThat(gateway.sent("POST /api/v1/households/" + HOUSEHOLD + "/relocation"))
                .contains("\"kelurahanCode\":\"18.72.05.1001\"", "\"rw\":\"4\"", "\"newKkNumber\":null");
    }

    @Test
    void aHeadChangeNeedsAMemberAndTheFormerHeadsRelationship() throws Exception {
        String none = mvc.perform(post("/rumah-tangga/" + HOUSEHOLD + "/kepala-keluarga").with(operator()).with(csrf())
                .param("version", "3").param("reason", "KK baru")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).contains("<p id=\"personId-error\" class=\"field-error\">Pilih anggota");
        assertThat(gateway.lines()).noneMatch(c -> c.contains("/head"));

        String refused = mvc.perform(post("/rumah-tangga/" + HOUSEHOLD + "/kepala-keluarga").with(operator())
                .with(csrf()).param("version", "3").param("personId", CHILD).param("reason", "KK baru"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("<p id=\"formerHeadRelationship-error\" class=\"field-error\">hubungan baru")
                .containsPattern("<option value=\"" + CHILD + "\" selected=\"selected\">DIMAS");
        assertThat(gateway.sent("POST /api/v1/households/" + HOUSEHOLD + "/head")).contains("\"personId\":\"" + CHILD + "\"");
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/households/" + HOUSEHOLD + "/head")
                && c.contains("ifMatch=\"3\""));
    }

    @Test
    void aMemberIsTakenOffTheCardWithAReasonAndTheHeadsRefusalIsSaidAboveTheForm() throws Exception {
        String refused = mvc.perform(post("/rumah-tangga/" + HOUSEHOLD + "/anggota/" + PERSON + "/keluarkan")
                .with(operator()).with(csrf()).param("version", "3").param("reason", "tercatat ganda"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Tetapkan kepala keluarga baru lebih dulu", "value=\"tercatat ganda\"");
        org.springframework.test.web.servlet.MvcResult removed = mvc.perform(post("/rumah-tangga/" + HOUSEHOLD
                + "/anggota/" + CHILD + "/keluarkan").with(operator()).with(csrf()).param("version", "3")
                .param("reason", "tercatat ganda")).andReturn();
        assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/rumah-tangga/" + HOUSEHOLD);
        assertThat(removed.getFlashMap().get("notice")).isEqualTo("Anggota dikeluarkan dari KK. Alasan: tercatat ganda");
        assertThat(gateway.lastBody()).isEqualTo("{\"reason\":\"tercatat ganda\"}");
    }

    @Test
    void aRefusedRwOrDasawismaComesBackInItsOwnFormAsTyped() throws Exception {
        String rw = mvc.perform(post("/wilayah/18.72.05.1001/rw").with(operator()).with(csrf()).param("number", "003"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rw).contains("RW 003 sudah terdaftar", "id=\"rw-number\" name=\"number\" type=\"text\" value=\"003\"")
                .contains("id=\"rt-number\" name=\"number\" type=\"text\" value=\"\"");
        String group = mvc.perform(post("/wilayah/18.72.05.1001/dasawisma").with(operator()).with(csrf())
                .param("name", "Melati 2").param("rw", "003").param("rt", "009")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(group).contains("<p id=\"dw-rt-error\" class=\"field-error\">RT 009 belum terdaftar",
                "value=\"Melati 2\"").doesNotContain("id=\"rw-number-error\"");
    }

    @Test
    void searchesSendTheirTermsInTheBodyNeverInAUrl() throws Exception {
        gateway.calls.clear();
        for (String[] search : new String[][]{{"NIK", "1872051205800001"}, {"KK", "1872050101000002"},
                {"NAMA", "Suparman"}}) {
            mvc.perform(post("/rumah-tangga/cari").with(operator()).with(csrf()).param("by", search[0])
                    .param("term", search[1])).andReturn();
            assertThat(gateway.lastBody()).contains(search[1]);
        }
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/persons/search ")
                && c.contains("purpose=Pemutakhiran data rumah tangga"));
        assertThat(gateway.lines()).anyMatch(c -> c.startsWith("POST /api/v1/households/search "));
        assertThat(gateway.calls).map(StandInGateway.Call::head).noneMatch(c -> c.contains("1872051205800001")
                || c.contains("1872050101000002") || c.toLowerCase(java.util.Locale.ROOT).contains("suparman"));
    }
}
