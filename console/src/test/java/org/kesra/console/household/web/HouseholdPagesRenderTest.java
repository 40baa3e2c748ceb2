package org.kesra.console.household.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.kesra.console.security.ConsoleSecurity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every household page rendered from answers shaped like household-service's (a stand-in gateway serves them), with
 * the user's token on each call and X-Purpose on the reads of personal data; a refusal's messages beside their fields.
 */
@SpringBootTest(properties = "management.server.port=0")
@AutoConfigureMockMvc
class HouseholdPagesRenderTest {

    static final String HOUSEHOLD = "11111111-1111-1111-1111-111111111111";
    static final String PERSON = "22222222-2222-2222-2222-222222222222";
    static final String IMPORT = "33333333-3333-3333-3333-333333333333";
    static final Queue<String> calls = new ConcurrentLinkedQueue<>();
    static HttpServer gateway;
    static volatile String lastBody;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            calls.add(method + " " + exchange.getRequestURI() + " purpose=" + exchange.getRequestHeaders()
                    .getFirst("X-Purpose") + " auth=" + exchange.getRequestHeaders().getFirst("Authorization")
                    + " ifMatch=" + exchange.getRequestHeaders().getFirst("If-Match"));
            lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String body;
            int status = 200;
            String type = "application/json";
            if (method.equals("POST") && path.equals("/api/v1/households")) {
                status = 400;
                type = "application/problem+json";
                body = """
                        {"type":"urn:kesra:problem:HH-DATA-TIDAK-SAH","title":"Data tidak sah","status":400,
                         "detail":"Periksa isian yang ditandai.","code":"HH-DATA-TIDAK-SAH",
                         "errors":[{"pointer":"/members/0/nik","detail":"NIK harus 16 digit angka"}]}""";
            } else if (method.equals("PATCH")) {
                status = 400;
                type = "application/problem+json";
                body = """
                        {"title":"Data tidak sah","status":400,"code":"HH-DATA-TIDAK-SAH",
                         "errors":[{"pointer":"/reason","detail":"alasan wajib diisi, paling panjang 500 karakter"}]}""";
            } else if (method.equals("POST") && path.equals("/api/v1/households/" + HOUSEHOLD + "/members")) {
                status = 400;
                type = "application/problem+json";
                body = """
                        {"title":"Data tidak sah","status":400,"code":"HH-DATA-TIDAK-SAH",
                         "errors":[{"pointer":"/nik","detail":"NIK sudah terdaftar di KK lain"}]}""";
            } else if (method.equals("POST") && path.endsWith("/members/" + PERSON + "/move")) {
                body = "{\"id\":\"" + HOUSEHOLD + "\",\"members\":[]}";
            } else if (method.equals("GET") && path.equals("/api/v1/households")) {
                body = exchange.getRequestURI().getQuery().contains("kk=1872050101000002")
                        ? "{\"items\":[{\"id\":\"55555555-5555-5555-5555-555555555555\",\"kkNumber\":\"1872050101000002\"}]}"
                        : "{\"items\":[]}";
            } else if (path.equals("/api/v1/wilayah")) {
                body = """
                        [{"code":"18.72.05","name":"Metro Utara","level":"kecamatan","parentCode":"18.72"},
                         {"code":"18.72.05.1001","name":"Rejomulyo","level":"kelurahan","parentCode":"18.72.05"}]""";
            } else if (path.equals("/api/v1/wilayah/code-lists")) {
                body = """
                        {"house_ownership":{"MILIK_SENDIRI":"Milik sendiri"},"income_band":{"ANTARA_1_2_JUTA":"Rp1-2 juta"},
                         "marital_status":{"KAWIN":"Kawin"},"education":{"SLTA":"SLTA/sederajat"}}""";
            } else if (path.equals("/api/v1/households/" + HOUSEHOLD)) {
                exchange.getResponseHeaders().set("ETag", "\"3\"");
                body = """
                        {"id":"%s","kkNumber":"1872050101000001","kelurahanCode":"18.72.05.1001","rw":"3","rt":"7",
                         "address":"Jl. Kenanga No. 12","status":"AKTIF","version":3,"members":[
                         {"id":"%s","nik":"1872051205800001","name":"SUPARMAN","birthPlace":"METRO","birthDate":"1980-05-12",
                          "birthYear":1980,"sex":"L","relationship":"KEPALA_KELUARGA","lifeStatus":"HIDUP","version":1},
                         {"id":"44444444-4444-4444-4444-444444444444","nik":"1872054403850001","name":"SULASTRI",
                          "birthYear":1985,"sex":"P","relationship":"ISTRI","lifeStatus":"MENINGGAL",
                          "lifeStatusDate":"2026-12-04","version":4}]}""".formatted(HOUSEHOLD, PERSON);
            } else if (path.equals("/api/v1/persons/" + PERSON)) {
                body = """
                        {"id":"%s","nik":"1872051205800001","name":"SUPARMAN","birthDate":"1980-05-12","sex":"L",
                         "relationship":"KEPALA_KELUARGA","lifeStatus":"HIDUP","householdId":"%s","version":1}"""
                        .formatted(PERSON, HOUSEHOLD);
            } else if (path.endsWith("/history")) {
                body = """
                        {"items":[{"id":1,"action":"TERDAFTAR","changedAt":"2026-12-06T07:05:00Z","changedBy":"uji.operator",
                          "after":{"name":"SUPARMAN"}},
                         {"id":2,"action":"DIKOREKSI","changedAt":"2026-12-06T08:00:00Z","changedBy":"uji.operator",
                          "reason":"salah ketik","before":{"occupation":"PETANI"},"after":{"occupation":"PEDAGANG"}}],
                         "page":0,"size":100,"totalItems":2,"totalPages":1}""";
            } else if (path.equals("/api/v1/persons")) {
                body = """
                        {"items":[{"id":"%s","nik":"1872051205800001","name":"SUPARMAN","birthYear":1980,"sex":"L",
                          "relationship":"KEPALA_KELUARGA","householdId":"%s","lifeStatus":"HIDUP"}]}"""
                        .formatted(PERSON, HOUSEHOLD);
            } else if (path.equals("/api/v1/household-imports/profiles")) {
                body = """
                        [{"name":"dasawisma-2025","description":"Format dasawisma","version":2,
                          "columns":{"No KK":"kkNumber","Nama Lengkap":"name"}}]""";
            } else if (method.equals("PUT") && path.startsWith("/api/v1/household-imports/profiles/")) {
                body = "{\"name\":\"" + path.substring(path.lastIndexOf('/') + 1) + "\",\"version\":3}";
            } else if (method.equals("GET") && path.equals("/api/v1/household-imports/reviews")) {
                body = """
                        {"items":[{"id":"66666666-6666-6666-6666-666666666666","importId":"%s","rowNumber":7,
                          "nik":"187205**********","name":"WARSINAH","birthDate":"1970-08-17",
                          "kelurahanCode":"18.72.05.1001","otherNik":"187205**********","status":"TERBUKA"}]}"""
                        .formatted(IMPORT);
            } else if (method.equals("POST") && path.endsWith("/decision")) {
                status = 400;
                type = "application/problem+json";
                body = """
                        {"title":"Data tidak sah","status":400,"code":"HH-DATA-TIDAK-SAH",
                         "errors":[{"pointer":"/reason","detail":"alasan wajib diisi"}]}""";
            } else if (path.equals("/api/v1/household-imports/columns")) {
                body = "[{\"name\":\"kkNumber\",\"field\":\"kkNumber\",\"required\":true},"
                        + "{\"name\":\"name\",\"field\":\"name\",\"required\":true}]";
            } else if (path.equals("/api/v1/household-imports")) {
                body = """
                        {"items":[{"id":"%s","fileName":"kader.csv","status":"SELESAI","rowsRead":1234,
                          "createdAt":"2026-12-06T07:05:00Z"}]}""".formatted(IMPORT);
            } else if (path.equals("/api/v1/household-imports/" + IMPORT)) {
                body = """
                        {"id":"%s","fileName":"kader.csv","status":"SELESAI","rowsRead":3,"rowsValid":2,
                         "rowsWithProblems":1,"householdsCreated":1,"personsCreated":2,"reviewItems":0,
                         "phaseProgress":1}""".formatted(IMPORT);
            } else if (path.equals("/api/v1/household-imports/" + IMPORT + "/problems")) {
                body = """
                        {"items":[{"rowNumber":4,"column":"nik","value":"12345","message":"NIK harus 16 digit"}]}""";
            } else {
                status = 404;
                body = "{\"status\":404,\"title\":\"Tidak ditemukan\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        gateway.start();
        registry.add("kesra.console.gateway-url", () -> "http://127.0.0.1:" + gateway.getAddress().getPort());
    }

