package org.kesra.console.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kesra.console.testing.RenderTestSupport;
import org.kesra.console.testing.StandInGateway;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The auditor's personal-data access logs against answers shaped like household-service's and welfare-service's (a
 * stand-in gateway): the reads in Indonesian with the NIKs as the services mask them, filters by the services' ids in
 * links, a NIK only ever posted (never in the console's URL), the service's refusal of a NIK beside its field with
 * what was typed kept, and every other role refused before any API call.
 */
class AccessLogPagesRenderTest extends RenderTestSupport {

    static final String PERSON = "0b6f3c1e-5d1a-4a3e-9f55-2d7c8a1b9e01";
    static final String HOUSEHOLD = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";
    static final StandInGateway gateway = startGateway();

    static StandInGateway startGateway() {
        try {
            StandInGateway g = new StandInGateway();
            g.on(c -> c.path().equals("/api/v1/personal-data-access/search") && c.body().contains("\"nik\":\"123\""),
                    400, """
                    {"status":400,"code":"PLAT-INPUT-TIDAK-SAH","detail":"Permintaan tidak sah.",
                     "errors":[{"pointer":"/nik","detail":"NIK harus 16 digit"}]}""", null);
            g.on("POST", "/api/v1/personal-data-access/search", 200, """
                    {"items":[
                      {"id":41,"accessedAt":"2026-12-07T03:15:00Z","actor":"rejomulyo.operator","clientId":"kesra-console",
                       "personId":"%s","householdId":"%s","niks":["1872**********01"],"status":200,
                       "endpoint":"GET /api/v1/persons/{id}","purpose":"Pemutakhiran data rumah tangga melalui konsol Kesra",
                       "requestId":"r-41"},
                      {"id":40,"accessedAt":"2026-12-06T09:00:00Z","actor":"metrobarat.operator","clientId":"kesra-console",
                       "personId":null,"householdId":"%s","niks":["1872**********01","1872**********02"],"status":403,
                       "endpoint":"GET /api/v1/households/{id}","purpose":"Cek data","requestId":"r-40"}],
                     "page":0,"size":50,"totalItems":51,"totalPages":2}""".formatted(PERSON, HOUSEHOLD, HOUSEHOLD));
            g.on("POST", "/api/v1/welfare/personal-data-access/search", 200, """
                    {"items":[
                      {"id":9,"accessedAt":"2026-12-04T02:00:00Z","actor":"dinsos.verifier","clientId":"kesra-console",
                       "niks":["1872**********05"],"status":200,"endpoint":"GET /api/v1/enrolments/{id}",
                       "purpose":"verifikasi calon KPM","requestId":"r-9"}],
                     "page":0,"size":50,"totalItems":1,"totalPages":1}""");
            g.on("POST", "/api/v1/verifications/access-log/search", 200, """
                    [{"id":7,"accessedAt":"2026-12-05T01:30:00Z","clientId":"bpjs-ketenagakerjaan","caller":"service-account-bpjs",
                      "nik":"1872**********09","personId":null,"endpoint":"GET /api/v1/verifications",
                      "purpose":"Pendaftaran peserta penerima bantuan iuran","requestId":"r-7"}]""");
            return g;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    RequestPostProcessor as(String role) {
        return login(role, "inspektorat.auditor", Map.of("wilayah", "18.72"));
    }

    @Test
    void theHouseholdReadsAreShownInIndonesianWithTheNiksAsMaskedAndTheServicesIdsAsFilters() throws Exception {
        gateway.calls.clear();
        MockHttpServletResponse answer = mvc.perform(get("/audit/akses-data-pribadi").param("pelaku",
                "rejomulyo.operator").param("halaman", "1").with(as("auditor"))).andReturn().getResponse();
        String html = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(html).contains("7 Desember 2026", "1872**********01", "1872**********02", "Diberikan",
                "Ditolak (403)", "Pemutakhiran data rumah tangga melalui konsol Kesra", "<span>51</span> catatan",
                "Halaman 1 dari 2", "/audit/akses-data-pribadi?orang=" + PERSON,
                "/audit/akses-data-pribadi?rumahTangga=" + HOUSEHOLD);
        assertThat(html).contains("halaman=2");
        assertThat(gateway.calls).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("/api/v1/personal-data-access/search");
            assertThat(c.body()).contains("\"actor\":\"rejomulyo.operator\"", "\"page\":0", "\"size\":50");
        });
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/audit-access-log.html"), html);

        gateway.calls.clear();
        mvc.perform(get("/audit/akses-data-pribadi").param("orang", PERSON).with(as("auditor")));
        assertThat(gateway.calls).singleElement().satisfies(c -> assertThat(c.body()).contains("\"person\":\"" + PERSON));
    }

    @Test
    void aNikIsPostedAndItsFurtherPagesArePostedTooNeverPutInALink() throws Exception {
        gateway.calls.clear();
        MockHttpServletResponse answer = mvc.perform(post("/audit/akses-data-pribadi").with(as("auditor")).with(csrf())
                .param("sumber", "rumah-tangga").param("nik", "1872010101010001")).andReturn().getResponse();
        String html = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(gateway.calls).singleElement().satisfies(c -> {
            assertThat(c.method()).isEqualTo("POST");
            assertThat(c.body()).contains("\"nik\":\"1872010101010001\"");
        });
        assertThat(html).contains("name=\"nik\" value=\"1872010101010001\"", "Berikutnya")
                .doesNotContainPattern("href=\"[^\"]*1872010101010001");
    }

    /** Issue 24: no personal data in URLs, the console's calls to the services included, whichever log is read. */
    @Test
    void noNikIsInAnyUrlTheGatewayReceivesWhicheverLogIsSearched() throws Exception {
        gateway.calls.clear();
        for (String source : new String[] {"rumah-tangga", "register", "verifikasi"}) {
            assertThat(mvc.perform(post("/audit/akses-data-pribadi").with(as("auditor")).with(csrf())
                    .param("sumber", source).param("nik", "1872010101010001").param("pelaku", "pengguna.uji")
                    .param("halaman", "2")).andReturn().getResponse().getStatus()).as(source).isEqualTo(200);
        }
        assertThat(gateway.calls).hasSize(3).allSatisfy(c -> {
            assertThat(c.method()).isEqualTo("POST");
            assertThat(c.path() + "?" + c.query()).doesNotContain("1872010101010001");
            assertThat(c.body()).contains("\"nik\":\"1872010101010001\"", "\"page\":1");
        });
    }

    @Test
    void theServicesRefusalOfANikIsShownBesideItsFieldWithWhatWasTyped() throws Exception {
        MockHttpServletResponse answer = mvc.perform(post("/audit/akses-data-pribadi").with(as("auditor")).with(csrf())
                .param("nik", "123").param("pelaku", "rejomulyo.operator")).andReturn().getResponse();
        String html = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(html).contains("id=\"nik-error\" class=\"field-error\">NIK harus 16 digit</p>",
                "aria-describedby=\"nik-error\"", "value=\"123\"", "value=\"rejomulyo.operator\"");
        Files.writeString(Path.of("target/audit-access-log-refused.html"), html);
    }

    @Test
    void welfareServicesRegisterLogIsReadThroughItsOwnPathWithItsActorFilter() throws Exception {
        gateway.calls.clear();
        MockHttpServletResponse answer = mvc.perform(get("/audit/akses-data-pribadi").param("sumber", "register")
                .param("pelaku", "dinsos.verifier").with(as("auditor"))).andReturn().getResponse();
        String html = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(html).contains("4 Desember 2026", "dinsos.verifier", "1872**********05", "verifikasi calon KPM",
                "GET /api/v1/enrolments/{id}", "<option value=\"register\" selected=\"selected\">",
                "sumber=register&amp;pelaku=dinsos.verifier").doesNotContain("Orang ini");
        assertThat(gateway.calls).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("/api/v1/welfare/personal-data-access/search");
            assertThat(c.body()).contains("\"actor\":\"dinsos.verifier\"", "\"page\":0");
        });
    }

    @Test
    void theVerificationLogIsPagedWithoutATotalByItsClient() throws Exception {
        gateway.calls.clear();
        MockHttpServletResponse answer = mvc.perform(get("/audit/akses-data-pribadi").param("sumber", "verifikasi")
                .param("pelaku", "bpjs-ketenagakerjaan").with(as("auditor"))).andReturn().getResponse();
        String html = answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(html).contains("5 Desember 2026", "bpjs-ketenagakerjaan", "service-account-bpjs", "1872**********09",
                "Pendaftaran peserta penerima bantuan iuran").doesNotContain("Berikutnya");
        assertThat(gateway.calls).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("/api/v1/verifications/access-log/search");
            assertThat(c.body()).contains("\"client\":\"bpjs-ketenagakerjaan\"", "\"page\":0");
        });
    }

    @Test
    void onlyAuditorsSeeTheLogAndOthersAreRefusedBeforeAnyApiCall() throws Exception {
        gateway.calls.clear();
        for (String role : new String[] {"platform-admin", "dinsos-admin", "kelurahan-operator", "planner"}) {
            assertThat(mvc.perform(get("/audit/akses-data-pribadi").with(as(role))).andReturn().getResponse()
                    .getStatus()).as(role).isEqualTo(403);
            assertThat(mvc.perform(post("/audit/akses-data-pribadi").with(as(role)).with(csrf()).param("nik",
                    "1872010101010001")).andReturn().getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(mvc.perform(get("/").with(as(role))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).as(role).doesNotContain("Catatan akses data pribadi");
        }
        assertThat(gateway.calls).isEmpty();
        assertThat(mvc.perform(get("/").with(as("auditor"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Catatan akses data pribadi");
    }
}