    @AfterAll
    static void stopGateway() {
        gateway.stop(0);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;

    RequestPostProcessor operator() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId(ConsoleSecurity.REGISTRATION))
                .authorities(new SimpleGrantedAuthority("ROLE_kelurahan-operator"))
                .idToken(t -> t.claim("preferred_username", "uji.operator").claim("wilayah", "18.72.05.1001"));
    }

    String page(String path) throws Exception {
        MockHttpServletResponse answer = mvc.perform(get(path).with(operator())).andReturn().getResponse();
        assertThat(answer.getStatus()).as(path + ": " + answer.getContentAsString()).isEqualTo(200);
        return answer.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theHouseholdPageShowsMembersWithIndonesianDatesAndActionsForTheLiving() throws Exception {
        String html = page("/rumah-tangga/" + HOUSEHOLD);
        assertThat(html).contains("1872050101000001", "SUPARMAN", "METRO, 12 Mei 1980", "Kepala keluarga",
                "Meninggal", "sejak 4 Desember 2026", "/rumah-tangga/" + HOUSEHOLD + "/anggota/" + PERSON + "/koreksi");
        assertThat(html).as("no actions for the dead").doesNotContain("44444444-4444-4444-4444-444444444444/koreksi");
        assertThat(html).as("the kelurahan by its name").contains("Rejomulyo");
        assertThat(calls).anyMatch(c -> c.startsWith("GET /api/v1/households/" + HOUSEHOLD)
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
        assertThat(calls.stream().filter(c -> c.startsWith("GET /api/v1/wilayah/code-lists ")))
                .as("reference data fetched once, not per page").hasSize(1);
        assertThat(calls.stream().filter(c -> c.startsWith("GET /api/v1/wilayah ")))
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
        assertThat(calls).anyMatch(c -> c.startsWith("PATCH /api/v1/persons/" + PERSON) && c.contains("ifMatch=\"1\""));
    }

    @Test
    void anAddedMemberRefusedComesBackAsTypedWithTheMessageBesideTheFieldAndSendsTheHouseholdsVersion()
            throws Exception {
        String html = mvc.perform(post("/rumah-tangga/" + HOUSEHOLD + "/anggota-baru").with(operator()).with(csrf())
                .param("version", "3").param("nik", "1872051005200001").param("name", "Budi")
                .param("reason", "akta kelahiran")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("value=\"Budi\"", "value=\"akta kelahiran\"")
                .contains("<p id=\"nik-error\" class=\"field-error\">NIK sudah terdaftar di KK lain</p>");
        assertThat(calls).anyMatch(c -> c.startsWith("POST /api/v1/households/" + HOUSEHOLD + "/members")
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
        assertThat(calls).noneMatch(c -> c.contains("/move"));

        MockHttpServletResponse moved = mvc.perform(post("/rumah-tangga/" + HOUSEHOLD + "/anggota/" + PERSON
                + "/pindah-kk").with(operator()).with(csrf()).param("version", "3")
                .param("toKkNumber", "1872050101000002").param("relationship", "ISTRI").param("reason", "ikut suami"))
                .andReturn().getResponse();
        assertThat(moved.getRedirectedUrl()).isEqualTo("/rumah-tangga/" + HOUSEHOLD);
        assertThat(calls).anyMatch(c -> c.startsWith("POST /api/v1/households/" + HOUSEHOLD + "/members/" + PERSON
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
        assertThat(calls).anyMatch(c -> c.startsWith("POST /api/v1/household-imports/reviews/" + review + "/decision"));
    }

    @Test
    void aProfileIsSavedAsTheCadresHeadersMappedToTheStandardColumns() throws Exception {
        MockHttpServletResponse saved = mvc.perform(post("/rumah-tangga/impor/profil").with(operator()).with(csrf())
                .param("name", "kader-rejomulyo").param("description", "Format kader Rejomulyo")
                .param("kolom.kkNumber", " Nomor KK ").param("kolom.name", "Nama").param("kolom.rt", ""))
                .andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/rumah-tangga/impor/profil?nama=kader-rejomulyo");
        assertThat(calls).anyMatch(c -> c.startsWith("PUT /api/v1/household-imports/profiles/kader-rejomulyo"));
        assertThat(lastBody).contains("\"Nomor KK\":\"kkNumber\"", "\"Nama\":\"name\"").doesNotContain("\"rt\"");
    }
}
